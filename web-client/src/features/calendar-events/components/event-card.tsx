import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CalendarEventStatus, type CalendarEvent } from '@contracts/participation-client';
import { Badge } from '@/components/ui/badge';
import { LocalizedText } from '@/components/ui/localized-text';
import { formatEventWhen } from './event-time';
import { eventPath } from '@/lib/slugs';

/** One event in a list: its title (a link to its page), when, where, and whether places are left. */
export function EventCard({ event, headingLevel = 3 }: { event: CalendarEvent; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const place = [event.placeName, event.placeAddress].filter(Boolean).join(', ');
  return (
    <li className="card event-card">
      <Heading className="card__title">
        <Link to={eventPath(event)}>
          <LocalizedText value={event.title} />
        </Link>
      </Heading>
      <p className="event-card__when">{formatEventWhen(event.startsAt, event.endsAt, i18n.language)}</p>
      {place ? <p className="muted">{place}</p> : event.onlineUrl ? <p className="muted">{t('calendarEvents.online')}</p> : null}
      {event.projectTitle ? (
        <p className="muted">
          <LocalizedText value={event.projectTitle} />
        </p>
      ) : null}
      <p>
        {event.status === CalendarEventStatus.Cancelled ? (
          <Badge tone="warning">{t('calendarEvents.cancelled')}</Badge>
        ) : event.registration ? (
          event.placesLeft === undefined ? (
            <Badge tone="success">{t('calendarEvents.registrationOpen')}</Badge>
          ) : event.placesLeft > 0 ? (
            <Badge tone="success">{t('calendarEvents.placesLeft', { count: event.placesLeft })}</Badge>
          ) : (
            <Badge tone="neutral">{t('calendarEvents.full')}</Badge>
          )
        ) : null}
      </p>
    </li>
  );
}

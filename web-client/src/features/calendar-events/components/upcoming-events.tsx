import { useInfiniteQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PhoneFold } from '@/components/ui/phone-fold';
import { calendarEventsQueryOptions, platformCalendarUrl, projectCalendarUrl } from '../api/calendar-events';
import { EventCard } from './event-card';

export interface UpcomingEventsProps {
  /** A project's events; the whole platform's without one. */
  projectId?: string;
  /** How many to show. */
  limit?: number;
  /** Folded on a phone behind « Événements à venir (n) » (a project page: its participation comes first). */
  foldOnPhone?: boolean;
}

/**
 * A self-contained block of the next events (home page, project page): a heading, the cards, a link to all events and
 * the iCalendar feed to subscribe to. Without events, a project's block stays hidden and the platform's says so.
 */
export function UpcomingEvents({ projectId, limit = 3, foldOnPhone }: UpcomingEventsProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const events = useInfiniteQuery(calendarEventsQueryOptions({ projectId, limit }));
  const items = events.data?.pages[0]?.items ?? [];
  if (projectId && events.isSuccess && items.length === 0) return null;
  const content = (
    <>
      <h2 id={titleId} className={foldOnPhone ? 'phone-fold__heading' : undefined}>
        {t('calendarEvents.upcomingTitle')}
      </h2>
      {events.isPending ? (
        <Loading label={t('common.loading')} />
      ) : events.isError ? (
        <Alert variant="error" title={describeError(t, toApiError(events.error))} />
      ) : items.length === 0 ? (
        <p className="muted">{t('calendarEvents.none')}</p>
      ) : (
        <ul className="card-list">
          {items.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
        </ul>
      )}
      <ul className="inline-list">
        <li>
          <Link to="/events">{t('calendarEvents.all')}</Link>
        </li>
        <li>
          <a href={projectId ? projectCalendarUrl(projectId, i18n.language) : platformCalendarUrl(i18n.language)}>
            {projectId ? t('calendarEvents.projectFeed') : t('calendarEvents.platformFeed')}
          </a>
        </li>
      </ul>
    </>
  );
  return (
    <section className="panel upcoming-events" aria-labelledby={titleId}>
      {foldOnPhone && events.isSuccess ? (
        <PhoneFold summary={t('calendarEvents.upcomingCount', { count: items.length })}>{content}</PhoneFold>
      ) : (
        content
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CalendarEventStatus, type CalendarEvent } from '@contracts/participation-client';
import { PointMap } from '@/components/map/point-map';
import { Alert } from '@/components/ui/alert';
import { LocalizedHtml, LocalizedText } from '@/components/ui/localized-text';
import { localizedName } from '@/lib/roles';
import { safeExternalUrl } from '@/lib/urls';
import { eventIcsUrl } from '../api/calendar-events';
import { formatEventWhen } from './event-time';
import { RegistrationPanel } from './registration-panel';
import { projectPath } from '@/lib/slugs';

export interface EventDetailsProps {
  event: CalendarEvent;
  signedIn: boolean;
  /** The platform's map settings; no map without them. */
  map?: { tileUrl: string; attribution: string };
}

/** An event's page: when (platform time), where (with a small map), online link, "add to calendar", registration. */
export function EventDetails({ event, signedIn, map }: EventDetailsProps) {
  const { t, i18n } = useTranslation();
  const description = localizedName(event.description, i18n.language);
  const place = [event.placeName, event.placeAddress].filter(Boolean).join(', ');
  const online = safeExternalUrl(event.onlineUrl);
  return (
    <div className="stack">
      {event.status === CalendarEventStatus.Cancelled ? (
        <Alert variant="warning" title={t('calendarEvents.cancelledBanner')}>
          {event.cancellationReason ? <p>{event.cancellationReason}</p> : null}
        </Alert>
      ) : null}
      <dl className="event-facts">
        <dt>{t('calendarEvents.when')}</dt>
        <dd>{formatEventWhen(event.startsAt, event.endsAt, i18n.language)}</dd>
        {place ? (
          <>
            <dt>{t('calendarEvents.where')}</dt>
            <dd>{place}</dd>
          </>
        ) : null}
        {online ? (
          <>
            <dt>{t('calendarEvents.onlineLink')}</dt>
            <dd>
              <a href={online} rel="noopener noreferrer" target="_blank">
                {online}
              </a>
            </dd>
          </>
        ) : null}
        {event.projectId && event.projectTitle ? (
          <>
            <dt>{t('calendarEvents.project')}</dt>
            <dd>
              <Link to={projectPath({ id: event.projectId, slug: event.projectSlug })}>
                <LocalizedText value={event.projectTitle} />
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <a className="button button--secondary" href={eventIcsUrl(event.id, i18n.language)} download="event.ics">
          {t('calendarEvents.addToCalendar')}
        </a>
      </p>
      {description ? <LocalizedHtml className="rich-text" value={event.description} /> : null}
      {map && event.latitude != null && event.longitude != null ? (
        <PointMap
          tileUrl={map.tileUrl}
          attribution={map.attribution}
          point={{ latitude: event.latitude, longitude: event.longitude }}
          label={t('calendarEvents.mapLabel', { place: place || localizedName(event.title, i18n.language) })}
        />
      ) : null}
      <RegistrationPanel event={event} signedIn={signedIn} />
      {event.canEdit ? (
        <p>
          <Link to={event.projectId ? `/admin/projects/${event.projectId}/events` : '/admin/events'}>{t('calendarEvents.manage')}</Link>
        </p>
      ) : null}
    </div>
  );
}

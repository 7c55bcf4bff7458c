import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CalendarEventPeriod,
  CalendarEventStatus,
  RegistrationStatus,
  type CalendarEvent,
  type GetPlatformMapSettings,
} from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { TextAreaField } from '@/components/ui/textarea-field';
import { localizedName } from '@/lib/roles';
import {
  calendarEventsQueryOptions,
  registrantsQueryOptions,
  useCancelCalendarEvent,
  useCreateCalendarEvent,
  useUpdateCalendarEvent,
} from '../api/calendar-events';
import { EventForm } from './event-form';
import { EventList, EventPeriodChoice } from './event-list';
import { formatEventWhen } from './event-time';
import { eventPath } from '@/lib/slugs';

export interface EventsManagerProps {
  /** The project's events; platform-wide ones without it. */
  projectId?: string;
  map?: GetPlatformMapSettings;
}

/** The staff's events of a project (or platform-wide): create, edit, cancel, and who registered. */
export function EventsManager({ projectId, map }: EventsManagerProps) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<CalendarEventPeriod>(CalendarEventPeriod.Upcoming);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useCreateCalendarEvent();
  const events = useInfiniteQuery(calendarEventsQueryOptions({ projectId, platformOnly: projectId ? undefined : true, period, limit: 50 }));

  return (
    <div className="stack">
      <StatusMessage>{notice}</StatusMessage>
      {creating ? (
        <section className="panel" aria-labelledby="new-event-title">
          <h2 id="new-event-title">{t('calendarEvents.manager.newTitle')}</h2>
          <EventForm
            map={map}
            submitLabel={t('calendarEvents.manager.create')}
            pending={create.isPending}
            error={create.error}
            onCancel={() => setCreating(false)}
            onSubmit={(fields) =>
              create.mutate(
                { ...fields, projectId },
                {
                  onSuccess: (event) => {
                    setCreating(false);
                    setNotice(t('calendarEvents.manager.created', { title: localizedName(event.title, 'fr') }));
                  },
                },
              )
            }
          />
        </section>
      ) : (
        <p>
          <Button
            onClick={() => {
              create.reset();
              setNotice(null);
              setCreating(true);
            }}
          >
            {t('calendarEvents.manager.new')}
          </Button>
        </p>
      )}
      <EventPeriodChoice name="manager-period" value={period} onChange={setPeriod} />
      <EventList events={events} empty={t('calendarEvents.manager.empty')}>
        {(event) => <ManagedEvent key={event.id} event={event} map={map} onNotice={setNotice} />}
      </EventList>
    </div>
  );
}

type Mode = 'view' | 'edit' | 'cancel' | 'registrants';

function ManagedEvent({ event, map, onNotice }: { event: CalendarEvent; map?: GetPlatformMapSettings; onNotice: (n: string) => void }) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<Mode>('view');
  const [reason, setReason] = useState('');
  const update = useUpdateCalendarEvent(event.id);
  const cancel = useCancelCalendarEvent(event.id);
  const title = localizedName(event.title, i18n.language);
  const cancelled = event.status === CalendarEventStatus.Cancelled;
  return (
    <li className="card">
      <h3 className="card__title">
        <Link to={eventPath(event)}>{title}</Link>
      </h3>
      <p>{formatEventWhen(event.startsAt, event.endsAt, i18n.language)}</p>
      <p>
        {cancelled ? <Badge tone="warning">{t('calendarEvents.cancelled')}</Badge> : null}{' '}
        {event.registration
          ? t('calendarEvents.manager.counts', { registered: event.registeredCount, waiting: event.waitingCount })
          : t('calendarEvents.manager.noRegistration')}
      </p>
      {mode === 'view' ? (
        <p className="inline-list">
          {!cancelled ? (
            <Button variant="secondary" onClick={() => setMode('edit')} aria-label={t('calendarEvents.manager.editNamed', { title })}>
              {t('calendarEvents.manager.edit')}
            </Button>
          ) : null}
          {event.registration ? (
            <Button
              variant="secondary"
              onClick={() => setMode('registrants')}
              aria-label={t('calendarEvents.manager.registrantsNamed', { title })}
            >
              {t('calendarEvents.manager.registrants')}
            </Button>
          ) : null}
          {!cancelled ? (
            <Button variant="secondary" onClick={() => setMode('cancel')} aria-label={t('calendarEvents.manager.cancelNamed', { title })}>
              {t('calendarEvents.manager.cancelEvent')}
            </Button>
          ) : null}
        </p>
      ) : null}
      {mode === 'edit' ? (
        <EventForm
          event={event}
          map={map}
          submitLabel={t('calendarEvents.manager.save')}
          pending={update.isPending}
          error={update.error}
          onCancel={() => setMode('view')}
          onSubmit={(fields) =>
            update.mutate(fields, {
              onSuccess: () => {
                setMode('view');
                onNotice(t('calendarEvents.manager.saved', { title }));
              },
            })
          }
        />
      ) : null}
      {mode === 'cancel' ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            cancel.mutate(reason, {
              onSuccess: () => {
                setMode('view');
                onNotice(t('calendarEvents.manager.cancelledNotice', { title }));
              },
            });
          }}
        >
          <p>{t('calendarEvents.manager.cancelWarning', { count: event.registeredCount + event.waitingCount })}</p>
          <TextAreaField
            id={`cancel-reason-${event.id}`}
            label={t('calendarEvents.manager.reason')}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
          {cancel.error ? <Alert variant="error" role="alert" title={describeError(t, toApiError(cancel.error))} /> : null}
          <p className="inline-list">
            <Button type="submit" pending={cancel.isPending}>
              {t('calendarEvents.manager.confirmCancel')}
            </Button>
            <Button variant="secondary" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </Button>
          </p>
        </form>
      ) : null}
      {mode === 'registrants' ? <Registrants id={event.id} title={title} onClose={() => setMode('view')} /> : null}
    </li>
  );
}

function Registrants({ id, title, onClose }: { id: string; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const registrants = useQuery(registrantsQueryOptions(id));
  if (registrants.isPending) return <Loading label={t('common.loading')} />;
  if (registrants.isError) return <Alert variant="error" title={describeError(t, toApiError(registrants.error))} />;
  return (
    <div className="stack">
      {registrants.data.items.length === 0 ? (
        <p className="muted">{t('calendarEvents.manager.nobody')}</p>
      ) : (
        <table className="table">
          <caption>{t('calendarEvents.manager.registrantsCaption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calendarEvents.manager.name')}</th>
              <th scope="col">{t('calendarEvents.manager.status')}</th>
            </tr>
          </thead>
          <tbody>
            {registrants.data.items.map((r) => (
              <tr key={r.userId}>
                <td>
                  {r.firstName} {r.lastName}
                </td>
                <td>
                  {r.status === RegistrationStatus.Registered
                    ? t('calendarEvents.manager.statusRegistered')
                    : t('calendarEvents.manager.statusWaiting')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Button variant="secondary" onClick={onClose}>
          {t('common.close')}
        </Button>
      </p>
    </div>
  );
}

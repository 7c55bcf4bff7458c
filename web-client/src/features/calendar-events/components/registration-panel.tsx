import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CalendarEventStatus, RegistrationStatus, type CalendarEvent } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';
import { useRegistration } from '../api/calendar-events';
import { eventPath } from '@/lib/slugs';

export interface RegistrationPanelProps {
  event: CalendarEvent;
  signedIn: boolean;
}

/** Register or cancel: places left, the waiting list and one's position on it. */
export function RegistrationPanel({ event, signedIn }: RegistrationPanelProps) {
  const { t } = useTranslation();
  const { register, unregister } = useRegistration(event.id);
  if (!event.registration || event.status === CalendarEventStatus.Cancelled) return null;
  const over = new Date(event.endsAt).getTime() <= Date.now();
  const mine = event.myRegistration;
  const error = register.error ?? unregister.error;
  const full = event.placesLeft !== undefined && event.placesLeft <= 0;
  return (
    <section className="panel" aria-labelledby="registration-title">
      <h2 id="registration-title">{t('calendarEvents.registration.title')}</h2>
      <p>
        {event.capacity === undefined
          ? t('calendarEvents.registration.unlimited', { count: event.registeredCount })
          : t('calendarEvents.registration.capacity', { count: event.placesLeft ?? 0, capacity: event.capacity })}
        {event.waitingCount > 0 ? ` ${t('calendarEvents.registration.waitingCount', { count: event.waitingCount })}` : ''}
      </p>
      <StatusMessage>
        {mine?.status === RegistrationStatus.Registered
          ? t('calendarEvents.registration.registered')
          : mine?.status === RegistrationStatus.Waiting
            ? t('calendarEvents.registration.waiting', { position: mine.waitingPosition ?? 1 })
            : null}
      </StatusMessage>
      {error ? <Alert variant="error" role="alert" title={describeError(t, toApiError(error))} /> : null}
      {over ? (
        <p className="muted">{t('calendarEvents.registration.over')}</p>
      ) : !signedIn ? (
        <p>
          <Link to="/login" state={{ from: eventPath(event) }}>
            {t('calendarEvents.registration.login')}
          </Link>
        </p>
      ) : mine ? (
        <Button variant="secondary" pending={unregister.isPending} onClick={() => unregister.mutate()}>
          {mine.status === RegistrationStatus.Waiting
            ? t('calendarEvents.registration.leaveWaiting')
            : t('calendarEvents.registration.cancel')}
        </Button>
      ) : (
        <Button pending={register.isPending} onClick={() => register.mutate()}>
          {full ? t('calendarEvents.registration.joinWaiting') : t('calendarEvents.registration.register')}
        </Button>
      )}
    </section>
  );
}

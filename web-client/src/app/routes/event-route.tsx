import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { LocalizedText } from '@/components/ui/localized-text';
import { ShareButtons, shareUrl } from '@/components/ui/share-buttons';
import { EventDetails } from '@/features/calendar-events/components/event-details';
import { platformQueryOptions } from '@/features/platform/api/platform';
import { useSessionStatus } from '@/lib/auth/session-store';
import { localizedName } from '@/lib/roles';
import { eventPath } from '@/lib/slugs';
import { NotFoundRoute } from './not-found-route';
import { useEventAddress } from './use-slug-address';

/** One event's page (/events/:slug, or by id): the page e-mails and calendar entries link back to. */
export function EventRoute() {
  const { t, i18n } = useTranslation();
  // The address holds the event's slug (or its id: replaced by the slug address).
  const { id: ref = '' } = useParams();
  const status = useSessionStatus();
  // Waits for a stored session: the caller's registration is part of the answer.
  const { query: event } = useEventAddress(ref);
  const platform = useQuery(platformQueryOptions());
  if (status === 'restoring' || event.isPending) {
    return (
      <Page title={t('calendarEvents.loading')}>
        <Loading label={t('common.loading')} />
      </Page>
    );
  }
  if (event.isError) {
    if (toApiError(event.error).status === 404) return <NotFoundRoute />;
    return (
      <Page title={t('calendarEvents.loading')}>
        <Alert variant="error" role="alert" title={describeError(t, toApiError(event.error))} />
      </Page>
    );
  }
  return (
    <Page title={localizedName(event.data.title, i18n.language)} heading={<LocalizedText value={event.data.title} />}>
      <EventDetails event={event.data} signedIn={status === 'authenticated'} map={platform.data?.map} />
      <ShareButtons url={shareUrl(eventPath(event.data), i18n.language)} title={localizedName(event.data.title, i18n.language)} />
      <p>
        <Link to="/events">{t('calendarEvents.all')}</Link>
      </p>
    </Page>
  );
}

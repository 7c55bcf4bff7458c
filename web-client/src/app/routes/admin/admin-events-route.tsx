import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { EventsManager } from '@/features/calendar-events/components/events-manager';
import { platformQueryOptions } from '@/features/platform/api/platform';
import { projectQueryOptions } from '@/features/projects/api/projects';
import { localizedName } from '@/lib/roles';
import { Forbidden } from '../forbidden';

/** A project's events in its staff area (/admin/projects/:id/events). */
export function AdminProjectEventsRoute() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const project = useQuery(projectQueryOptions(id));
  const platform = useQuery(platformQueryOptions());
  if (project.isPending) return <Loading label={t('common.loading')} />;
  if (project.isError) {
    const error = toApiError(project.error);
    if (error.status === 404 || error.status === 403) return <Forbidden />;
    return <Alert variant="error" role="alert" title={describeError(t, error)} />;
  }
  if (!project.data.staff) return <Forbidden />;
  return (
    <Page title={t('calendarEvents.manager.projectTitle', { title: localizedName(project.data.title, i18n.language) })}>
      <p>
        <Link to={`/admin/projects/${id}`}>{t('moderation.backToProject')}</Link>
      </p>
      <EventsManager projectId={id} map={platform.data?.map} />
    </Page>
  );
}

/** Platform-wide events (/admin/events): admins and communication managers. */
export function AdminEventsRoute() {
  const { t } = useTranslation();
  const platform = useQuery(platformQueryOptions());
  return (
    <Page title={t('calendarEvents.manager.platformTitle')} intro={<p>{t('calendarEvents.manager.platformIntro')}</p>}>
      <EventsManager map={platform.data?.map} />
    </Page>
  );
}

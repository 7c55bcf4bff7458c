import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { ModerationQueue } from '@/features/moderation/components/moderation-queue';
import { projectQueryOptions } from '@/features/projects/api/projects';
import { localizedName } from '@/lib/roles';
import { Forbidden } from '../forbidden';
import { projectPath } from '@/lib/slugs';

/** A project's moderation queue, for its staff (moderators, its department's heads, admins). */
export function AdminModerationRoute() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const project = useQuery(projectQueryOptions(id));

  if (project.isPending) return <Loading label={t('common.loading')} />;
  if (project.isError) {
    const error = toApiError(project.error);
    if (error.status === 404 || error.status === 403) return <Forbidden />;
    return <Alert variant="error" role="alert" title={describeError(t, error)} />;
  }
  if (!project.data.staff) return <Forbidden />;
  const title = localizedName(project.data.title, i18n.language);

  return (
    <Page title={t('moderation.pageTitle', { title })} intro={<p>{t('moderation.intro')}</p>}>
      <nav className="inline-nav" aria-label={t('moderation.sections')}>
        <ul className="inline-list">
          <li>
            <Link to={`/admin/projects/${project.data.id}`}>{t('moderation.backToProject')}</Link>
          </li>
          <li>
            <Link to={`/admin/projects/${project.data.id}/ideas`}>{t('ideasManager.navLink')}</Link>
          </li>
          <li>
            <Link to={projectPath(project.data)}>{t('moderation.viewPage')}</Link>
          </li>
        </ul>
      </nav>
      <ModerationQueue projectId={project.data.id} />
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { IdeasManager } from '@/features/ideas-manager/components/ideas-manager';
import { projectQueryOptions } from '@/features/projects/api/projects';
import { localizedName } from '@/lib/roles';
import { Forbidden } from '../forbidden';
import { useFilterTagOptions } from '../use-tag-options';
import { projectPath } from '@/lib/slugs';

/** A project's ideas manager, for its staff (moderators, its department's heads, admins). */
export function AdminProjectIdeasRoute() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const project = useQuery(projectQueryOptions(id));
  const tags = useFilterTagOptions();

  if (project.isPending) return <Loading label={t('common.loading')} />;
  if (project.isError) {
    const error = toApiError(project.error);
    if (error.status === 404 || error.status === 403) return <Forbidden />;
    return <Alert variant="error" role="alert" title={describeError(t, error)} />;
  }
  if (!project.data.staff) return <Forbidden />;
  const title = localizedName(project.data.title, i18n.language);

  return (
    <Page title={t('ideasManager.pageTitle', { title })} intro={<p>{t('ideasManager.intro')}</p>}>
      <nav className="inline-nav" aria-label={t('moderation.sections')}>
        <ul className="inline-list">
          <li>
            <Link to={`/admin/projects/${project.data.id}`}>{t('moderation.backToProject')}</Link>
          </li>
          <li>
            <Link to={`/admin/projects/${project.data.id}/moderation`}>{t('moderation.navLink')}</Link>
          </li>
          <li>
            <Link to={`/admin/projects/${project.data.id}/report`}>{t('reports.navLink')}</Link>
          </li>
          <li>
            <Link to={projectPath(project.data)}>{t('moderation.viewPage')}</Link>
          </li>
        </ul>
      </nav>
      <IdeasManager project={project.data} topicOptions={tags.topicOptions} areaOptions={tags.areaOptions} />
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { projectQueryOptions } from '@/features/projects/api/projects';
import { ModeratorsPanel } from '@/features/projects/components/moderators-panel';
import { PhaseEditor } from '@/features/projects/components/phase-editor';
import { ProjectImageEditor } from '@/features/projects/components/project-image-editor';
import { PreviewLinkPanel } from '@/features/projects/components/preview-link-panel';
import { ProjectStatusControl } from '@/features/projects/components/project-status-control';
import { ProjectTextsEditor } from '@/features/projects/components/project-texts-editor';
import { ProjectSetupPanel } from '@/features/onboarding/components/project-setup-panel';
import { UserPicker } from '@/features/users/components/user-picker';
import { localizedName } from '@/lib/roles';
import { Forbidden } from '../forbidden';
import { useProjectTagOptions } from '../use-tag-options';
import { projectPath } from '@/lib/slugs';

/** A project's editor for its staff: status, setup checklist, texts, header image, timeline, preview link, moderators. */
export function AdminProjectRoute() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const project = useQuery(projectQueryOptions(id));
  const tags = useProjectTagOptions({ topicIds: project.data?.topicIds, areaIds: project.data?.areaIds });
  const created = (location.state as { created?: boolean } | null)?.created === true;

  if (project.isPending) return <Loading label={t('common.loading')} />;
  if (project.isError) {
    const error = toApiError(project.error);
    if (error.status === 404 || error.status === 403) return <Forbidden />;
    return <Alert variant="error" role="alert" title={describeError(t, error)} />;
  }
  const data = project.data;
  if (!data.staff) return <Forbidden />;
  const title = localizedName(data.title, i18n.language);

  return (
    <Page title={t('projects.editor.pageTitle', { title })} intro={<p>{localizedName(data.department.name, i18n.language)}</p>}>
      <StatusMessage>{created ? t('projects.create.done') : null}</StatusMessage>
      <nav className="inline-nav" aria-label={t('projects.editor.sections')}>
        <ul className="inline-list">
          <li>
            <Link to={projectPath(data)}>{t('projects.editor.viewPage')}</Link>
          </li>
          <li>
            <Link to={`/admin/projects/${data.id}/ideas`}>{t('ideasManager.navLink')}</Link>
          </li>
          <li>
            <Link to={`/admin/projects/${data.id}/events`}>{t('calendarEvents.manager.navLink')}</Link>
          </li>
          <li>
            <Link to={`/admin/projects/${data.id}/report`}>{t('reports.navLink')}</Link>
          </li>
          <li>
            <Link to={`/admin/projects/${data.id}/moderation`}>{t('moderation.navLink')}</Link>
          </li>
          <li>
            <Link to={`/admin/exports?scopeType=project&scopeId=${data.id}`}>{t('exports.fromProject')}</Link>
          </li>
          <li>
            <Link to="/admin/projects">{t('projects.editor.back')}</Link>
          </li>
        </ul>
      </nav>
      <div className="stack">
        <ProjectStatusControl projectId={data.id} status={data.status} phaseCount={data.phases.length} />
        <ProjectSetupPanel projectId={data.id} />
        <ProjectTextsEditor key={data.id} project={data} topicOptions={tags.topicOptions} areaOptions={tags.areaOptions} />
        <ProjectImageEditor key={`image-${data.id}`} projectId={data.id} imageUrl={data.imageUrl} />
        <PhaseEditor projectId={data.id} phases={data.phases} />
        <PreviewLinkPanel projectId={data.id} status={data.status} active={data.staff.previewLinkActive} />
        <ModeratorsPanel
          projectId={data.id}
          moderators={data.staff.moderators}
          canManage={data.staff.canManageModerators}
          // Those who may manage moderators (admins, the department's heads) may search people (searchPeople).
          renderPicker={(picker) => (
            <UserPicker
              idPrefix="moderator"
              openLabel={t('projects.moderators.add')}
              searchLabel={t('projects.moderators.search', { title })}
              pickLabel={t('projects.moderators.pick')}
              pickLabelFor={(name) => t('projects.moderators.pickLabel', { name })}
              pickedLabel={t('projects.moderators.already')}
              onPick={picker.pick}
              isPicked={picker.isModerator}
              pendingUserId={picker.pendingUserId}
            />
          )}
        />
      </div>
    </Page>
  );
}

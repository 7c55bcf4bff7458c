import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { ResendConfirmationButton } from '@/features/auth/components/resend-confirmation-button';
import { IdeasSection } from '@/features/ideas/components/ideas-section';
import { platformQueryOptions } from '@/features/platform/api/platform';
import { projectActionsQueryOptions, projectQueryOptions } from '@/features/projects/api/projects';
import { ActionsPanel } from '@/features/projects/components/actions-panel';
import { ProjectView } from '@/features/projects/components/project-view';
import { useSessionStatus } from '@/lib/auth/session-store';
import { localizedName } from '@/lib/roles';
import { NotFoundRoute } from './not-found-route';
import { IDEA_METHODS } from './use-idea-context';

export function ProjectRoute() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const status = useSessionStatus();
  // Wait for a stored session: a draft is visible to its staff only.
  const project = useQuery({ ...projectQueryOptions(id), enabled: status !== 'restoring' });
  const hasIdeas = !!project.data && project.data.status !== 'draft' && project.data.phases.some((phase) => IDEA_METHODS.includes(phase.method));
  // Shared with the "What can I do now?" panel (same query).
  const actions = useQuery({ ...projectActionsQueryOptions(id), enabled: hasIdeas });
  const platform = useQuery(platformQueryOptions());

  if (status === 'restoring' || project.isPending) {
    return (
      <Page title={t('projects.page.loading')}>
        <Loading label={t('common.loading')} />
      </Page>
    );
  }
  if (project.isError) {
    if (toApiError(project.error).status === 404) return <NotFoundRoute />;
    return (
      <Page title={t('projects.page.loading')}>
        <Alert variant="error" role="alert" title={describeError(t, toApiError(project.error))} />
      </Page>
    );
  }
  const data = project.data;
  return (
    <Page title={localizedName(data.title, i18n.language)}>
      {data.status === 'draft' ? (
        <Alert variant="warning" title={t('projects.page.draftBanner')}>
          <p>{t('projects.page.draftBody')}</p>
        </Alert>
      ) : null}
      {data.staff ? (
        <p>
          <Link to={`/admin/projects/${data.id}`}>{t('projects.page.manage')}</Link>
        </p>
      ) : null}
      <ProjectView
        project={data}
        aside={
          data.status === 'draft' ? null : (
            <ActionsPanel
              projectId={data.id}
              phases={data.phases}
              resendAction={status === 'authenticated' ? <ResendConfirmationButton /> : undefined}
            />
          )
        }
      />
      {hasIdeas ? (
        <IdeasSection
          projectId={data.id}
          postIdea={
            actions.isSuccess
              ? (actions.data.actions.find((a) => a.action === 'post_idea') ?? {
                  action: 'post_idea',
                  allowed: false,
                  reason: data.status === 'archived' ? 'project_archived' : 'phase_not_active',
                })
              : undefined
          }
          map={platform.data?.map}
        />
      ) : null}
    </Page>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { IdeaVisibilityState } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { ShareButtons, shareUrl } from '@/components/ui/share-buttons';
import { StatusMessage } from '@/components/ui/status-message';
import { IdeaCostEditor } from '@/features/budgets/components/idea-cost-editor';
import { ideaKeys, ideaQueryOptions } from '@/features/ideas/api/ideas';
import { IdeaDetails } from '@/features/ideas/components/idea-details';
import { projectQueryOptions } from '@/features/projects/api/projects';
import { useSessionStatus } from '@/lib/auth/session-store';
import { localizedName } from '@/lib/roles';
import { NotFoundRoute } from './not-found-route';
import { budgetingPhase, currentPhase, useIdeaContext } from './use-idea-context';

export function IdeaRoute() {
  const { t, i18n } = useTranslation();
  const { projectId = '', ideaId = '' } = useParams();
  const location = useLocation();
  const status = useSessionStatus();
  // Wait for a stored session: an idea awaiting moderation is visible to its author and the staff only.
  const idea = useQuery({ ...ideaQueryOptions(ideaId), enabled: status !== 'restoring' });
  const project = useQuery({ ...projectQueryOptions(projectId), enabled: status !== 'restoring' });
  const { map, organisations } = useIdeaContext();
  const flash = (location.state as { idea?: string } | null)?.idea;
  const queryClient = useQueryClient();

  if (status === 'restoring' || idea.isPending) {
    return (
      <Page title={t('ideas.page.loading')}>
        <Loading label={t('common.loading')} />
      </Page>
    );
  }
  if (idea.isError || idea.data.projectId !== projectId) {
    if (!idea.isError || toApiError(idea.error).status === 404) return <NotFoundRoute />;
    return (
      <Page title={t('ideas.page.loading')}>
        <Alert variant="error" role="alert" title={describeError(t, toApiError(idea.error))} />
      </Page>
    );
  }
  const phase = currentPhase(project.data);
  const budgeting = budgetingPhase(project.data);
  const projectTitle = project.data ? localizedName(project.data.title, i18n.language) : null;
  return (
    <Page title={idea.data.title}>
      <StatusMessage>{flash ? t(`ideas.flash.${flash}`) : null}</StatusMessage>
      <p>
        <Link to={`/projects/${projectId}`}>{projectTitle ? t('ideas.page.backTo', { title: projectTitle }) : t('ideas.page.back')}</Link>
      </p>
      <IdeaDetails
        idea={idea.data}
        map={map}
        dislikes={phase?.settings.dislikes === true}
        organisations={organisations}
        // The API signs in the department’s French name when no signature is given.
        defaultSignature={project.data ? localizedName(project.data.department.name, 'fr') : undefined}
        staffTools={
          budgeting && project.data?.staff ? (
            <IdeaCostEditor
              key={idea.data.id}
              ideaId={idea.data.id}
              cost={idea.data.cost}
              currency={budgeting.settings.budgetCurrency ?? 'EUR'}
              onSaved={() =>
                void Promise.all([
                  queryClient.invalidateQueries({ queryKey: ideaKeys.detail(ideaId) }),
                  queryClient.invalidateQueries({ queryKey: ideaKeys.projectLists(projectId) }),
                ])
              }
            />
          ) : undefined
        }
      />
      {idea.data.visibility.state === IdeaVisibilityState.Public ? (
        <ShareButtons url={shareUrl('ideas', idea.data.id, i18n.language)} title={idea.data.title} />
      ) : null}
    </Page>
  );
}

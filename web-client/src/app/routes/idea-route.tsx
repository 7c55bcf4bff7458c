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
import { SignInPromptScope } from '@/components/ui/sign-in-prompt';
import { projectQueryOptions } from '@/features/projects/api/projects';
import { useSessionStatus } from '@/lib/auth/session-store';
import { localizedName } from '@/lib/roles';
import { ideaPath, projectPath } from '@/lib/slugs';
import { NotFoundRoute } from './not-found-route';
import { budgetingPhase, currentPhase, useIdeaContext } from './use-idea-context';
import { useIdeaAddress } from './use-slug-address';

export function IdeaRoute() {
  const { t, i18n } = useTranslation();
  // The address holds the project's and the idea's slugs (or ids, or a former project slug: replaced by the slug address).
  const { projectId: projectRef = '', ideaId: ideaRef = '' } = useParams();
  const location = useLocation();
  const status = useSessionStatus();
  // Waits for a stored session: an idea awaiting moderation is visible to its author and the staff only.
  const address = useIdeaAddress(projectRef, ideaRef);
  const ideaId = address.idea?.id ?? '';
  const projectId = address.idea?.projectId ?? '';
  const idea = useQuery({ ...ideaQueryOptions(ideaId), enabled: status !== 'restoring' && ideaId !== '' });
  const project = useQuery({ ...projectQueryOptions(projectId), enabled: status !== 'restoring' && projectId !== '' });
  const { map, organisations } = useIdeaContext();
  const flash = (location.state as { idea?: string } | null)?.idea;
  const queryClient = useQueryClient();

  if (address.failed) {
    if (toApiError(address.error).status === 404) return <NotFoundRoute />;
    return (
      <Page title={t('ideas.page.loading')}>
        <Alert variant="error" role="alert" title={describeError(t, toApiError(address.error))} />
      </Page>
    );
  }
  if (status === 'restoring' || address.pending || idea.isPending) {
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
        <Link to={projectPath({ id: projectId, slug: idea.data.projectSlug })}>
          {projectTitle ? t('ideas.page.backTo', { title: projectTitle }) : t('ideas.page.back')}
        </Link>
      </p>
      {/* A visitor who is not signed in is asked once (in the idea's actions), not beside each action and comment. */}
      <SignInPromptScope active={status === 'anonymous'}>
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
      </SignInPromptScope>
      {idea.data.visibility.state === IdeaVisibilityState.Public ? (
        <ShareButtons
          url={shareUrl(ideaPath({ id: projectId, slug: idea.data.projectSlug }, idea.data), i18n.language)}
          title={idea.data.title}
        />
      ) : null}
    </Page>
  );
}

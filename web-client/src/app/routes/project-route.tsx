import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  ParticipationAction,
  type ActionPolicyDecision,
  type GetProjectPhase,
  type GetProjectResponse,
  type ListIdeasIdea,
} from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { LocalizedText } from '@/components/ui/localized-text';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PhoneFold } from '@/components/ui/phone-fold';
import { ShareButtons, shareUrl } from '@/components/ui/share-buttons';
import { SignInPromptScope } from '@/components/ui/sign-in-prompt';
import { ResendConfirmationButton } from '@/features/auth/components/resend-confirmation-button';
import { BasketBar } from '@/features/budgets/components/basket-bar';
import { BasketPanel } from '@/features/budgets/components/basket-panel';
import { BasketToggle } from '@/features/budgets/components/basket-toggle';
import { UpcomingEvents } from '@/features/calendar-events/components/upcoming-events';
import { IdeasSection, type IdeasSectionProps } from '@/features/ideas/components/ideas-section';
import { platformQueryOptions } from '@/features/platform/api/platform';
import { projectActionsQueryOptions, projectKeys } from '@/features/projects/api/projects';
import { ActionsPanel } from '@/features/projects/components/actions-panel';
import { ProjectFollowButton } from '@/features/projects/components/project-follow-button';
import { ProjectView } from '@/features/projects/components/project-view';
import { PollWidget } from '@/features/surveys/components/poll-widget';
import { SurveyEntry } from '@/features/surveys/components/survey-entry';
import { VoteToggle } from '@/features/votes/components/vote-toggle';
import { VotingSummary } from '@/features/votes/components/voting-summary';
import { useSessionStatus } from '@/lib/auth/session-store';
import { localizedName } from '@/lib/roles';
import { projectPath } from '@/lib/slugs';
import { NotFoundRoute } from './not-found-route';
import { phaseResultsPath, resultsReadable } from './phase-results';
import { currentPhase, IDEA_METHODS, postIdeaDecision } from './use-idea-context';
import { useProjectAddress } from './use-slug-address';
import { useTagOptions } from './use-tag-options';

export function ProjectRoute() {
  const { t, i18n } = useTranslation();
  // The address holds the project's slug (or its id, or a former slug: replaced by the current slug address).
  const { id: ref = '' } = useParams();
  const status = useSessionStatus();
  const queryClient = useQueryClient();
  // Waits for a stored session: a draft is visible to its staff only.
  const { query: project } = useProjectAddress(ref);
  const id = project.data?.id ?? '';
  const hasIdeas =
    !!project.data && project.data.status !== 'draft' && project.data.phases.some((phase) => IDEA_METHODS.includes(phase.method));
  const current = currentPhase(project.data);
  const surveyNow = !!project.data && project.data.status !== 'draft' && (current?.method === 'survey' || current?.method === 'poll');
  // Shared with the "What can I do now?" panel (same query).
  const actions = useQuery({ ...projectActionsQueryOptions(id), enabled: hasIdeas || surveyNow });
  const platform = useQuery(platformQueryOptions());
  const tags = useTagOptions(project.data?.topicIds);

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
  const resendAction = status === 'authenticated' ? <ResendConfirmationButton /> : undefined;
  const phase = currentPhase(data);
  // The participation rules for voting and budgeting, once known (the current phase's `vote` action).
  const voteDecision =
    actions.isSuccess && phase && actions.data.phase?.id === phase.id
      ? actions.data.actions.find((a) => a.action === ParticipationAction.Vote)
      : undefined;
  const ideas: IdeasSectionProps = {
    projectId: data.id,
    projectSlug: data.slug ?? undefined,
    postIdea: actions.isSuccess ? postIdeaDecision(data, actions.data.actions) : undefined,
    map: platform.data?.map,
    topicOptions: tags.topicOptions,
    areaOptions: tags.areaOptions,
  };

  return (
    // A visitor who is not signed in is asked once, in « What can I do now? », not beside every action and idea.
    <SignInPromptScope active={status === 'anonymous'}>
      <Page title={localizedName(data.title, i18n.language)} heading={<LocalizedText value={data.title} />}>
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
              <>
                <ActionsPanel projectId={data.id} phases={data.phases} resendAction={resendAction} />
                {data.status === 'published' && status === 'authenticated' ? <ProjectFollowButton project={data} /> : null}
                <UpcomingEvents projectId={data.id} foldOnPhone />
                <PhoneFold className="share-fold" summary={t('share.title')}>
                  <ShareButtons url={shareUrl(projectPath(data), i18n.language)} title={localizedName(data.title, i18n.language)} folded />
                </PhoneFold>
              </>
            )
          }
          renderPhaseExtra={(p) =>
            data.status !== 'draft' && resultsReadable(p, !!data.staff) ? <ResultsLink project={data} phase={p} /> : null
          }
        />
        {surveyNow && phase ? (
          <Questionnaire project={data} phase={phase} signedIn={status === 'authenticated'} resendAction={resendAction} />
        ) : null}
        {!hasIdeas ? null : phase?.method === 'voting' && voteDecision ? (
          <IdeasSection
            {...ideas}
            beforeList={
              <VotingSummary
                projectId={data.id}
                decision={voteDecision}
                votesPerUser={phase.settings.votesPerUser}
                resultsHref={resultsReadable(phase, !!data.staff) ? phaseResultsPath(data.id, phase.id) : undefined}
                resendAction={resendAction}
              />
            }
            renderCardActions={(idea: ListIdeasIdea) => (
              <VoteToggle
                projectId={data.id}
                idea={idea}
                decision={voteDecision}
                // The "What can I do now?" panel follows the votes left.
                onChanged={() => void queryClient.invalidateQueries({ queryKey: projectKeys.actions(data.id) })}
              />
            )}
          />
        ) : phase?.method === 'budgeting' && voteDecision ? (
          <Budgeting project={data} phase={phase} decision={voteDecision} ideas={ideas} resendAction={resendAction} />
        ) : (
          <IdeasSection {...ideas} />
        )}
      </Page>
    </SignInPromptScope>
  );
}

interface BudgetingProps {
  project: GetProjectResponse;
  phase: GetProjectPhase;
  decision: ActionPolicyDecision;
  ideas: IdeasSectionProps;
  resendAction?: ReactNode;
}

/** A participatory budget: the basket beside the ideas (first for screen readers and on phones: the budget frames the choice). */
function Budgeting({ project, phase, decision, ideas, resendAction }: BudgetingProps) {
  const currency = phase.settings.budgetCurrency ?? 'EUR';
  return (
    <div className="budgeting">
      <div className="budgeting__basket">
        <BasketPanel
          projectId={project.id}
          decision={decision}
          budget={phase.settings.budgetAmount}
          currency={currency}
          minimumSpend={phase.settings.minimumSpend}
          minimumIdeas={phase.settings.minimumIdeas}
          resultsHref={resultsReadable(phase, !!project.staff) ? phaseResultsPath(project.id, phase.id) : undefined}
          resendAction={resendAction}
        />
      </div>
      <div className="budgeting__ideas">
        <IdeasSection
          {...ideas}
          renderCardActions={(idea: ListIdeasIdea) => (
            <BasketToggle projectId={project.id} idea={idea} decision={decision} currency={currency} />
          )}
        />
        <BasketBar projectId={project.id} decision={decision} />
      </div>
    </div>
  );
}

/** The current survey (a way into its answering page) or poll (answered right here). */
function Questionnaire({
  project,
  phase,
  signedIn,
  resendAction,
}: {
  project: GetProjectResponse;
  phase: GetProjectPhase;
  signedIn: boolean;
  resendAction?: ReactNode;
}) {
  const actions = useQuery(projectActionsQueryOptions(project.id));
  const decision = actions.data?.phase?.id === phase.id ? actions.data.actions.find((a) => a.action === 'answer') : undefined;
  const readable = resultsReadable(phase, !!project.staff);
  if (phase.method === 'poll') {
    return <PollWidget phaseId={phase.id} decision={decision} signedIn={signedIn} resultsVisible={readable} resendAction={resendAction} />;
  }
  return (
    <SurveyEntry
      phaseId={phase.id}
      answerHref={`/projects/${project.id}/phases/${phase.id}/survey`}
      resultsHref={readable ? phaseResultsPath(project.id, phase.id) : undefined}
      decision={decision}
      signedIn={signedIn}
      resendAction={resendAction}
    />
  );
}

function ResultsLink({ project, phase }: { project: GetProjectResponse; phase: GetProjectPhase }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="timeline__results">
      <Link
        to={phaseResultsPath(project.id, phase.id)}
        aria-label={t('votes.resultsPage.linkLabel', { phase: localizedName(phase.title, i18n.language) })}
      >
        {t('votes.resultsPage.link')}
      </Link>
    </p>
  );
}

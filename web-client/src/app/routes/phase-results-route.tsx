import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { BudgetResults } from '@/features/budgets/components/budget-results';
import { RESULT_METHODS } from '@/features/projects/api/phase-settings';
import { projectQueryOptions } from '@/features/projects/api/projects';
import { usePhaseDates } from '@/features/projects/components/phase-timeline';
import { SurveyResults } from '@/features/surveys/components/survey-results';
import { VoteResults } from '@/features/votes/components/vote-results';
import { useSessionStatus } from '@/lib/auth/session-store';
import { localizedName } from '@/lib/roles';
import { NotFoundRoute } from './not-found-route';

/** A voting, budgeting, survey or poll phase's results: tables and charts; a clear message while they are not published. */
export function PhaseResultsRoute() {
  const { t, i18n } = useTranslation();
  const { projectId = '', phaseId = '' } = useParams();
  const status = useSessionStatus();
  const dates = usePhaseDates();
  // Wait for a stored session: the staff read results before they are published.
  const project = useQuery({ ...projectQueryOptions(projectId), enabled: status !== 'restoring' });

  if (status === 'restoring' || project.isPending) {
    return (
      <Page title={t('votes.resultsPage.loading')}>
        <Loading label={t('common.loading')} />
      </Page>
    );
  }
  if (project.isError) {
    if (toApiError(project.error).status === 404) return <NotFoundRoute />;
    return (
      <Page title={t('votes.resultsPage.loading')}>
        <Alert variant="error" role="alert" title={describeError(t, toApiError(project.error))} />
      </Page>
    );
  }
  const phase = project.data.phases.find((p) => p.id === phaseId);
  if (!phase || !RESULT_METHODS.includes(phase.method)) return <NotFoundRoute />;
  const projectTitle = localizedName(project.data.title, i18n.language);
  return (
    <Page title={t('votes.resultsPage.title', { phase: localizedName(phase.title, i18n.language) })}>
      <p>
        <Link to={`/projects/${projectId}`}>{t('votes.resultsPage.back', { title: projectTitle })}</Link>
      </p>
      <p className="muted">
        {dates(phase)} · {t(`projects.methods.${phase.method}`, { defaultValue: phase.method })}
      </p>
      {phase.method === 'voting' ? (
        <VoteResults projectId={projectId} phaseId={phase.id} />
      ) : phase.method === 'budgeting' ? (
        <BudgetResults projectId={projectId} phaseId={phase.id} />
      ) : (
        <SurveyResults phaseId={phase.id} />
      )}
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { ActionPolicyDecision, GetProjectPhase } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { SignInPrompt, useSignInPromptShown } from '@/components/ui/sign-in-prompt';
import { formatDate } from '@/lib/format';
import { projectActionsQueryOptions } from '../api/projects';

export interface ActionsPanelProps {
  projectId: string;
  phases: GetProjectPhase[];
  /** Offered when the reason is an unconfirmed address (the page composes the auth feature's button). */
  resendAction?: ReactNode;
}

/** "What can I do now?": the current phase's actions for this visitor, and why not when they may not. */
export function ActionsPanel({ projectId, phases, resendAction }: ActionsPanelProps) {
  const { t } = useTranslation();
  const actions = useQuery(projectActionsQueryOptions(projectId));
  return (
    <section className="panel actions-panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('projects.actions.title')}</h2>
      {actions.isPending ? (
        <Loading label={t('common.loading')} />
      ) : actions.isError ? (
        <Alert variant="error" title={describeError(t, toApiError(actions.error))} />
      ) : (
        <ActionList method={actions.data.phase?.method} decisions={actions.data.actions} phases={phases} resendAction={resendAction} />
      )}
    </section>
  );
}

export interface ActionListProps {
  /** The current phase's method; undefined when no phase runs now. */
  method: string | undefined;
  decisions: ActionPolicyDecision[];
  phases: GetProjectPhase[];
  resendAction?: ReactNode;
}

export function ActionList({ method, decisions, phases, resendAction }: ActionListProps) {
  const { t, i18n } = useTranslation();
  const prompted = useSignInPromptShown();
  if (!method) {
    const next = phases.find((p) => new Date(p.startsAt).getTime() > Date.now());
    return (
      <p>{next ? t('projects.actions.noPhaseNext', { date: formatDate(next.startsAt, i18n.language) }) : t('projects.actions.noPhase')}</p>
    );
  }
  const names = decisions.map((d) => t(`projects.actions.names.${actionKey(d.action, method)}`, { defaultValue: d.action }));
  // A visitor who may do everything once signed in: one sentence and the page's one prompt, not a list of refusals.
  if (prompted && decisions.length > 0 && decisions.every((d) => !d.allowed && d.reason === 'not_signed_in')) {
    const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
      names.map((name) => name.charAt(0).toLocaleLowerCase(i18n.language) + name.slice(1)),
    );
    return (
      <>
        <p>{t(`projects.actions.purpose.${method}`, { defaultValue: '' })}</p>
        <p>{t('projects.actions.onceSignedIn', { actions: list })}</p>
        <SignInPrompt />
      </>
    );
  }
  return (
    <>
      <p>{t(`projects.actions.purpose.${method}`, { defaultValue: '' })}</p>
      {decisions.length === 0 ? (
        <p className="muted">{t('projects.actions.nothingToDo')}</p>
      ) : (
        <ul className="action-list">
          {decisions.map((decision, index) => (
            <li key={decision.action} className={`action-list__item ${decision.allowed ? 'action-list__item--allowed' : ''}`}>
              <p className="action-list__name">
                <span>{names[index]}</span>{' '}
                <span className={`badge ${decision.allowed ? 'badge--success' : 'badge--warning'}`}>
                  {decision.allowed ? t('projects.actions.allowed') : t('projects.actions.notAllowed')}
                </span>
              </p>
              <ReasonText
                method={method}
                decision={decision}
                // The way out (log in, resend the link) is offered once, beside the first action it unblocks.
                withAction={decisions.findIndex((d) => d.reason === decision.reason) === index}
                prompted={prompted}
                resendAction={resendAction}
              />
            </li>
          ))}
        </ul>
      )}
      {decisions.some((d) => !d.allowed && d.reason === 'not_signed_in') ? <SignInPrompt /> : null}
    </>
  );
}

/** Budgeting "votes" are baskets; polls and surveys are answered differently. */
function actionKey(action: string, method: string): string {
  if (action === 'vote' && method === 'budgeting') return 'vote_budgeting';
  if (action === 'answer' && method === 'poll') return 'answer_poll';
  return action;
}

function ReasonText({
  decision,
  withAction,
  resendAction,
  method,
  prompted,
}: {
  decision: ActionPolicyDecision;
  withAction: boolean;
  resendAction?: ReactNode;
  method?: string;
  /** The page's sign-in prompt follows the list: « not signed in » is not repeated for each action. */
  prompted?: boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  if (decision.allowed) {
    // Ideas, votes and baskets happen in the ideas section of this page; surveys and polls in their own section.
    const below = method === 'ideation' || method === 'voting' || method === 'budgeting';
    const key = below ? 'allowedBelow' : method === 'survey' ? 'allowedSurvey' : method === 'poll' ? 'allowedPoll' : 'allowedSoon';
    return <p className="muted">{t(`projects.actions.${key}`)}</p>;
  }
  const reason = decision.reason ?? 'not_permitted';
  if (prompted && reason === 'not_signed_in') return null;
  const text = <p>{t(`projects.actions.reasons.${reason}`, { defaultValue: t('projects.actions.reasons.not_permitted') })}</p>;
  if (reason === 'not_signed_in' && withAction) {
    return (
      <>
        {text}
        <p className="action-list__links">
          <Link to="/login" state={{ from: location.pathname }}>
            {t('projects.actions.logIn')}
          </Link>{' '}
          <span className="muted">{t('projects.actions.or')}</span> <Link to="/register">{t('projects.actions.register')}</Link>
        </p>
      </>
    );
  }
  if (reason === 'email_not_confirmed' && resendAction && withAction) {
    return (
      <>
        {text}
        {resendAction}
      </>
    );
  }
  return text;
}

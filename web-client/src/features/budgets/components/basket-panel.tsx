import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionPolicyDecision, BasketView } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { useSessionStatus } from '@/lib/auth/session-store';
import { formatDateTime, formatMoney } from '@/lib/format';
import { basketQueryOptions, useRemoveFromBasket, useSubmitBasket } from '../api/budgets';
import { BudgetReason, useBudgetReasonText } from './budget-reason';

export interface BasketPanelProps {
  projectId: string;
  /** The project's `vote` action in the current (budgeting) phase. */
  decision: ActionPolicyDecision | undefined;
  /** The phase's settings, shown before the basket is loaded (and to visitors who are not signed in). */
  budget: number | undefined;
  currency: string;
  minimumSpend?: number;
  minimumIdeas?: number;
  /** The results page, when the visitor may read the results. */
  resultsHref?: string;
  /** Offered when the reason is an unconfirmed address (the page composes the auth feature's button). */
  resendAction?: ReactNode;
}

/**
 * « Mon panier »: the ideas chosen, the total against the budget (a meter and the same in words, read out
 * when it changes), the minimums, then « Envoyer mon panier » — and « Rouvrir mon panier » once sent, while
 * the phase is open. Refusals (409) are shown in an alert.
 */
export function BasketPanel(props: BasketPanelProps) {
  const { projectId, decision, resultsHref, resendAction } = props;
  const { t } = useTranslation();
  const signedIn = useSessionStatus() === 'authenticated';
  const basket = useQuery({ ...basketQueryOptions(projectId), enabled: signedIn && !!decision });
  const heading = useRef<HTMLHeadingElement>(null);
  const refusal = !decision ? null : decision.allowed ? null : (decision.reason ?? 'not_permitted');

  return (
    <section className="panel basket-panel" aria-labelledby="basket-title">
      <h2 id="basket-title" ref={heading} tabIndex={-1}>
        {t('budgets.basket.title')}
      </h2>
      {signedIn && basket.isPending && decision ? (
        <Loading label={t('common.loading')} />
      ) : basket.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(basket.error))}>
          <Button variant="secondary" onClick={() => void basket.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : basket.data ? (
        <BasketContents projectId={projectId} basket={basket.data} canChange={!refusal} focusHeading={() => heading.current?.focus()} />
      ) : (
        <PhaseBudget {...props} />
      )}
      {refusal ? (
        <>
          <BudgetReason reason={refusal} withLogIn />
          {refusal === 'email_not_confirmed' ? resendAction : null}
        </>
      ) : null}
      {resultsHref ? (
        <p>
          <Link to={resultsHref}>{t('budgets.basket.results')}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The budget and its rules, for visitors who have no basket to show. */
function PhaseBudget({ budget, currency, minimumSpend, minimumIdeas }: BasketPanelProps) {
  const { t, i18n } = useTranslation();
  const money = (amount: number) => formatMoney(amount, currency, i18n.language);
  return (
    <>
      {budget != null ? <p>{t('budgets.basket.budget', { amount: money(budget) })}</p> : null}
      <Minimums minimumSpend={minimumSpend} minimumIdeas={minimumIdeas} money={money} />
    </>
  );
}

function Minimums({
  minimumSpend,
  minimumIdeas,
  money,
}: {
  minimumSpend?: number;
  minimumIdeas?: number;
  money: (amount: number) => string;
}) {
  const { t } = useTranslation();
  if (!minimumSpend && !minimumIdeas) return null;
  return (
    <ul className="basket-panel__rules">
      {minimumSpend ? <li>{t('budgets.basket.minimumSpend', { amount: money(minimumSpend) })}</li> : null}
      {minimumIdeas ? <li>{t('budgets.basket.minimumIdeas', { count: minimumIdeas })}</li> : null}
    </ul>
  );
}

interface BasketContentsProps {
  projectId: string;
  basket: BasketView;
  /** The phase's rules let the person change their basket. */
  canChange: boolean;
  focusHeading: () => void;
}

function BasketContents({ projectId, basket, canChange, focusHeading }: BasketContentsProps) {
  const { t, i18n } = useTranslation();
  const reasonText = useBudgetReasonText();
  const remove = useRemoveFromBasket(projectId);
  const send = useSubmitBasket(projectId);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const money = (amount: number) => formatMoney(amount, basket.currency, i18n.language);
  const submitted = !!basket.submittedAt;
  const editable = canChange && basket.open && !submitted;
  const apiError = failure ? toApiError(failure) : null;

  function start() {
    setNotice(null);
    setFailure(null);
  }

  function removeLine(ideaId: string, title: string) {
    start();
    remove.mutate(ideaId, {
      onSuccess: () => {
        setNotice(t('budgets.basket.removed', { title }));
        // The line and its button are gone: go back to the top of the basket.
        focusHeading();
      },
      onError: setFailure,
    });
  }

  function submitOrReopen() {
    start();
    send.mutate(
      { submit: !submitted },
      {
        // Sent: the region below announces it with its date; reopened: the notice says what to do next.
        onSuccess: () => setNotice(submitted ? t('budgets.basket.reopened') : null),
        onError: setFailure,
      },
    );
  }

  return (
    <>
      <p>{t('budgets.basket.budget', { amount: money(basket.budget) })}</p>
      <Minimums minimumSpend={basket.minimumSpend} minimumIdeas={basket.minimumIdeas} money={money} />
      <meter className="basket-panel__meter" min={0} max={basket.budget} value={basket.total} aria-labelledby="basket-total" />
      {/* Read out after each change: the meter's text equivalent. */}
      <p id="basket-total" role="status" className="basket-panel__total">
        {t('budgets.basket.total', { total: money(basket.total), budget: money(basket.budget), left: money(basket.left) })}
      </p>
      {basket.lines.length === 0 ? (
        <p className="muted">{t('budgets.basket.empty')}</p>
      ) : (
        <ul className="basket-panel__lines" aria-label={t('budgets.basket.lines', { count: basket.lines.length })}>
          {basket.lines.map((line) => (
            <li key={line.ideaId} className="basket-line">
              <span className="basket-line__title">
                <Link to={`/projects/${projectId}/ideas/${line.ideaId}`}>{line.title}</Link>
              </span>
              <span className="basket-line__cost">{money(line.cost)}</span>
              {editable ? (
                <Button
                  variant="secondary"
                  className="button--small"
                  // Busy, not disabled: the focus stays on it if the removal fails.
                  aria-disabled={remove.isPending || undefined}
                  aria-busy={(remove.isPending && remove.variables === line.ideaId) || undefined}
                  onClick={() => {
                    if (!remove.isPending) removeLine(line.ideaId, line.title);
                  }}
                >
                  {t('budgets.basket.remove')}{' '}
                  <span className="visually-hidden">{t('budgets.card.removeWhat', { title: line.title })}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {/* Kept mounted: sending the basket is read out with its date. */}
      <div role="status" className={submitted ? undefined : 'visually-empty'}>
        {submitted ? (
          <Alert variant="success" title={t('budgets.basket.submittedOn', { date: formatDateTime(basket.submittedAt!, i18n.language) })}>
            <p>{basket.open ? t('budgets.basket.submittedHint') : t('budgets.basket.submittedClosed')}</p>
          </Alert>
        ) : null}
      </div>
      <div role="alert" className={apiError ? 'alert alert--error' : 'visually-empty'}>
        {apiError ? <p className="alert__title">{apiError.reason ? reasonText(apiError.reason) : describeError(t, apiError)}</p> : null}
      </div>
      <StatusMessage>{notice}</StatusMessage>
      {canChange && basket.open && (submitted || basket.lines.length > 0) ? (
        // One button that changes its words, so the focus stays on it.
        // Busy, not disabled: a disabled button would lose the focus while the basket is sent.
        <Button
          variant={submitted ? 'secondary' : 'primary'}
          aria-disabled={send.isPending || undefined}
          aria-busy={send.isPending || undefined}
          onClick={() => {
            if (!send.isPending) submitOrReopen();
          }}
        >
          {submitted ? t('budgets.basket.reopen') : t('budgets.basket.submit')}
        </Button>
      ) : null}
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionPolicyDecision, ListIdeasIdea } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { useSessionStatus } from '@/lib/auth/session-store';
import { formatMoney } from '@/lib/format';
import { basketQueryOptions, basketRefusal, useAddToBasket, useRemoveFromBasket } from '../api/budgets';
import { BudgetReason, useBudgetReasonText } from './budget-reason';

export interface BasketToggleProps {
  projectId: string;
  idea: Pick<ListIdeasIdea, 'id' | 'title' | 'cost'>;
  /** The project's `vote` action in the current (budgeting) phase. */
  decision: ActionPolicyDecision | undefined;
  /** The phase's currency (its settings), until the basket says it. */
  currency: string;
}

/**
 * An idea's cost and « Ajouter au panier » / « Retirer » (one button, so the focus stays on it). When the idea
 * cannot go in, the button is disabled and the reason written below it.
 */
export function BasketToggle({ projectId, idea, decision, currency }: BasketToggleProps) {
  const { t, i18n } = useTranslation();
  const reasonText = useBudgetReasonText();
  const signedIn = useSessionStatus() === 'authenticated';
  const basket = useQuery({ ...basketQueryOptions(projectId), enabled: signedIn && !!decision });
  const add = useAddToBasket(projectId);
  const remove = useRemoveFromBasket(projectId);
  const reasonId = useId();
  const money = (amount: number) => formatMoney(amount, basket.data?.currency ?? currency, i18n.language);

  const inBasket = basket.data?.lines.some((line) => line.ideaId === idea.id) ?? false;
  const refusal = inBasket ? basketRefusal(decision, basket.data, 0) : basketRefusal(decision, basket.data, idea.cost);
  const loading = signedIn && !!decision && basket.isPending;
  const busy = add.isPending || remove.isPending;
  const failed = add.error ?? remove.error;
  const apiError = failed ? toApiError(failed) : null;
  const errorText = apiError ? (apiError.reason ? reasonText(apiError.reason) : describeError(t, apiError)) : null;

  return (
    <div className="basket-toggle">
      <p className="basket-toggle__cost">
        {idea.cost != null ? t('budgets.card.cost', { amount: money(idea.cost) }) : t('budgets.card.costUnknown')}
        {inBasket ? <span className="badge badge--success basket-toggle__in">{t('budgets.card.inBasket')}</span> : null}
      </p>
      <Button
        variant={inBasket ? 'secondary' : 'primary'}
        className="button--small"
        disabled={!!refusal || loading}
        // Busy, not disabled: a disabled button would lose the focus while the change is sent.
        aria-disabled={busy || undefined}
        aria-busy={busy || undefined}
        aria-describedby={refusal ? reasonId : undefined}
        onClick={() => {
          if (busy) return;
          add.reset();
          remove.reset();
          if (inBasket) remove.mutate(idea.id);
          else add.mutate(idea.id);
        }}
      >
        {inBasket ? t('budgets.card.remove') : t('budgets.card.add')}{' '}
        <span className="visually-hidden">{t(inBasket ? 'budgets.card.removeWhat' : 'budgets.card.addWhat', { title: idea.title })}</span>
      </Button>
      {refusal ? <BudgetReason reason={refusal} id={reasonId} /> : null}
      <div role="alert" className={errorText ? 'alert alert--error basket-toggle__error' : 'visually-empty'}>
        {errorText ? <p className="alert__title">{errorText}</p> : null}
      </div>
    </div>
  );
}

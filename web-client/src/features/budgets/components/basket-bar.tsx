import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ActionPolicyDecision } from '@contracts/participation-client';
import { useSessionStatus } from '@/lib/auth/session-store';
import { formatMoney } from '@/lib/format';
import { basketQueryOptions } from '../api/budgets';

export interface BasketBarProps {
  projectId: string;
  /** The project's `vote` action in the current (budgeting) phase. */
  decision: ActionPolicyDecision | undefined;
}

/**
 * On a phone, where the basket sits above the list: its total and what is left, kept at the bottom of the screen
 * while the person scrolls the ideas, with the way back to the basket (the same query as the basket: no request of
 * its own). Not shown from the width where the basket stays beside the list.
 */
export function BasketBar({ projectId, decision }: BasketBarProps) {
  const { t, i18n } = useTranslation();
  const signedIn = useSessionStatus() === 'authenticated';
  const basket = useQuery({ ...basketQueryOptions(projectId), enabled: signedIn && !!decision });
  if (!basket.data) return null;
  const { total, budget, left, items, currency } = basket.data;
  const money = (amount: number) => formatMoney(amount, currency, i18n.language);
  return (
    <section className="basket-bar" aria-labelledby="basket-bar-title">
      <h3 id="basket-bar-title" className="visually-hidden">
        {t('budgets.bar.title')}
      </h3>
      <p className="basket-bar__total">
        {t('budgets.bar.total', { total: money(total), budget: money(budget) })}
        <span className="basket-bar__left">
          {' '}
          · {t('budgets.bar.left', { left: money(left) })} · {t('budgets.bar.items', { count: items })}
        </span>
      </p>
      <a className="basket-bar__link" href="#basket-title">
        {t('budgets.bar.open')}
      </a>
    </section>
  );
}

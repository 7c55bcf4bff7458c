import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GetBudgetResultsResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { BarChart } from '@/components/ui/bar-chart';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { TableRegion } from '@/components/ui/table-region';
import { formatMoney, formatNumber } from '@/lib/format';
import { budgetResultsQueryOptions } from '../api/budgets';

const CHART_ITEMS = 10;
const SUMMARY_ITEMS = 3;

export interface BudgetResultsProps {
  projectId: string;
  phaseId: string;
}

/** A participatory budget's results: the funded total against the budget, a table per idea and a chart. */
export function BudgetResults({ projectId, phaseId }: BudgetResultsProps) {
  const { t } = useTranslation();
  const results = useQuery({ ...budgetResultsQueryOptions(phaseId), retry: false });
  if (results.isPending) return <Loading label={t('common.loading')} />;
  if (results.isError) {
    const error = toApiError(results.error);
    if (error.status === 403) return <Alert variant="info" title={t('budgets.results.notYet')} />;
    return (
      <Alert variant="error" role="alert" title={describeError(t, error)}>
        <Button variant="secondary" onClick={() => void results.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  return <BudgetResultsView projectId={projectId} results={results.data} />;
}

export function BudgetResultsView({ projectId, results }: { projectId: string; results: GetBudgetResultsResponse }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const money = (amount: number) => formatMoney(amount, results.currency, language);
  const baskets = (count: number) => t('budgets.results.baskets', { count, formatted: formatNumber(count, language) });
  const funded = results.items.filter((item) => item.funded);
  const top = results.items
    .slice(0, SUMMARY_ITEMS)
    .map((item) => t('budgets.results.chartItem', { title: item.title, baskets: baskets(item.baskets), funded: t(item.funded ? 'budgets.results.funded' : 'budgets.results.notFunded') }));
  const caption = t('budgets.results.caption');
  return (
    <div className="results stack">
      {!results.published ? <Alert variant="warning" title={t('budgets.results.staffOnly')} /> : null}
      {!results.ended ? <p className="notice">{t('budgets.results.provisional')}</p> : null}
      <p className="lead">
        {t('budgets.results.summary', {
          baskets: t('budgets.results.submittedBaskets', { count: results.baskets, formatted: formatNumber(results.baskets, language) }),
          funded: t('budgets.results.fundedIdeas', { count: funded.length }),
        })}
      </p>
      <meter className="basket-panel__meter" min={0} max={results.budget} value={results.fundedTotal} aria-labelledby="budget-funded-total" />
      <p id="budget-funded-total" className="results__total">
        {t('budgets.results.fundedTotal', { funded: money(results.fundedTotal), budget: money(results.budget), left: money(results.budget - results.fundedTotal) })}
      </p>
      {results.items.length === 0 ? (
        <p className="empty-state">{t('budgets.results.empty')}</p>
      ) : (
        <>
          <TableRegion label={caption}>
            <table className="table results__table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('budgets.results.idea')}</th>
                  <th scope="col" className="table__number">
                    {t('budgets.results.cost')}
                  </th>
                  <th scope="col" className="table__number">
                    {t('budgets.results.basketsColumn')}
                  </th>
                  <th scope="col">{t('budgets.results.fundedColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {results.items.map((item) => (
                  <tr key={item.ideaId}>
                    <th scope="row">
                      <Link to={`/projects/${projectId}/ideas/${item.ideaId}`}>{item.title}</Link>
                    </th>
                    <td className="table__number">{money(item.cost)}</td>
                    <td className="table__number">{formatNumber(item.baskets, language)}</td>
                    <td>
                      <span className={`badge ${item.funded ? 'badge--success' : 'badge--neutral'}`}>
                        {item.funded ? t('common.yes') : t('common.no')}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <BarChart
            label={t('budgets.results.chartLabel', { items: top.join(' ; ') })}
            caption={
              results.items.length > CHART_ITEMS ? t('budgets.results.chartCaptionTop', { count: CHART_ITEMS }) : t('budgets.results.chartCaption')
            }
            items={results.items.slice(0, CHART_ITEMS).map((item) => ({
              id: item.ideaId,
              label: item.title,
              value: item.baskets,
              valueText: `${baskets(item.baskets)} · ${t(item.funded ? 'budgets.results.funded' : 'budgets.results.notFunded')}`,
              tone: item.funded ? 'strong' : 'soft',
            }))}
          />
        </>
      )}
    </div>
  );
}

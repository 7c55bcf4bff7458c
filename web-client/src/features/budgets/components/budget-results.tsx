import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GetBudgetResultsResponse } from '@contracts/participation-client';
import { Alert } from '@/components/ui/alert';
import { BarChart } from '@/components/ui/bar-chart';
import { ResultsQuery } from '@/components/ui/results-query';
import { ResultsTable } from '@/components/ui/results-table';
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
  return (
    <ResultsQuery query={results} notYet={t('budgets.results.notYet')}>
      {(data) => <BudgetResultsView projectId={projectId} results={data} />}
    </ResultsQuery>
  );
}

export function BudgetResultsView({ projectId, results }: { projectId: string; results: GetBudgetResultsResponse }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const money = (amount: number) => formatMoney(amount, results.currency, language);
  const baskets = (count: number) => t('budgets.results.baskets', { count, formatted: formatNumber(count, language) });
  const funded = results.items.filter((item) => item.funded);
  const top = results.items.slice(0, SUMMARY_ITEMS).map((item) =>
    t('budgets.results.chartItem', {
      title: item.title,
      baskets: baskets(item.baskets),
      funded: t(item.funded ? 'budgets.results.funded' : 'budgets.results.notFunded'),
    }),
  );
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
      <meter
        className="basket-panel__meter"
        min={0}
        max={results.budget}
        value={results.fundedTotal}
        aria-labelledby="budget-funded-total"
      />
      <p id="budget-funded-total" className="results__total">
        {t('budgets.results.fundedTotal', {
          funded: money(results.fundedTotal),
          budget: money(results.budget),
          left: money(results.budget - results.fundedTotal),
        })}
      </p>
      {results.items.length === 0 ? (
        <p className="empty-state">{t('budgets.results.empty')}</p>
      ) : (
        <>
          <ResultsTable
            caption={caption}
            columns={[
              { header: t('budgets.results.idea') },
              { header: t('budgets.results.cost'), numeric: true },
              { header: t('budgets.results.basketsColumn'), numeric: true },
              { header: t('budgets.results.fundedColumn') },
            ]}
            rows={results.items.map((item) => ({
              key: item.ideaId,
              cells: [
                <Link to={`/projects/${projectId}/ideas/${item.ideaId}`}>{item.title}</Link>,
                money(item.cost),
                formatNumber(item.baskets, language),
                <span className={`badge ${item.funded ? 'badge--success' : 'badge--neutral'}`}>
                  {item.funded ? t('common.yes') : t('common.no')}
                </span>,
              ],
            }))}
          />
          <BarChart
            label={t('budgets.results.chartLabel', { items: top.join(' ; ') })}
            caption={
              results.items.length > CHART_ITEMS
                ? t('budgets.results.chartCaptionTop', { count: CHART_ITEMS })
                : t('budgets.results.chartCaption')
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

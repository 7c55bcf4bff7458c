import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GetVoteResultsResponse } from '@contracts/participation-client';
import { Alert } from '@/components/ui/alert';
import { BarChart } from '@/components/ui/bar-chart';
import { ResultsQuery } from '@/components/ui/results-query';
import { ResultsTable } from '@/components/ui/results-table';
import { formatNumber, formatPercent } from '@/lib/format';
import { voteResultsQueryOptions } from '../api/votes';

/** How many ideas the chart shows (the table lists them all); how many its accessible name reads out. */
const CHART_ITEMS = 10;
const SUMMARY_ITEMS = 3;

export interface VoteResultsProps {
  projectId: string;
  phaseId: string;
}

/** A voting phase's results: a table (rank, idea, votes, share) and a bar chart that summarises it. */
export function VoteResults({ projectId, phaseId }: VoteResultsProps) {
  const { t } = useTranslation();
  const results = useQuery({ ...voteResultsQueryOptions(phaseId), retry: false });
  return (
    <ResultsQuery query={results} notYet={t('votes.results.notYet')}>
      {(data) => <VoteResultsView projectId={projectId} results={data} />}
    </ResultsQuery>
  );
}

export function VoteResultsView({ projectId, results }: { projectId: string; results: GetVoteResultsResponse }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const share = (votes: number) => formatPercent(votes, results.totalVotes, language);
  const votesText = (votes: number) => t('votes.results.votes', { count: votes, formatted: formatNumber(votes, language) });
  const top = results.items
    .slice(0, SUMMARY_ITEMS)
    .map((item) => t('votes.results.chartItem', { rank: item.rank, title: item.title, votes: votesText(item.votes) }));
  const caption = t('votes.results.caption');
  return (
    <div className="results stack">
      {!results.published ? <Alert variant="warning" title={t('votes.results.staffOnly')} /> : null}
      {!results.ended ? <p className="notice">{t('votes.results.provisional')}</p> : null}
      <p className="lead">
        {t('votes.results.totals', {
          voters: t('votes.results.voters', { count: results.voters, formatted: formatNumber(results.voters, language) }),
          votes: votesText(results.totalVotes),
        })}
      </p>
      {results.items.length === 0 ? (
        <p className="empty-state">{t('votes.results.empty')}</p>
      ) : (
        <>
          <ResultsTable
            caption={caption}
            columns={[
              { header: t('votes.results.rank') },
              { header: t('votes.results.idea') },
              { header: t('votes.results.votesColumn'), numeric: true },
              { header: t('votes.results.share'), numeric: true },
            ]}
            rowHeader={1}
            rows={results.items.map((item) => ({
              key: item.ideaId,
              cells: [
                item.rank,
                <Link to={`/projects/${projectId}/ideas/${item.ideaId}`}>{item.title}</Link>,
                formatNumber(item.votes, language),
                share(item.votes),
              ],
            }))}
          />
          <BarChart
            label={t('votes.results.chartLabel', { items: top.join(' ; ') })}
            caption={
              results.items.length > CHART_ITEMS
                ? t('votes.results.chartCaptionTop', { count: CHART_ITEMS })
                : t('votes.results.chartCaption')
            }
            items={results.items.slice(0, CHART_ITEMS).map((item) => ({
              id: item.ideaId,
              label: item.title,
              value: item.votes,
              valueText: `${votesText(item.votes)} · ${share(item.votes)}`,
            }))}
          />
        </>
      )}
    </div>
  );
}

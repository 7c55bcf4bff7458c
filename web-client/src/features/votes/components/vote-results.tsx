import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GetVoteResultsResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { BarChart } from '@/components/ui/bar-chart';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { TableRegion } from '@/components/ui/table-region';
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
  if (results.isPending) return <Loading label={t('common.loading')} />;
  if (results.isError) {
    const error = toApiError(results.error);
    if (error.status === 403) return <Alert variant="info" title={t('votes.results.notYet')} />;
    return (
      <Alert variant="error" role="alert" title={describeError(t, error)}>
        <Button variant="secondary" onClick={() => void results.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  return <VoteResultsView projectId={projectId} results={results.data} />;
}

export function VoteResultsView({ projectId, results }: { projectId: string; results: GetVoteResultsResponse }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const share = (votes: number) => formatPercent(votes, results.totalVotes, language);
  const votesText = (votes: number) => t('votes.results.votes', { count: votes, formatted: formatNumber(votes, language) });
  const top = results.items.slice(0, SUMMARY_ITEMS).map((item) => t('votes.results.chartItem', { rank: item.rank, title: item.title, votes: votesText(item.votes) }));
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
          <TableRegion label={caption}>
            <table className="table results__table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('votes.results.rank')}</th>
                  <th scope="col">{t('votes.results.idea')}</th>
                  <th scope="col" className="table__number">
                    {t('votes.results.votesColumn')}
                  </th>
                  <th scope="col" className="table__number">
                    {t('votes.results.share')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {results.items.map((item) => (
                  <tr key={item.ideaId}>
                    <td>{item.rank}</td>
                    <th scope="row">
                      <Link to={`/projects/${projectId}/ideas/${item.ideaId}`}>{item.title}</Link>
                    </th>
                    <td className="table__number">{formatNumber(item.votes, language)}</td>
                    <td className="table__number">{share(item.votes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <BarChart
            label={t('votes.results.chartLabel', { items: top.join(' ; ') })}
            caption={
              results.items.length > CHART_ITEMS ? t('votes.results.chartCaptionTop', { count: CHART_ITEMS }) : t('votes.results.chartCaption')
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

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionPolicyDecision } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { useSessionStatus } from '@/lib/auth/session-store';
import { myVotesQueryOptions, voteRefusal } from '../api/votes';
import { VoteReason } from './vote-reason';

export interface VotingSummaryProps {
  projectId: string;
  /** The project's `vote` action in the current (voting) phase. */
  decision: ActionPolicyDecision | undefined;
  /** The phase's votes per person (its settings), told to visitors who are not signed in. */
  votesPerUser?: number;
  /** The results page, when the visitor may read the results. */
  resultsHref?: string;
  /** Offered when the reason is an unconfirmed address (the page composes the auth feature's button). */
  resendAction?: ReactNode;
}

/**
 * Above the ideas of a voting phase: how many votes the person has left (a polite live region, so each
 * vote is followed by the new count), why they may not vote when they may not, and the results link.
 */
export function VotingSummary({ projectId, decision, votesPerUser, resultsHref, resendAction }: VotingSummaryProps) {
  const { t } = useTranslation();
  const status = useSessionStatus();
  const signedIn = status === 'authenticated';
  const mine = useQuery({ ...myVotesQueryOptions(projectId), enabled: signedIn && !!decision });
  const refusal = voteRefusal(decision, mine.data);
  const limit = mine.data?.votesPerUser ?? votesPerUser;

  let counter: string | null = null;
  if (signedIn && mine.data) {
    counter =
      mine.data.votesPerUser != null
        ? t('votes.summary.left', { count: mine.data.left ?? 0, total: mine.data.votesPerUser })
        : t('votes.summary.unlimited', { count: mine.data.used });
  }

  return (
    <section className="vote-summary" aria-labelledby="vote-summary-title">
      <h3 id="vote-summary-title" className="vote-summary__title">
        {t('votes.summary.title')}
      </h3>
      {limit != null && !signedIn ? <p>{t('votes.summary.each', { count: limit })}</p> : null}
      {/* Kept mounted: the new count is read out after each vote. */}
      <p role="status" className={counter ? 'vote-summary__counter' : 'visually-empty'}>
        {counter}
      </p>
      {mine.isError ? <p className="field__error">{describeError(t, toApiError(mine.error))}</p> : null}
      {refusal ? (
        <>
          <VoteReason reason={refusal === 'limit_reached' ? 'limit_reached_summary' : refusal} withLogIn />
          {refusal === 'email_not_confirmed' ? resendAction : null}
        </>
      ) : null}
      {resultsHref ? (
        <p>
          <Link to={resultsHref}>{t('votes.summary.results')}</Link>
        </p>
      ) : null}
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionPolicyDecision, ListIdeasIdea } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { useSessionStatus } from '@/lib/auth/session-store';
import { mayWithdraw, myVotesQueryOptions, UNVOTABLE_STATUSES, useToggleVote, voteRefusal } from '../api/votes';
import { useVoteReasonText, VoteReason } from './vote-reason';

export interface VoteToggleProps {
  projectId: string;
  idea: Pick<ListIdeasIdea, 'id' | 'title' | 'status'>;
  /** The project's `vote` action in the current (voting) phase. */
  decision: ActionPolicyDecision | undefined;
  /** Called after a vote changed or was refused (the page refreshes what depends on it). */
  onChanged?: () => void;
}

/**
 * « Voter » / « Retirer mon vote » for one idea: a toggle button (aria-pressed). When the person may not
 * vote for it, the reason is written below and the button refers to it.
 */
export function VoteToggle({ projectId, idea, decision, onChanged }: VoteToggleProps) {
  const { t } = useTranslation();
  const reasonText = useVoteReasonText();
  const status = useSessionStatus();
  const signedIn = status === 'authenticated';
  const mine = useQuery({ ...myVotesQueryOptions(projectId), enabled: signedIn && !!decision });
  const toggle = useToggleVote(projectId);
  const reasonId = useId();

  const voted = mine.data?.ideaIds.includes(idea.id) ?? false;
  let refusal: string | null;
  if (voted) refusal = mayWithdraw(decision, mine.data) ? null : (decision?.reason ?? 'phase_not_active');
  else if (UNVOTABLE_STATUSES.includes(idea.status)) refusal = 'not_votable';
  else refusal = voteRefusal(decision, mine.data);
  const loading = signedIn && !!decision && mine.isPending;
  const apiError = toggle.error ? toApiError(toggle.error) : null;
  // A refused vote whose reason is now written below needs no second message.
  const errorText =
    apiError && apiError.reason !== refusal ? (apiError.reason ? reasonText(apiError.reason) : describeError(t, apiError)) : null;

  return (
    <div className="vote-toggle">
      <Button
        variant="secondary"
        className="vote-toggle__button"
        aria-pressed={voted}
        disabled={!!refusal || loading}
        // Busy, not disabled: a disabled button would lose the focus while the vote is sent.
        aria-disabled={toggle.isPending || undefined}
        aria-busy={toggle.isPending || undefined}
        aria-describedby={refusal ? reasonId : undefined}
        onClick={() => {
          if (toggle.isPending) return;
          toggle.reset();
          toggle.mutate({ ideaId: idea.id, vote: !voted }, { onSettled: () => onChanged?.() });
        }}
      >
        {voted ? t('votes.toggle.withdraw') : t('votes.toggle.vote')}{' '}
        <span className="visually-hidden">{t('votes.toggle.for', { title: idea.title })}</span>
      </Button>
      {refusal ? <VoteReason reason={refusal} id={reasonId} /> : null}
      <div role="alert" className={errorText ? 'field__error' : 'visually-empty'}>
        {errorText}
      </div>
    </div>
  );
}

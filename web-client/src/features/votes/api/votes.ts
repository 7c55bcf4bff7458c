import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { IdeaStatus, type ActionPolicyDecision, type GetMyVotesResponse, type VoteState } from '@contracts/participation-client';
import { api } from '@/api/client';

/** Votes live under one root: a new session reads them again. */
export const voteKeys = {
  all: ['votes'] as const,
  mine: (projectId: string) => [...voteKeys.all, 'mine', projectId] as const,
  results: (phaseId: string) => [...voteKeys.all, 'results', phaseId] as const,
};

/** The signed-in person's votes in the project's current voting phase: which ideas, how many left. */
export const myVotesQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: voteKeys.mine(projectId),
    queryFn: ({ signal }) => api.getMyVotes(projectId, undefined, signal),
  });

/** A voting phase's results (403 for residents until they are published). */
export const voteResultsQueryOptions = (phaseId: string) =>
  queryOptions({
    queryKey: voteKeys.results(phaseId),
    queryFn: ({ signal }) => api.getVoteResults(phaseId, signal),
  });

/** Ideas the city turned down or already carried out cannot be voted on (the API answers 409). */
export const UNVOTABLE_STATUSES: readonly IdeaStatus[] = [IdeaStatus.Rejected, IdeaStatus.Implemented];

/** The API's answer to a vote, folded into the cached « my votes ». */
export function applyVoteState(mine: GetMyVotesResponse, state: VoteState): GetMyVotesResponse {
  const others = mine.ideaIds.filter((id) => id !== state.ideaId);
  return {
    ...mine,
    phaseId: state.phaseId,
    votesPerUser: state.votesPerUser,
    used: state.used,
    left: state.left,
    ideaIds: state.voted ? [...others, state.ideaId] : others,
  };
}

/**
 * Why the person may not vote for one more idea now, or null when they may. A reached limit comes from the
 * votes left (fresher than the project's actions after a vote or a withdrawal); other reasons from the actions.
 */
export function voteRefusal(decision: ActionPolicyDecision | undefined, mine: GetMyVotesResponse | undefined): string | null {
  if (!decision) return 'phase_not_active';
  if (!decision.allowed && decision.reason !== 'limit_reached') return decision.reason ?? 'not_permitted';
  if (mine && !mine.open) return 'phase_not_active';
  if (mine?.left != null) return mine.left > 0 ? null : 'limit_reached';
  return decision.allowed ? null : 'limit_reached';
}

/** May the person take a vote back? Yes while the phase lets them vote at all (a reached limit included). */
export function mayWithdraw(decision: ActionPolicyDecision | undefined, mine: GetMyVotesResponse | undefined): boolean {
  return !!decision && (decision.allowed || decision.reason === 'limit_reached') && mine?.open !== false;
}

/** Vote for an idea, or take the vote back; the votes left come back with the answer. */
export function useToggleVote(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ideaId, vote }: { ideaId: string; vote: boolean }) => (vote ? api.castVote(ideaId) : api.removeVote(ideaId)),
    onSuccess: (state) => {
      queryClient.setQueryData<GetMyVotesResponse>(voteKeys.mine(projectId), (mine) => (mine ? applyVoteState(mine, state) : mine));
      return queryClient.invalidateQueries({ queryKey: voteKeys.results(state.phaseId) });
    },
    // A refusal may mean the votes changed elsewhere (another tab): read them again.
    onError: () => queryClient.invalidateQueries({ queryKey: voteKeys.mine(projectId) }),
  });
}

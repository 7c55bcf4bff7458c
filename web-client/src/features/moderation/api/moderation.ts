import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { FlagReason, ReviewDecision } from '@contracts/participation-client';
import { api } from '@/api/client';

export const MODERATION_PAGE_SIZE = 20;
export const FLAG_REASONS = Object.values(FlagReason);

export const moderationKeys = {
  all: ['moderation'] as const,
  queues: () => [...moderationKeys.all, 'queue'] as const,
  queue: (projectId: string) => [...moderationKeys.queues(), projectId] as const,
};

/** A project's moderation queue, oldest first; "load more" asks for the next cursor. */
export const moderationQueueInfiniteQueryOptions = (projectId: string) =>
  infiniteQueryOptions({
    queryKey: moderationKeys.queue(projectId),
    queryFn: ({ pageParam, signal }) => api.getModerationQueue(projectId, pageParam, MODERATION_PAGE_SIZE, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });

export type ModerationKind = 'idea' | 'comment';

/** What a moderator decides about one item of the queue. */
export type ModerationDecision =
  | { action: 'hide'; kind: ModerationKind; id: string; reason: string }
  | { action: 'keep'; kind: ModerationKind; id: string }
  | { action: 'approve'; id: string }
  | { action: 'reject'; id: string; reason: string };

function decide(decision: ModerationDecision): Promise<void> {
  switch (decision.action) {
    case 'hide':
      return decision.kind === 'idea'
        ? api.hideIdea(decision.id, { reason: decision.reason })
        : api.hideComment(decision.id, { reason: decision.reason });
    case 'keep':
      // Without a reason, "unhide" keeps the item visible and dismisses its flags.
      return decision.kind === 'idea' ? api.unhideIdea(decision.id, {}) : api.unhideComment(decision.id, {});
    case 'approve':
      return api.reviewIdea(decision.id, { decision: ReviewDecision.Approve });
    case 'reject':
      return api.reviewIdea(decision.id, { decision: ReviewDecision.Reject, reason: decision.reason });
  }
}

/** Any decision takes the item out of the queue: the queues are read again. */
export function useModerate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decide,
    // A conflict (someone else decided first) also means the queue changed.
    onSettled: () => queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
  });
}

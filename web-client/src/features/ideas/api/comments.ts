import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { CommentSort, type FlagContentRequest, type PostCommentRequest } from '@contracts/participation-client';
import { api } from '@/api/client';
import { ideaKeys } from './ideas';

export const COMMENTS_PAGE_SIZE = 20;
export const REPLIES_PAGE_SIZE = 20;
/** How many replies the API sends with each top-level comment. */
export const REPLIES_SHOWN = 3;
export const COMMENT_MAX_LENGTH = 5000;

/** An idea's top-level comments in the chosen order, each with its first replies. */
export const commentsInfiniteQueryOptions = (ideaId: string, sort: CommentSort = CommentSort.Oldest) =>
  infiniteQueryOptions({
    queryKey: [...ideaKeys.comments(ideaId), sort] as const,
    queryFn: ({ pageParam, signal }) => api.listComments(ideaId, sort, pageParam, COMMENTS_PAGE_SIZE, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** All the replies to one comment (asked for when the first ones are not all of them). */
export const repliesInfiniteQueryOptions = (ideaId: string, commentId: string) =>
  infiniteQueryOptions({
    queryKey: ideaKeys.replies(ideaId, commentId),
    queryFn: ({ pageParam, signal }) => api.listReplies(commentId, pageParam, REPLIES_PAGE_SIZE, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** A change to a conversation: its comments, their replies and the idea's comment count. */
function useRefreshConversation() {
  const queryClient = useQueryClient();
  return (ideaId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ideaKeys.comments(ideaId) }),
      queryClient.invalidateQueries({ queryKey: ideaKeys.detail(ideaId) }),
    ]);
}

export function usePostComment() {
  const refresh = useRefreshConversation();
  return useMutation({
    mutationFn: ({ ideaId, request }: { ideaId: string; request: PostCommentRequest }) => api.postComment(ideaId, request),
    onSuccess: (_, { ideaId }) => refresh(ideaId),
  });
}

export function useEditComment() {
  const refresh = useRefreshConversation();
  return useMutation({
    mutationFn: ({ id, body }: { ideaId: string; id: string; body: string }) => api.editComment(id, { body }),
    onSuccess: (_, { ideaId }) => refresh(ideaId),
  });
}

export function useDeleteComment() {
  const refresh = useRefreshConversation();
  return useMutation({
    mutationFn: ({ id }: { ideaId: string; id: string }) => api.deleteComment(id),
    onSuccess: (_, { ideaId }) => refresh(ideaId),
  });
}

export function useFlagComment() {
  return useMutation({ mutationFn: ({ id, request }: { id: string; request: FlagContentRequest }) => api.flagComment(id, request) });
}

/** Hide (with a reason) or show again a comment (the project's staff). */
export function useHideComment() {
  const refresh = useRefreshConversation();
  return useMutation({
    mutationFn: ({ id, hide, reason }: { ideaId: string; id: string; hide: boolean; reason?: string }) =>
      hide ? api.hideComment(id, { reason }) : api.unhideComment(id, {}),
    onSuccess: (_, { ideaId }) => refresh(ideaId),
  });
}

/** Like a comment, or take the like back; the conversation is read again (counts and order follow). */
export function useLikeComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, like }: { ideaId: string; id: string; like: boolean }) => (like ? api.likeComment(id) : api.unlikeComment(id)),
    onSuccess: (_, { ideaId }) => queryClient.invalidateQueries({ queryKey: ideaKeys.comments(ideaId) }),
  });
}

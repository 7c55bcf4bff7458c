import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import {
  FlagReason,
  IdeaSort,
  IdeaStatus,
  ParticipationAction,
  ReactionKind,
  RefusalReason,
  ReviewDecision,
  type ActionPolicyDecision,
  type ChangeIdeaStatusRequest,
  type FlagContentRequest,
  type GetIdeaResponse,
  type IdeaFields,
  type ListIdeasResponse,
  type ReactionState,
  type SubmitIdeaRequest,
} from '@contracts/participation-client';
import { api } from '@/api/client';
import { oneOf } from '@/lib/closed-sets';

export const IDEAS_PAGE_SIZE = 12;
/** The map shows more pins per request: a bounding box holds few ideas. */
export const MAP_PAGE_SIZE = 100;
export const IDEA_SORTS = Object.values(IdeaSort);
/** What moderators may set (pre-moderation has its own approve / reject decision). */
export const IDEA_STATUSES = Object.values(IdeaStatus).filter((s) => s !== IdeaStatus.Prescreening);
export const FLAG_REASONS = Object.values(FlagReason);

export interface MapBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface IdeaFilters {
  sort: IdeaSort;
  /** A topic's id ('' : any). */
  topic: string;
  /** An area's id ('' : any). */
  area: string;
  status: string;
  search: string;
  /** Only the ideas inside this box (map view). */
  bounds: MapBox | null;
}

export const EMPTY_IDEA_FILTERS: IdeaFilters = { sort: IdeaSort.Trending, topic: '', area: '', status: '', search: '', bounds: null };

/** Everything about ideas lives under one root: a new session reads it all again (reactions, rights). */
export const ideaKeys = {
  all: ['ideas'] as const,
  projectLists: (projectId: string) => [...ideaKeys.all, 'list', projectId] as const,
  list: (projectId: string, filters: IdeaFilters, limit: number) => [...ideaKeys.projectLists(projectId), filters, limit] as const,
  details: () => [...ideaKeys.all, 'detail'] as const,
  detail: (id: string) => [...ideaKeys.details(), id] as const,
  notes: (id: string) => [...ideaKeys.all, 'notes', id] as const,
  comments: (ideaId: string) => [...ideaKeys.all, 'comments', ideaId] as const,
  replies: (ideaId: string, commentId: string) => [...ideaKeys.comments(ideaId), 'replies', commentId] as const,
};

interface IdeasPage {
  cursor?: string;
  seed?: number;
}

const FIRST_IDEAS_PAGE: IdeasPage = {};

/**
 * A project's public ideas, page by page. The random order is stable: the first page sends back the seed
 * the API chose (kept with the cached pages, so a refetch keeps the order); later pages carry it in the cursor.
 */
export const ideasInfiniteQueryOptions = (projectId: string, filters: IdeaFilters, limit = IDEAS_PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: ideaKeys.list(projectId, filters, limit),
    queryFn: ({ pageParam, signal, client, queryKey }) => {
      const cached = client.getQueryData<InfiniteData<ListIdeasResponse, IdeasPage>>(queryKey);
      const seed = filters.sort === 'random' ? (pageParam.seed ?? cached?.pages[0]?.seed) : undefined;
      const box = filters.bounds;
      return api.listIdeas(
        projectId,
        filters.sort,
        undefined,
        oneOf(Object.values(IdeaStatus), filters.status),
        filters.search.trim() || undefined,
        box?.south,
        box?.west,
        box?.north,
        box?.east,
        seed,
        pageParam.cursor,
        limit,
        filters.topic || undefined,
        filters.area || undefined,
        signal,
      );
    },
    initialPageParam: FIRST_IDEAS_PAGE,
    getNextPageParam: (last): IdeasPage | undefined => (last.nextCursor ? { cursor: last.nextCursor, seed: last.seed } : undefined),
  });

export const ideaQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ideaKeys.detail(id),
    queryFn: ({ signal }) => api.getIdea(id, signal),
  });

/** An idea by its project's slug and its own. */
export const ideaBySlugQueryOptions = (projectSlug: string, slug: string) =>
  queryOptions({
    queryKey: [...ideaKeys.all, 'by-slug', projectSlug, slug] as const,
    queryFn: ({ signal }) => api.getIdeaBySlug(projectSlug, slug, signal),
  });

export const ideaNotesQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ideaKeys.notes(id),
    queryFn: ({ signal }) => api.listIdeaNotes(id, signal),
  });

/** The decision for one action of an idea (refused with `not_permitted` when the API did not list it). */
export function decisionFor(actions: readonly ActionPolicyDecision[], action: ParticipationAction): ActionPolicyDecision {
  return actions.find((a) => a.action === action) ?? { action, allowed: false, reason: RefusalReason.NotPermitted };
}

function useRefreshIdea() {
  const queryClient = useQueryClient();
  return {
    queryClient,
    /** The idea's page, and the lists it appears in. */
    refresh: (idea: { id: string; projectId?: string }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ideaKeys.detail(idea.id) }),
        idea.projectId ? queryClient.invalidateQueries({ queryKey: ideaKeys.projectLists(idea.projectId) }) : Promise.resolve(),
      ]),
    /** The API answered with the whole idea: show it now, refresh the lists. */
    put: (idea: GetIdeaResponse) => {
      queryClient.setQueryData(ideaKeys.detail(idea.id), idea);
      return queryClient.invalidateQueries({ queryKey: ideaKeys.projectLists(idea.projectId) });
    },
  };
}

export function useSubmitIdea() {
  const { put } = useRefreshIdea();
  return useMutation({
    mutationFn: ({ projectId, request }: { projectId: string; request: SubmitIdeaRequest }) => api.submitIdea(projectId, request),
    onSuccess: put,
  });
}

export function useUpdateIdea() {
  const { put } = useRefreshIdea();
  return useMutation({
    mutationFn: ({ id, fields }: { id: string; fields: IdeaFields }) => api.updateIdea(id, fields),
    onSuccess: put,
  });
}

export function useWithdrawIdea() {
  const { refresh } = useRefreshIdea();
  return useMutation({
    mutationFn: (idea: { id: string; projectId: string }) => api.withdrawIdea(idea.id),
    onSuccess: (_, idea) => refresh(idea),
  });
}

export function useChangeIdeaStatus() {
  const { put } = useRefreshIdea();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: ChangeIdeaStatusRequest }) => api.changeIdeaStatus(id, request),
    onSuccess: put,
  });
}

/**
 * Like or dislike (or take the reaction back, `kind: null`). The page shows the change at once and the
 * API's counters when it answers; a refusal puts the previous state back.
 */
export function useReactToIdea() {
  const { queryClient, refresh } = useRefreshIdea();
  const apply = (id: string, state: ReactionState) =>
    queryClient.setQueryData<GetIdeaResponse>(ideaKeys.detail(id), (idea) =>
      idea ? { ...idea, likes: state.likes, dislikes: state.dislikes, myReaction: state.myReaction } : idea,
    );
  return useMutation({
    mutationFn: ({ idea, kind }: { idea: GetIdeaResponse; kind: ReactionKind | null }) =>
      kind ? api.reactToIdea(idea.id, { kind }) : api.removeReaction(idea.id),
    onMutate: async ({ idea, kind }) => {
      await queryClient.cancelQueries({ queryKey: ideaKeys.detail(idea.id) });
      apply(idea.id, optimisticReaction(idea, kind));
      return { previous: idea };
    },
    onError: (_error, { idea }, context) => {
      if (context) apply(idea.id, context.previous);
    },
    onSuccess: (state, { idea }) => {
      apply(idea.id, state);
      return queryClient.invalidateQueries({ queryKey: ideaKeys.projectLists(idea.projectId) });
    },
    onSettled: (_data, error, { idea }) => (error ? refresh(idea) : undefined),
  });
}

/** The counters as they will be once the API has taken `kind` (null: no reaction). */
export function optimisticReaction(
  idea: Pick<GetIdeaResponse, 'likes' | 'dislikes' | 'myReaction'>,
  kind: ReactionKind | null,
): ReactionState {
  let { likes, dislikes } = idea;
  if (idea.myReaction === 'like') likes -= 1;
  if (idea.myReaction === 'dislike') dislikes -= 1;
  if (kind === 'like') likes += 1;
  if (kind === 'dislike') dislikes += 1;
  return { likes: Math.max(0, likes), dislikes: Math.max(0, dislikes), myReaction: kind ?? undefined };
}

export function useFollowIdea() {
  const { refresh } = useRefreshIdea();
  return useMutation({
    mutationFn: ({ id, follow }: { id: string; follow: boolean }) => (follow ? api.followIdea(id) : api.unfollowIdea(id)),
    onSuccess: (_, { id }) => refresh({ id }),
  });
}

export function useFlagIdea() {
  return useMutation({ mutationFn: ({ id, request }: { id: string; request: FlagContentRequest }) => api.flagIdea(id, request) });
}

/** Hide (with a reason) or show again an idea. */
export function useHideIdea() {
  const { refresh } = useRefreshIdea();
  return useMutation({
    mutationFn: ({ idea, hide, reason }: { idea: { id: string; projectId: string }; hide: boolean; reason?: string }) =>
      hide ? api.hideIdea(idea.id, { reason }) : api.unhideIdea(idea.id, {}),
    onSuccess: (_, { idea }) => refresh(idea),
  });
}

export function useReviewIdea() {
  const { refresh } = useRefreshIdea();
  return useMutation({
    mutationFn: ({ idea, decision, reason }: { idea: { id: string; projectId: string }; decision: ReviewDecision; reason?: string }) =>
      api.reviewIdea(idea.id, { decision, reason }),
    onSuccess: (_, { idea }) => refresh(idea),
  });
}

export function useAddIdeaNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, mentions }: { id: string; body: string; mentions: string[] }) => api.addIdeaNote(id, { body, mentions }),
    onSuccess: (_, { id }) => queryClient.invalidateQueries({ queryKey: ideaKeys.notes(id) }),
  });
}

import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { IdeaStatus, ManagedIdeaSort, type ChangeIdeaStatusesRequest, type FeedbackTemplateFields } from '@contracts/participation-client';
import { api } from '@/api/client';
import { oneOf } from '@/lib/closed-sets';
import { newIdempotencyKey } from '@/lib/idempotency';

export const MANAGER_PAGE_SIZE = 25;
export const MANAGED_IDEA_SORTS = Object.values(ManagedIdeaSort);
export const IDEA_STATUSES = Object.values(IdeaStatus);
/** What the staff may set (pre-moderation has its own approve/reject decision). */
export const SETTABLE_STATUSES = IDEA_STATUSES.filter((s) => s !== IdeaStatus.Prescreening);

/** The table's filters as the form keeps them ('' = no filter). */
export interface ManagerFilters {
  search: string;
  status: string;
  /** A topic's id ('' : any). */
  topicId: string;
  /** An area's id ('' : any). */
  areaId: string;
  phaseId: string;
  /** 'yes' (waiting for an answer), 'no' (answered or not public), '' (all). */
  waiting: string;
  /** Waiting for more than this many days ('' = any). */
  waitingDays: string;
  /** 'yes', 'no', ''. */
  flagged: string;
  /** A person's id, 'none', 'me' or ''. */
  assignee: string;
  sort: ManagedIdeaSort;
}

export const EMPTY_FILTERS: ManagerFilters = {
  search: '',
  status: '',
  topicId: '',
  areaId: '',
  phaseId: '',
  waiting: '',
  waitingDays: '',
  flagged: '',
  assignee: '',
  sort: ManagedIdeaSort.Newest,
};

const yesNo = (value: string) => (value === 'yes' ? true : value === 'no' ? false : undefined);

/** A whole number of days, or nothing when the field holds none. */
export function waitingDaysOf(value: string): number | undefined {
  if (!/^\d{1,4}$/.test(value.trim())) return undefined;
  return Number.parseInt(value.trim(), 10);
}

export const managerKeys = {
  all: ['ideas-manager'] as const,
  lists: (projectId: string) => [...managerKeys.all, projectId, 'ideas'] as const,
  list: (projectId: string, filters: ManagerFilters) => [...managerKeys.lists(projectId), filters] as const,
  templates: (projectId: string) => [...managerKeys.all, projectId, 'templates'] as const,
};

/** The project's ideas for its staff, by the filters and sort; "load more" asks for the next cursor. */
export const managedIdeasInfiniteQueryOptions = (projectId: string, filters: ManagerFilters) =>
  infiniteQueryOptions({
    queryKey: managerKeys.list(projectId, filters),
    queryFn: ({ pageParam, signal }) => {
      const days = filters.waiting === 'no' ? undefined : waitingDaysOf(filters.waitingDays);
      return api.listManagedIdeas(
        projectId,
        oneOf(IDEA_STATUSES, filters.status),
        undefined,
        filters.phaseId || undefined,
        // "Waiting for more than N days" implies waiting.
        days !== undefined ? true : yesNo(filters.waiting),
        days,
        yesNo(filters.flagged),
        filters.assignee || undefined,
        filters.search.trim() || undefined,
        filters.sort,
        pageParam,
        MANAGER_PAGE_SIZE,
        filters.topicId || undefined,
        filters.areaId || undefined,
        signal,
      );
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });

export const feedbackTemplatesQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: managerKeys.templates(projectId),
    queryFn: ({ signal }) => api.listFeedbackTemplates(projectId, signal),
  });

/** Makes a staff member responsible for answering an idea (null: nobody); the table is read again. */
export function useAssignIdea(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ideaId, assigneeId }: { ideaId: string; assigneeId: string | null }) =>
      api.assignIdea(ideaId, { assigneeId: assigneeId ?? undefined }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: managerKeys.lists(projectId) }),
  });
}

/**
 * Changes the status of the chosen ideas and/or answers them, each by the rules of a single change. One Idempotency-Key
 * per confirmed action: a retried send is applied once.
 */
export function useBulkStatusChange(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, key = newIdempotencyKey() }: { request: ChangeIdeaStatusesRequest; key?: string }) =>
      api.changeIdeaStatuses(projectId, request, key),
    onSettled: () => queryClient.invalidateQueries({ queryKey: managerKeys.lists(projectId) }),
  });
}

export function useSaveTemplate(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, fields }: { id: string | null; fields: FeedbackTemplateFields }) =>
      id ? api.updateFeedbackTemplate(id, fields) : api.createFeedbackTemplate(projectId, fields),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: managerKeys.templates(projectId) }),
  });
}

export function useDeleteTemplate(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteFeedbackTemplate(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: managerKeys.templates(projectId) }),
  });
}

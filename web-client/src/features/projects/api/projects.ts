import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  PhaseMethod,
  ProjectSort,
  ProjectStatus,
  type CreateProjectRequest,
  type ListWorkspaceProjectsProject,
  type PhaseRequest,
  type UpdateProjectRequest,
} from '@contracts/participation-client';
import { api } from '@/api/client';
import { oneOf } from '@/lib/closed-sets';

export const PROJECTS_PAGE_SIZE = 12;
/** The API's closed sets, from the generated client. */
export const PROJECT_STATUSES = Object.values(ProjectStatus);
export const METHODS = Object.values(PhaseMethod);
export const SORTS = Object.values(ProjectSort);

export interface ProjectFilters {
  departmentId: string;
  /** A topic's name, from an old link (?topic=mobilité); the form sets topicId instead. */
  topic: string;
  /** A topic's id ('' : any). */
  topicId: string;
  /** An area's id ('' : any). */
  areaId: string;
  status: string;
  method: string;
  search: string;
  sort: string;
}

export const EMPTY_PROJECT_FILTERS: ProjectFilters = {
  departmentId: '',
  topic: '',
  topicId: '',
  areaId: '',
  status: '',
  method: '',
  search: '',
  sort: 'newest',
};

export const projectKeys = {
  all: ['projects'] as const,
  lists: () => [...projectKeys.all, 'list'] as const,
  list: (filters: ProjectFilters, limit: number) => [...projectKeys.lists(), filters, limit] as const,
  workspace: (status: string) => [...projectKeys.all, 'workspace', status] as const,
  workspaceAll: () => [...projectKeys.all, 'workspace-all'] as const,
  details: () => [...projectKeys.all, 'detail'] as const,
  detail: (id: string) => [...projectKeys.details(), id] as const,
  preview: (id: string, token: string) => [...projectKeys.all, 'preview', id, token] as const,
  actions: (id: string) => [...projectKeys.all, 'actions', id] as const,
};

/** Published and archived projects, filtered; "load more" asks for the next cursor. */
export const projectsInfiniteQueryOptions = (filters: ProjectFilters, limit = PROJECTS_PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: projectKeys.list(filters, limit),
    queryFn: ({ pageParam, signal }) =>
      api.listProjects(
        filters.departmentId || undefined,
        filters.topic.trim() || undefined,
        oneOf(PROJECT_STATUSES, filters.status),
        oneOf(METHODS, filters.method),
        filters.search.trim() || undefined,
        oneOf(SORTS, filters.sort),
        pageParam,
        limit,
        filters.topicId || undefined,
        filters.areaId || undefined,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The latest published projects, for the home page. */
export const latestProjectsQueryOptions = (limit = 3) =>
  queryOptions({
    queryKey: [...projectKeys.lists(), 'latest', limit] as const,
    queryFn: ({ signal }) =>
      api.listProjects(
        undefined,
        undefined,
        ProjectStatus.Published,
        undefined,
        undefined,
        ProjectSort.Newest,
        undefined,
        limit,
        undefined,
        undefined,
        signal,
      ),
  });

export const workspaceInfiniteQueryOptions = (status: string) =>
  infiniteQueryOptions({
    queryKey: projectKeys.workspace(status),
    queryFn: ({ pageParam, signal }) => api.listWorkspaceProjects(oneOf(PROJECT_STATUSES, status), pageParam, 25, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Every project the user runs, all pages at once (for pickers: a municipality has at most a few hundred). */
export const allWorkspaceProjectsQueryOptions = () =>
  queryOptions({
    queryKey: projectKeys.workspaceAll(),
    queryFn: async ({ signal }) => {
      const items: ListWorkspaceProjectsProject[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.listWorkspaceProjects(undefined, cursor, 100, signal);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });

export const projectQueryOptions = (id: string) =>
  queryOptions({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => api.getProject(id, undefined, signal),
  });

/** A project by its slug (a former slug: the API redirects to the current one, whose page is answered). */
export const projectBySlugQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: [...projectKeys.all, 'by-slug', slug] as const,
    queryFn: ({ signal }) => api.getProjectBySlug(slug, undefined, signal),
  });

/** A draft seen through its preview link: the token goes in the X-Preview-Token header, never in a URL. */
export const projectPreviewQueryOptions = (id: string, token: string) =>
  queryOptions({
    queryKey: projectKeys.preview(id, token),
    queryFn: ({ signal }) => api.getProject(id, token, signal),
    retry: false,
  });

export const projectActionsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: projectKeys.actions(id),
    queryFn: ({ signal }) => api.getProjectActions(id, undefined, signal),
  });

function useInvalidateProjects() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: projectKeys.all });
}

export function useCreateProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({ mutationFn: (request: CreateProjectRequest) => api.createProject(request), onSuccess: invalidate });
}

export function useUpdateProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateProjectRequest }) => api.updateProject(id, request),
    onSuccess: invalidate,
  });
}

export function useChangeProjectStatus() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: ProjectStatus }) => api.changeProjectStatus(id, { status }),
    onSuccess: invalidate,
  });
}

export function useCreatePreviewLink() {
  const invalidate = useInvalidateProjects();
  return useMutation({ mutationFn: (id: string) => api.createPreviewLink(id), onSuccess: invalidate });
}

export function useRevokePreviewLink() {
  const invalidate = useInvalidateProjects();
  return useMutation({ mutationFn: (id: string) => api.revokePreviewLink(id), onSuccess: invalidate });
}

/** The header image's limits, as the API enforces them (content is checked there too). */
export const PROJECT_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const PROJECT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** Replaces the project's header image (multipart); answers the new image's URL. */
export function useSetProjectImage() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => api.setProjectImage(id, { data: file, fileName: file.name }),
    onSuccess: invalidate,
  });
}

export function useAssignModerator() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, userId }: { id: string; userId: string }) => api.assignModerator(id, userId),
    onSuccess: invalidate,
  });
}

export function useRemoveModerator() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, userId }: { id: string; userId: string }) => api.removeModerator(id, userId),
    onSuccess: invalidate,
  });
}

/** Adds a phase (no phaseId) or replaces one. */
export function useSavePhase() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: async ({ id, phaseId, request }: { id: string; phaseId?: string; request: PhaseRequest }) => {
      if (phaseId) await api.changePhase(id, phaseId, request);
      else await api.addPhase(id, request);
    },
    onSuccess: invalidate,
  });
}

export function useRemovePhase() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, phaseId }: { id: string; phaseId: string }) => api.removePhase(id, phaseId),
    onSuccess: invalidate,
  });
}

/** Follow a project (its phases starting, its results published), or stop; the project page is read again. */
export function useFollowProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, follow }: { id: string; follow: boolean }) => (follow ? api.followProject(id) : api.unfollowProject(id)),
    onSuccess: invalidate,
  });
}

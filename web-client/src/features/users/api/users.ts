import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { Role, type GrantRoleRequest } from '@contracts/participation-client';
import { api } from '@/api/client';
import { oneOf } from '@/lib/closed-sets';

export const USERS_PAGE_SIZE = 25;

export interface UserFilters {
  search: string;
  role: string;
}

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (filters: UserFilters) => [...userKeys.lists(), filters] as const,
  role: (role: string) => [...userKeys.all, 'role', role] as const,
  search: (search: string) => [...userKeys.all, 'search', search] as const,
  people: (q: string) => [...userKeys.all, 'people', q] as const,
};

/** The people search's bounds (the API refuses a shorter or longer text). */
export const PEOPLE_SEARCH_MIN = 2;
export const PEOPLE_SEARCH_MAX = 100;

/** Alphabetical keyset pages: "load more" asks for the next cursor. */
export const usersInfiniteQueryOptions = (filters: UserFilters) =>
  infiniteQueryOptions({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.listUsers(filters.search.trim() || undefined, oneOf(Object.values(Role), filters.role), pageParam, USERS_PAGE_SIZE, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Everyone holding a role (first 100), e.g. the department heads, to group them client-side. */
export const usersWithRoleQueryOptions = (role: Role) =>
  queryOptions({
    queryKey: userKeys.role(role),
    queryFn: ({ signal }) => api.listUsers(undefined, role, undefined, 100, signal),
  });

/** A short list of people matching a name or e-mail, to pick one. */
export const userSearchQueryOptions = (search: string) =>
  queryOptions({
    queryKey: userKeys.search(search),
    queryFn: ({ signal }) => api.listUsers(search, undefined, undefined, 10, signal),
    enabled: search.trim().length >= 2,
  });

/** People to appoint, by name or exact e-mail (admins and department heads); names only. */
export const peopleSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: userKeys.people(q),
    queryFn: ({ signal }) => api.searchPeople(q, signal),
    enabled: q.length >= PEOPLE_SEARCH_MIN && q.length <= PEOPLE_SEARCH_MAX,
  });

export function useGrantRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, grant }: { userId: string; grant: GrantRoleRequest }) => api.grantRole(userId, grant),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useRevokeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, grantId }: { userId: string; grantId: string }) => api.revokeRole(userId, grantId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** Blocking changes the list's "Blocked until" badges: refresh it. */
export function useBlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, until, reason }: { userId: string; until: string; reason: string }) => api.blockUser(userId, { until, reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}

export function useUnblockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.unblockUser(userId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}

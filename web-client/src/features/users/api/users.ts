import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { GrantRoleRequest } from '@contracts/participation-client';
import { api } from '@/api/client';

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
};

/** Alphabetical keyset pages: "load more" asks for the next cursor. */
export const usersInfiniteQueryOptions = (filters: UserFilters) =>
  infiniteQueryOptions({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.listUsers(filters.search.trim() || undefined, filters.role || undefined, pageParam, USERS_PAGE_SIZE, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Everyone holding a role (first 100), e.g. the department heads, to group them client-side. */
export const usersWithRoleQueryOptions = (role: string) =>
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

export function useBlockUser() {
  return useMutation({
    mutationFn: ({ userId, until, reason }: { userId: string; until: string; reason: string }) => api.blockUser(userId, { until, reason }),
  });
}

export function useUnblockUser() {
  return useMutation({ mutationFn: (userId: string) => api.unblockUser(userId) });
}

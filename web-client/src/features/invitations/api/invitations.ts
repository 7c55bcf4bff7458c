import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  InvitationStatus,
  Role,
  ScopeType,
  type AcceptInvitationRequest,
  type CreateInvitationsRequest,
} from '@contracts/participation-client';
import { api } from '@/api/client';
import { oneOf } from '@/lib/closed-sets';
import { sessionStore } from '@/lib/auth/session-store';

export const INVITATIONS_PAGE_SIZE = 25;
export const INVITATION_STATUSES = Object.values(InvitationStatus);

export interface InvitationFilters {
  status: string;
  role: string;
}

export const invitationKeys = {
  all: ['invitations'] as const,
  lists: () => [...invitationKeys.all, 'list'] as const,
  list: (filters: InvitationFilters) => [...invitationKeys.lists(), filters] as const,
  lookup: (token: string) => [...invitationKeys.all, 'lookup', token] as const,
};

export const invitationsInfiniteQueryOptions = (filters: InvitationFilters) =>
  infiniteQueryOptions({
    queryKey: invitationKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.listInvitations(
        oneOf(INVITATION_STATUSES, filters.status),
        oneOf(Object.values(Role), filters.role),
        pageParam,
        INVITATIONS_PAGE_SIZE,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Looking up is rate limited and the answer does not change: once per token, never retried. */
export const lookupInvitationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: invitationKeys.lookup(token),
    queryFn: ({ signal }) => api.lookupInvitation({ token }, signal),
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

export function useCreateInvitations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateInvitationsRequest) => api.createInvitations(request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.lists() }),
  });
}

export interface ImportInvitationsInput {
  file: File;
  role: Role;
  scopeType: ScopeType;
  scopeId: string | undefined;
  message: string;
}

export function useImportInvitations() {
  const queryClient = useQueryClient();
  return useMutation({
    // The generated client refuses undefined form fields: an empty one means "none" to the API.
    mutationFn: ({ file, role, scopeType, scopeId, message }: ImportInvitationsInput) =>
      api.importInvitations({ data: file, fileName: file.name }, role, scopeType, scopeId ?? '', message),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.lists() }),
  });
}

export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.resendInvitation(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.lists() }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeInvitation(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.lists() }),
  });
}

/** Accepting answers a new session (with the new role): it replaces the current one, if any. */
export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (request: AcceptInvitationRequest) => api.acceptInvitation(request),
    onSuccess: (tokens) => sessionStore.setTokens(tokens),
  });
}

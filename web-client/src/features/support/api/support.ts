import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { GrantSupportRequest, SendSupportRequestRequest } from '@contracts/participation-client';
import { api } from '@/api/client';

/** The durations an admin picks from, in hours (the API takes 1 to 168). */
export const SUPPORT_DURATIONS = [4, 24, 48, 72, 168] as const;
export const DEFAULT_SUPPORT_HOURS = 48;
export const SUPPORT_REASON_MAX_LENGTH = 500;
export const SUPPORT_SUBJECT_MAX_LENGTH = 200;
export const SUPPORT_MESSAGE_MAX_LENGTH = 5000;

export const supportKeys = {
  all: ['support'] as const,
  grants: () => [...supportKeys.all, 'grants'] as const,
  requests: () => [...supportKeys.all, 'requests'] as const,
};

export const supportGrantsQueryOptions = () =>
  queryOptions({
    queryKey: supportKeys.grants(),
    queryFn: ({ signal }) => api.listSupportGrants(signal),
  });

export const supportRequestsQueryOptions = () =>
  queryOptions({
    queryKey: supportKeys.requests(),
    queryFn: ({ signal }) => api.listSupportRequests(signal),
  });

export function useGrantSupport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: GrantSupportRequest) => api.grantSupport(request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKeys.grants() }),
  });
}

export function useRevokeSupport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeSupport(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKeys.grants() }),
  });
}

export function useSendSupportRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SendSupportRequestRequest) => api.sendSupportRequest(request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKeys.requests() }),
  });
}

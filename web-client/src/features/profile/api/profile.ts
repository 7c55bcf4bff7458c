import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, UpdateMeRequest } from '@contracts/participation-client';
import { api } from '@/api/client';
import { sessionStore } from '@/lib/auth/session-store';

export const profileKeys = {
  all: ['me'] as const,
  me: () => [...profileKeys.all, 'profile'] as const,
};

export const meQueryOptions = () =>
  queryOptions({
    queryKey: profileKeys.me(),
    queryFn: ({ signal }) => api.getMe(signal),
    staleTime: 0,
  });

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateMeRequest) => api.updateMe(request),
    onSuccess: (profile) => queryClient.setQueryData(profileKeys.me(), profile),
  });
}

/**
 * Changing the password revokes every refresh token of the account and answers a fresh session for
 * this browser: keep using that one.
 */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (request: ChangePasswordRequest) => {
      sessionStore.setTokens(await api.changePassword(request));
    },
  });
}

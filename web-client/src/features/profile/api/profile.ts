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

export interface ChangePasswordInput extends ChangePasswordRequest {
  email: string;
}

/**
 * Changing the password revokes every refresh token of the account, this session's included. To keep
 * this session alive past its access token, log in again with the new password (best effort).
 */
export function useChangePassword() {
  return useMutation({
    mutationFn: async ({ email, currentPassword, newPassword }: ChangePasswordInput) => {
      await api.changePassword({ currentPassword, newPassword });
      try {
        sessionStore.setTokens(await api.login({ email, password: newPassword }));
      } catch {
        // The current access token still works until it expires; the user will then log in again.
      }
    },
  });
}

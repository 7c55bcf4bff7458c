import { queryOptions, useMutation } from '@tanstack/react-query';
import type { LoginCommand, RegisterCommand, RequestPasswordResetCommand, ResetPasswordCommand } from '@contracts/participation-client';
import { api, endSession } from '@/api/client';
import { sessionStore } from '@/lib/auth/session-store';

export const authKeys = {
  all: ['auth'] as const,
  confirmEmail: (token: string) => [...authKeys.all, 'confirm-email', token] as const,
};

/**
 * Confirming is a one-shot call: as a query keyed by the token it runs once even when React mounts
 * twice (StrictMode), and is never retried nor refetched (a second call would answer 410).
 */
export const confirmEmailQueryOptions = (token: string) =>
  queryOptions({
    queryKey: authKeys.confirmEmail(token),
    queryFn: async () => {
      await api.confirmEmail({ token });
      return true as const;
    },
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

/** The current version of the terms of use, accepted by registering. */
export const currentTermsQueryOptions = () =>
  queryOptions({ queryKey: ['consents', 'terms'], queryFn: ({ signal }) => api.getCurrentTerms(signal) });

export function useRegister() {
  return useMutation({ mutationFn: (command: RegisterCommand) => api.register(command) });
}

export function useLogin() {
  return useMutation({
    mutationFn: (command: LoginCommand) => api.login(command),
    onSuccess: (tokens) => sessionStore.setTokens(tokens),
  });
}

export function useLogout() {
  return useMutation({ mutationFn: () => endSession() });
}

export function useResendConfirmation() {
  return useMutation({ mutationFn: () => api.resendConfirmation() });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (command: RequestPasswordResetCommand) => api.requestPasswordReset(command) });
}

export function useResetPassword() {
  return useMutation({ mutationFn: (command: ResetPasswordCommand) => api.resetPassword(command) });
}

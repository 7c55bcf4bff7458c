import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { GetMyConsentsResponse } from '@contracts/participation-client';
import { api } from '@/api/client';

export const consentKeys = {
  all: ['consents'] as const,
  terms: () => [...consentKeys.all, 'terms'] as const,
  mine: () => [...consentKeys.all, 'mine'] as const,
};

/** The current version of the terms of use (everyone). */
export const currentTermsQueryOptions = () =>
  queryOptions({ queryKey: consentKeys.terms(), queryFn: ({ signal }) => api.getCurrentTerms(signal) });

/** The signed-in person's consents: terms version accepted, newsletter choice, history. */
export const myConsentsQueryOptions = () =>
  queryOptions({ queryKey: consentKeys.mine(), queryFn: ({ signal }) => api.getMyConsents(signal) });

/** Accepts the version of the terms the person was shown; the answer is their consents as they now stand. */
export function useAcceptTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) => api.acceptTerms({ version }),
    onSuccess: (consents: GetMyConsentsResponse) => queryClient.setQueryData(consentKeys.mine(), consents),
  });
}

/** Changes the newsletter choice (each change is a dated record); the other views of it are read again. */
export function useSetNewsletterChoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consented: boolean) => api.setNewsletterConsent({ consented }),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: consentKeys.mine() }),
        queryClient.invalidateQueries({ queryKey: ['newsletter'] }),
      ]);
    },
  });
}

/** Admins publish a new version of the terms; signed-in people are then asked to accept it. */
export function usePublishTermsVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) => api.publishTermsVersion({ version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consentKeys.all }),
  });
}

import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role, SaveProjectSetupRequest } from '@contracts/participation-client';
import { api } from '@/api/client';

/**
 * The signed-in person's onboarding (one checklist per staff role) and a project's setup checklist. The API answers
 * their texts in the language asked for, so the language is part of the keys; the items are computed by the API from
 * what the platform holds, so every visit reads them again (staleTime 0).
 */
export const onboardingKeys = {
  all: ['onboarding'] as const,
  mine: (language: string) => [...onboardingKeys.all, 'mine', language] as const,
  setup: (projectId: string, language: string) => [...onboardingKeys.all, 'setup', projectId, language] as const,
};

export const myOnboardingQueryOptions = (language: string) =>
  queryOptions({
    queryKey: onboardingKeys.mine(language),
    queryFn: ({ signal }) => api.getMyOnboarding(signal),
    staleTime: 0,
  });

export const projectSetupQueryOptions = (projectId: string, language: string) =>
  queryOptions({
    queryKey: onboardingKeys.setup(projectId, language),
    queryFn: ({ signal }) => api.getProjectSetup(projectId, signal),
    staleTime: 0,
  });

/** Puts a role's onboarding away (it no longer opens at login) or brings it back. */
export function useSetOnboardingDismissed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ role, dismissed }: { role: Role; dismissed: boolean }) => api.setOnboardingDismissed({ role, dismissed }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...onboardingKeys.all, 'mine'] }),
  });
}

/** Saves the project's setup answers (with the version last read: a 409 when someone saved in between). */
export function useSaveProjectSetup(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SaveProjectSetupRequest) => api.saveProjectSetup(projectId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...onboardingKeys.all, 'setup', projectId] }),
  });
}

import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContributionKind } from '@contracts/participation-client';
import { api } from '@/api/client';
import { profileKeys } from './profile';

export const contributionKeys = {
  mine: (kind: ContributionKind | undefined) => [...profileKeys.all, 'contributions', kind ?? 'all'] as const,
  person: (id: string) => ['people', id] as const,
  personContributions: (id: string) => ['people', id, 'contributions'] as const,
};

/** What the signed-in person did (one kind, or all), newest first, a page at a time. */
export const myContributionsQueryOptions = (kind: ContributionKind | undefined) =>
  infiniteQueryOptions({
    queryKey: contributionKeys.mine(kind),
    queryFn: ({ pageParam, signal }) => api.listMyContributions(kind, pageParam, undefined, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** A person's public profile (name, avatar, since when). */
export const personQueryOptions = (id: string) =>
  queryOptions({
    queryKey: contributionKeys.person(id),
    queryFn: ({ signal }) => api.getPerson(id, signal),
    retry: false,
  });

/** A person's public ideas and comments, newest first, a page at a time. */
export const personContributionsQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: contributionKeys.personContributions(id),
    queryFn: ({ pageParam, signal }) => api.listPersonContributions(id, pageParam, undefined, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    retry: false,
  });

/** Sets (a file) or removes (null) the signed-in person's avatar; their profile and every list showing their name refresh. */
export function useSetAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File | null) => {
      if (file) await api.setMyAvatar({ data: file, fileName: file.name });
      else await api.removeMyAvatar();
    },
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

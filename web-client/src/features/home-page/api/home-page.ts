import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  HomePageDraft,
  HomePageLanguage,
  ProjectStatus,
  PublishHomePageRequest,
  UpdateHomePageRequest,
} from '@contracts/participation-client';
import { api } from '@/api/client';

export const homePageKeys = {
  all: ['home-page'] as const,
  /** The published home page in one language (everyone). */
  published: (language: string) => [...homePageKeys.all, 'published', language] as const,
  draft: (language: string) => [...homePageKeys.all, 'draft', language] as const,
  preview: (language: string) => [...homePageKeys.all, 'preview', language] as const,
};

export const homePageQueryOptions = (language: string) =>
  queryOptions({
    queryKey: homePageKeys.published(language),
    queryFn: ({ signal }) => api.getHomePage(language as HomePageLanguage, signal),
    staleTime: 60 * 1000,
  });

export const homePageDraftQueryOptions = (language: string) =>
  queryOptions({
    queryKey: homePageKeys.draft(language),
    queryFn: ({ signal }) => api.getHomePageDraft(language as HomePageLanguage, signal),
    staleTime: 0,
  });

export const homePagePreviewQueryOptions = (language: string) =>
  queryOptions({
    queryKey: homePageKeys.preview(language),
    queryFn: ({ signal }) => api.previewHomePage(language as HomePageLanguage, signal),
    staleTime: 0,
  });

function useSaved() {
  const queryClient = useQueryClient();
  return (draft: HomePageDraft) => {
    queryClient.setQueryData(homePageKeys.draft(draft.language), draft);
    return queryClient.invalidateQueries({ queryKey: homePageKeys.all, predicate: (q) => q.queryKey[1] !== 'draft' });
  };
}

export function useUpdateHomePage() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: UpdateHomePageRequest) => api.updateHomePage(body), onSuccess: saved });
}

export function usePublishHomePage() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: PublishHomePageRequest) => api.publishHomePage(body), onSuccess: saved });
}

/** The published projects the editor may pin (the newest 100). */
export const pinnableProjectsQueryOptions = () =>
  queryOptions({
    queryKey: [...homePageKeys.all, 'pinnable'] as const,
    queryFn: ({ signal }) =>
      api.listProjects(
        undefined,
        undefined,
        // The enum's value written out (checked against it): the enum itself would bring the generated client into
        // the home page's first load (src/api/first-load.ts).
        'published' as ProjectStatus.Published,
        undefined,
        undefined,
        undefined,
        undefined,
        100,
        undefined,
        undefined,
        signal,
      ),
  });

export function useUploadBannerImage() {
  return useMutation({ mutationFn: (file: File) => api.uploadImage({ data: file, fileName: file.name }) });
}

import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePageStatusRequest, CreatePageRequest, Page, PageLanguage, UpdatePageRequest } from '@contracts/participation-client';
import { api } from '@/api/client';

export const pageKeys = {
  all: ['pages'] as const,
  /** The published pages in one language (the footer's links). */
  published: (language: string) => [...pageKeys.all, 'published', language] as const,
  bySlug: (slug: string, language: string) => [...pageKeys.all, 'slug', slug, language] as const,
  editable: (language: string) => [...pageKeys.all, 'editable', language] as const,
  detail: (id: string) => [...pageKeys.all, 'detail', id] as const,
};

export const publishedPagesQueryOptions = (language: string) =>
  queryOptions({
    queryKey: pageKeys.published(language),
    queryFn: ({ signal }) => api.listPages(language as PageLanguage, signal),
    staleTime: 10 * 60 * 1000,
  });

export const pageBySlugQueryOptions = (slug: string, language: string) =>
  queryOptions({
    queryKey: pageKeys.bySlug(slug, language),
    queryFn: ({ signal }) => api.getPageBySlug(slug, language as PageLanguage, signal),
    retry: false,
  });

export const editablePagesQueryOptions = (language: string) =>
  queryOptions({ queryKey: pageKeys.editable(language), queryFn: ({ signal }) => api.listEditablePages(language as PageLanguage, signal) });

export const pageQueryOptions = (id: string) =>
  queryOptions({ queryKey: pageKeys.detail(id), queryFn: ({ signal }) => api.getPage(id, signal), staleTime: 0 });

function useSaved() {
  const queryClient = useQueryClient();
  return (page: Page) => {
    queryClient.setQueryData(pageKeys.detail(page.id), page);
    // Lists, the footer and the public page follow at once on this browser.
    return queryClient.invalidateQueries({ queryKey: pageKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
  };
}

export function useCreatePage() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: CreatePageRequest) => api.createPage(body), onSuccess: saved });
}

export function useUpdatePage() {
  const saved = useSaved();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdatePageRequest }) => api.updatePage(id, body), onSuccess: saved });
}

export function useChangePageStatus() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ChangePageStatusRequest }) => api.changePageStatus(id, body),
    onSuccess: saved,
  });
}

export function useDeletePage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deletePage(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pageKeys.all }),
  });
}

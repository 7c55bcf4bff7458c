import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ListAreasArea, ListTopicsTopic } from '@contracts/participation-client';
import { api } from '@/api/client';

/** Topics and areas (neighbourhoods): the admins' lists that projects and ideas are tagged from. */
export type TagKind = 'topics' | 'areas';
export type TagItem = ListTopicsTopic | ListAreasArea;
export type LocalizedText = Record<string, string>;

export const tagKeys = {
  all: ['tags'] as const,
  list: (kind: TagKind, includeArchived: boolean) => [...tagKeys.all, kind, includeArchived] as const,
};

export const topicsQueryOptions = (includeArchived = false) =>
  queryOptions({
    queryKey: tagKeys.list('topics', includeArchived),
    queryFn: ({ signal }) => api.listTopics(includeArchived, signal),
    staleTime: 5 * 60 * 1000,
  });

export const areasQueryOptions = (includeArchived = false) =>
  queryOptions({
    queryKey: tagKeys.list('areas', includeArchived),
    queryFn: ({ signal }) => api.listAreas(includeArchived, signal),
    staleTime: 5 * 60 * 1000,
  });

/** Only the languages filled in, trimmed. */
export function cleanText(text: LocalizedText): LocalizedText {
  const result: LocalizedText = {};
  for (const [language, value] of Object.entries(text)) if (value.trim()) result[language] = value.trim();
  return result;
}

export interface TagDraft {
  name: LocalizedText;
  description: LocalizedText;
  /** Areas only: the GeoJSON text pasted ('' : none). */
  geometry: string;
}

/** The GeoJSON text as the API takes it (null when empty; the API says what is wrong with a bad one). */
export function parseGeometry(text: string): unknown {
  if (!text.trim()) return null;
  return JSON.parse(text) as unknown;
}

export function useCreateTag(kind: TagKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: TagDraft) =>
      kind === 'topics'
        ? api.createTopic({ name: cleanText(draft.name), description: cleanText(draft.description) })
        : api.createArea({
            name: cleanText(draft.name),
            description: cleanText(draft.description),
            geometry: parseGeometry(draft.geometry),
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tagKeys.all }),
  });
}

export interface TagUpdate {
  item: TagItem;
  name?: LocalizedText;
  description?: LocalizedText;
  geometry?: string;
  sortOrder?: number;
  archived?: boolean;
}

export function useUpdateTag(kind: TagKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ item, name, description, geometry, sortOrder, archived }: TagUpdate) => {
      const body = {
        name: cleanText(name ?? item.name),
        description: cleanText(description ?? item.description),
        sortOrder: sortOrder ?? item.sortOrder,
        archived: archived ?? item.archived,
        version: item.version,
      };
      if (kind === 'topics') return api.updateTopic(item.id, body);
      const current = 'geometry' in item ? (item.geometry as unknown) : null;
      return api.updateArea(item.id, { ...body, geometry: geometry === undefined ? current : parseGeometry(geometry) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: tagKeys.all }),
  });
}

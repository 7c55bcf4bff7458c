import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Widget, WidgetSettings } from '@contracts/participation-client';
import { api } from '@/api/client';

export const widgetKeys = {
  all: ['widgets'] as const,
  list: () => [...widgetKeys.all, 'list'] as const,
  detail: (id: string) => [...widgetKeys.all, 'detail', id] as const,
};

/** Every widget, all pages at once (a city has a handful). */
export const widgetsQueryOptions = () =>
  queryOptions({
    queryKey: widgetKeys.list(),
    queryFn: async ({ signal }) => {
      const items: Widget[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.listWidgets(cursor, 100, signal);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });

export function useCreateWidget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: WidgetSettings) => api.createWidget(settings),
    onSuccess: (widget) => {
      queryClient.setQueryData(widgetKeys.detail(widget.id), widget);
      return queryClient.invalidateQueries({ queryKey: widgetKeys.list() });
    },
  });
}

export function useUpdateWidget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, settings }: { id: string; settings: WidgetSettings }) => api.updateWidget(id, settings),
    onSuccess: (widget) => {
      queryClient.setQueryData(widgetKeys.detail(widget.id), widget);
      return queryClient.invalidateQueries({ queryKey: widgetKeys.list() });
    },
  });
}

export function useDeleteWidget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteWidget(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: widgetKeys.list() }),
  });
}

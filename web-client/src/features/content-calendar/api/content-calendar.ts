import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';

export const contentCalendarKeys = {
  all: ['content-calendar'] as const,
  range: (from: string, to: string) => [...contentCalendarKeys.all, 'range', from, to] as const,
  feed: () => [...contentCalendarKeys.all, 'feed'] as const,
};

/** Every entry the caller may see from `from` (included) to `to` (excluded); kinds are filtered on screen. */
export const contentCalendarQueryOptions = (from: Date, to: Date) =>
  queryOptions({
    queryKey: contentCalendarKeys.range(from.toISOString(), to.toISOString()),
    queryFn: ({ signal }) => api.listContentCalendar(from.toISOString(), to.toISOString(), undefined, undefined, undefined, signal),
  });

/** Whether the caller has a private feed address (never the address itself). */
export const contentCalendarFeedQueryOptions = () =>
  queryOptions({ queryKey: contentCalendarKeys.feed(), queryFn: ({ signal }) => api.getContentCalendarFeed(signal) });

export function useCreateContentCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.createContentCalendarFeed(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contentCalendarKeys.feed() }),
  });
}

export function useRevokeContentCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.revokeContentCalendarFeed(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contentCalendarKeys.feed() }),
  });
}

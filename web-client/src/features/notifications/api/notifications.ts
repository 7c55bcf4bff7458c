import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { MarkNotificationsReadRequest, NotificationPreference, SetNotificationPreferencesChange } from '@contracts/participation-client';
import { api } from '@/api/client';

/** The categories the API notifies in, in the order the settings page shows them. */
export const NOTIFICATION_CATEGORIES = [
  'idea_status_mine',
  'comment_on_my_idea',
  'reply_to_my_comment',
  'content_hidden',
  'idea_status_followed',
  'new_idea_to_moderate',
  'mention',
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** Categories only the staff of a project receive. */
export const STAFF_CATEGORIES: readonly NotificationCategory[] = ['new_idea_to_moderate', 'mention'];

export const NOTIFICATION_CHANNELS = ['email', 'in_app', 'off'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export function isNotificationCategory(value: string): value is NotificationCategory {
  return (NOTIFICATION_CATEGORIES as readonly string[]).includes(value);
}

export const NOTIFICATIONS_PAGE_SIZE = 20;
/** How many the header menu shows. */
export const MENU_SIZE = 8;
/** The unread count is asked again this often (and when the window gets focus back). */
export const SUMMARY_POLL_MS = 30_000;

export const notificationKeys = {
  all: ['notifications'] as const,
  summary: () => [...notificationKeys.all, 'summary'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (unreadOnly: boolean) => [...notificationKeys.lists(), { unreadOnly }] as const,
  latest: () => [...notificationKeys.lists(), 'latest'] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
};

/** The unread count for the header's badge: polled, and read again when the window gets focus back. */
export const notificationSummaryQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.summary(),
    queryFn: ({ signal }) => api.getNotificationSummary(signal),
    staleTime: 0,
    refetchInterval: SUMMARY_POLL_MS,
    refetchOnWindowFocus: true,
  });

/** The few latest notifications, for the header menu (read again each time it opens). */
export const latestNotificationsQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.latest(),
    queryFn: ({ signal }) => api.listNotifications(undefined, undefined, MENU_SIZE, signal),
    staleTime: 0,
  });

/** All notifications, newest first; "load more" asks for the next cursor. */
export const notificationsInfiniteQueryOptions = (unreadOnly: boolean) =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ pageParam, signal }) => api.listNotifications(unreadOnly || undefined, pageParam, NOTIFICATIONS_PAGE_SIZE, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });

export const notificationPreferencesQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => api.getNotificationPreferences(signal),
  });

/** Marks the given notifications (or all) read; the answer is the new unread count. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: MarkNotificationsReadRequest) => api.markNotificationsRead(request),
    onSuccess: (summary) => {
      queryClient.setQueryData(notificationKeys.summary(), summary);
      return queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
    },
  });
}

export function useSetNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: SetNotificationPreferencesChange[]) => api.setNotificationPreferences({ preferences }),
    onSuccess: (saved: NotificationPreference[]) => queryClient.setQueryData(notificationKeys.preferences(), saved),
  });
}

/** One-click unsubscribe with the token of an e-mail (no session needed). */
export function useUnsubscribe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.unsubscribe(token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.preferences() }),
  });
}

import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  NotificationCategory,
  NotificationChannel,
  Role,
  type MarkNotificationsReadRequest,
  type NotificationPreference,
  type SetNotificationPreferencesChange,
} from '@contracts/participation-client';
import { api } from '@/api/client';

/** Categories only the staff of a project receive. */
export const STAFF_CATEGORIES: readonly NotificationCategory[] = [
  NotificationCategory.NewIdeaToModerate,
  NotificationCategory.Mention,
  NotificationCategory.IdeaAssigned,
  NotificationCategory.ModeratorDigest,
  NotificationCategory.DepartmentSummary,
];

/** Categories only one role receives: the moderators' weekly digest, the department heads' monthly summary. */
export const ROLE_CATEGORIES: Partial<Record<NotificationCategory, Role>> = {
  [NotificationCategory.ModeratorDigest]: Role.ProjectModerator,
  [NotificationCategory.DepartmentSummary]: Role.DepartmentHead,
};

/** How the settings page orders them: about your own ideas and comments first, then followed ideas, then the staff's. */
const DISPLAY_ORDER: readonly NotificationCategory[] = [
  NotificationCategory.IdeaStatusMine,
  NotificationCategory.CommentOnMyIdea,
  NotificationCategory.ReplyToMyComment,
  NotificationCategory.ContentHidden,
  NotificationCategory.IdeaStatusFollowed,
  NotificationCategory.ProjectUpdatesFollowed,
  ...STAFF_CATEGORIES,
];
const rank = (c: NotificationCategory) => (DISPLAY_ORDER.includes(c) ? DISPLAY_ORDER.indexOf(c) : DISPLAY_ORDER.length);

/** The categories the API notifies in (the generated enum; one it adds later shows last), in display order. */
export const NOTIFICATION_CATEGORIES = Object.values(NotificationCategory).sort((a, b) => rank(a) - rank(b));

export const NOTIFICATION_CHANNELS = Object.values(NotificationChannel);

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

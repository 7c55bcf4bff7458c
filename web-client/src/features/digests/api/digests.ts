import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { DigestKind, NotificationCategory, NotificationChannel } from '@contracts/participation-client';
import { api } from '@/api/client';

export const digestKeys = {
  all: ['digests'] as const,
  next: (kind: DigestKind) => [...digestKeys.all, 'next', kind] as const,
};

/** The notification category that turns a digest on (e-mail) or off (anything else). */
export const DIGEST_CATEGORY: Record<DigestKind, NotificationCategory> = {
  [DigestKind.DepartmentSummary]: NotificationCategory.DepartmentSummary,
  [DigestKind.ModeratorDigest]: NotificationCategory.ModeratorDigest,
};

/** The caller's next digest of a kind, as it stands now. */
export const nextDigestQueryOptions = (kind: DigestKind) =>
  queryOptions({
    queryKey: digestKeys.next(kind),
    queryFn: ({ signal }) => api.getNextDigest(kind, signal),
  });

/** Turns the digest's e-mails on or off (the same preference as the notification settings and the unsubscribe link). */
export function useSetDigestWanted(kind: DigestKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (wanted: boolean) =>
      api.setNotificationPreferences({
        preferences: [{ category: DIGEST_CATEGORY[kind], channel: wanted ? NotificationChannel.Email : NotificationChannel.Off }],
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: digestKeys.next(kind) });
      await client.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

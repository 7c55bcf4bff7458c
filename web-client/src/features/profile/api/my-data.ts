import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { PersonalExportStatus, type DeleteAccountRequest, type PersonalExport } from '@contracts/participation-client';
import { api } from '@/api/client';
import { sessionStore } from '@/lib/auth/session-store';
import { profileKeys } from './profile';

export const myDataKeys = {
  exports: () => [...profileKeys.all, 'data-exports'] as const,
};

/** The caller's exports of their data; polled every 3 s while one is being prepared. */
export const personalExportsQueryOptions = () =>
  queryOptions({
    queryKey: myDataKeys.exports(),
    queryFn: ({ signal }) => api.listPersonalExports(signal),
    refetchInterval: (query) => (query.state.data?.some((e) => e.status === PersonalExportStatus.Queued) ? 3000 : false),
  });

export function useRequestPersonalExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.requestPersonalExport(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myDataKeys.exports() }),
  });
}

/** Downloads the zip through the authenticated client and saves it under the server's file name (no public link). */
export async function downloadPersonalExport(item: PersonalExport): Promise<string> {
  const file = await api.downloadPersonalExport(item.id);
  const name = file.fileName ?? 'my-data.zip';
  const href = URL.createObjectURL(file.data);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}

/**
 * Deletes the account, forgets the session (the refresh token no longer exists) and opens the home page afresh: a full
 * load, so nothing of the signed-in pages (their queries, the route that asked) outlives the account.
 */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: DeleteAccountRequest) => api.deleteAccount(request),
    onSuccess: () => {
      sessionStore.clear();
      queryClient.clear();
      window.location.replace('/');
    },
  });
}

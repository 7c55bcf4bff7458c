import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ExportStatus, type Export, type RequestExportRequest } from '@contracts/participation-client';
import { api } from '@/api/client';
import { fromDateInput } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency';

export const EXPORTS_PAGE_SIZE = 20;

export const exportKeys = {
  all: ['exports'] as const,
  list: () => [...exportKeys.all, 'list'] as const,
};

/** True while the API is still writing the export (its progress moves). */
export function isActive(item: Pick<Export, 'status'>): boolean {
  return item.status === ExportStatus.Queued || item.status === ExportStatus.Running;
}

/** The caller's exports, newest first; followed every second and a half while one of them is being written. */
export const exportsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: exportKeys.list(),
    queryFn: ({ pageParam, signal }) => api.listExports(pageParam, EXPORTS_PAGE_SIZE, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some(isActive)) ? 1500 : false),
  });

/** Asks for an export (queued at once; the list follows its progress). */
export function useRequestExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestExportRequest) => api.requestExport(body, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exportKeys.all }),
  });
}

/**
 * The period as the API takes it: `from` included, `to` excluded, both instants. The last day chosen is included,
 * so `to` is the local midnight after it. Undefined for a missing or unreadable date.
 */
export function exportPeriod(from: string, to: string): { from?: string; to?: string } {
  const start = fromDateInput(from);
  const last = fromDateInput(to);
  const end = last ? new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1) : null;
  return { from: start?.toISOString(), to: end?.toISOString() };
}

/** True when both days are given and the last comes before the first. */
export function periodInvalid(from: string, to: string): boolean {
  const start = fromDateInput(from);
  const last = fromDateInput(to);
  return !!start && !!last && last < start;
}

/**
 * Downloads a ready export's file through the generated client (an authenticated request with the same bearer token and
 * refresh as every call), then saves the Blob under the server's file name: never a replayable public link.
 */
export async function downloadExport(item: Export): Promise<string> {
  const file = await api.downloadExport(item.id);
  const name = file.fileName ?? item.fileName;
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

import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ReportSection, type SaveReportRequest } from '@contracts/participation-client';
import { api } from '@/api/client';
import { newIdempotencyKey } from '@/lib/idempotency';

/** The report's sections in the order they print. */
export const REPORT_SECTIONS: readonly ReportSection[] = Object.values(ReportSection);

/**
 * A project's report: the API answers names, labels and definitions in the language asked for, so the language is part
 * of the key.
 */
export const reportKeys = {
  all: ['report'] as const,
  report: (projectId: string, language: string) => [...reportKeys.all, projectId, language] as const,
  recipients: (projectId: string) => [...reportKeys.all, projectId, 'recipients'] as const,
};

export const reportQueryOptions = (projectId: string, language: string) =>
  queryOptions({
    queryKey: reportKeys.report(projectId, language),
    queryFn: ({ signal }) => api.getReport(projectId, signal),
  });

export const reportRecipientsQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: reportKeys.recipients(projectId),
    queryFn: ({ signal }) => api.listReportRecipients(projectId, signal),
  });

/** Saves the composition (with the version last read: a 409 when someone saved in between). */
export function useSaveReport(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SaveReportRequest) => api.saveReport(projectId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...reportKeys.all, projectId] }),
  });
}

/** Sends the report to the chosen heads and officials (one Idempotency-Key per confirmed sending). */
export function useSendReport(projectId: string) {
  return useMutation({
    mutationFn: ({ recipientIds, key = newIdempotencyKey() }: { recipientIds: string[]; key?: string }) =>
      api.sendReport(projectId, { recipientIds }, key),
  });
}

/**
 * Downloads the report's workbook through the generated client (an authenticated request: never a public link), then
 * saves the Blob under the server's file name.
 */
export async function downloadReport(projectId: string): Promise<string> {
  const file = await api.downloadReport(projectId);
  const name = file.fileName ?? `report-${projectId}.xlsx`;
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

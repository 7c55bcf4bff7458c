import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { BriefingStatus, SetBriefingScheduleRequest } from '@contracts/participation-client';
import { api } from '@/api/client';
import { newIdempotencyKey } from '@/lib/idempotency';

export const BRIEFINGS_PAGE_SIZE = 20;

export const briefingKeys = {
  all: ['briefings'] as const,
  schedule: () => [...briefingKeys.all, 'schedule'] as const,
  officials: (language: string) => [...briefingKeys.all, 'officials', language] as const,
  log: (status: BriefingStatus | undefined, language: string) => [...briefingKeys.all, 'log', status ?? 'all', language] as const,
  preview: (userId: string, departmentId: string | undefined) => [...briefingKeys.all, 'preview', userId, departmentId ?? ''] as const,
};

/** The schedule and the next period that will go out (admins). */
export const briefingScheduleQueryOptions = () =>
  queryOptions({ queryKey: briefingKeys.schedule(), queryFn: ({ signal }) => api.getBriefingSchedule(signal) });

/** The elected officials, one row per official and scope, with their opt-out and last briefing. */
export const briefingOfficialsQueryOptions = (language: string) =>
  infiniteQueryOptions({
    queryKey: briefingKeys.officials(language),
    queryFn: ({ pageParam, signal }) => api.listBriefingOfficials(pageParam, BRIEFINGS_PAGE_SIZE, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** The log of produced briefings, newest first, optionally of one status. */
export const briefingLogQueryOptions = (status: BriefingStatus | undefined, language: string) =>
  infiniteQueryOptions({
    queryKey: briefingKeys.log(status, language),
    queryFn: ({ pageParam, signal }) => api.listBriefings(status, pageParam, BRIEFINGS_PAGE_SIZE, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** An official's next briefing as it stands (rendered as e-mailed). Never cached: it is the state of today. */
export const briefingPreviewQueryOptions = (userId: string, departmentId: string | undefined) =>
  queryOptions({
    queryKey: briefingKeys.preview(userId, departmentId),
    queryFn: ({ signal }) => api.previewBriefing(userId, departmentId, signal),
    gcTime: 0,
    staleTime: 0,
  });

export function useSetBriefingSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetBriefingScheduleRequest) => api.setBriefingSchedule(body),
    onSuccess: (schedule) => queryClient.setQueryData(briefingKeys.schedule(), schedule),
  });
}

/** Sends an official's briefing now (once per official and day; the idempotency key makes a retried click apply once). */
export function useSendBriefingNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, departmentId }: { userId: string; departmentId?: string }) =>
      api.sendBriefingNow(userId, departmentId, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefingKeys.all }),
  });
}

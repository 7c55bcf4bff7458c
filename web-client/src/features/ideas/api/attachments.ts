import { useState } from 'react';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { GetAttachmentLimitsResponse } from '@contracts/participation-client';
import { api } from '@/api/client';
import { ideaKeys } from './ideas';

export const attachmentKeys = {
  limits: ['idea-attachments', 'limits'] as const,
};

/** The API's limits (per idea, per file, alt text): constants, fetched once. */
export const attachmentLimitsQueryOptions = () =>
  queryOptions({ queryKey: attachmentKeys.limits, queryFn: () => api.getAttachmentLimits(), staleTime: Infinity });

/** A file chosen in the form, sent once the idea is saved. */
export interface PendingAttachment {
  key: string;
  file: File;
  /** Images only (required for them). */
  alt: string;
}

export function isImage(file: File, limits: GetAttachmentLimitsResponse): boolean {
  return limits.imageTypes.includes(file.type);
}

/** Sends the chosen files one after the other; stops at the first refusal (its problem is thrown). */
export async function uploadAttachments(
  ideaId: string,
  pending: readonly PendingAttachment[],
  onProgress: (done: number) => void,
): Promise<void> {
  for (const [index, item] of pending.entries()) {
    onProgress(index);
    await api.addIdeaAttachment(ideaId, { data: item.file, fileName: item.file.name }, item.alt.trim() || undefined);
  }
  onProgress(pending.length);
}

export function useRemoveAttachment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ideaId, attachmentId }: { ideaId: string; attachmentId: string }) => api.removeIdeaAttachment(ideaId, attachmentId),
    onSuccess: () => client.invalidateQueries({ queryKey: ideaKeys.all }),
  });
}

/** Sending the chosen files after the idea is saved: progress (done of total) and the refusal, if any. */
export function useUploadAttachments() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Files already sent by an earlier run that stopped at a refusal are not sent again.
  const [sent] = useState(() => new Set<string>());
  async function run(ideaId: string, chosen: readonly PendingAttachment[]): Promise<boolean> {
    setError(null);
    const pending = chosen.filter((p) => !sent.has(p.key));
    if (pending.length === 0) return true;
    try {
      await uploadAttachments(ideaId, pending, (done) => {
        if (done > 0) sent.add(pending[done - 1].key);
        setProgress({ done, total: pending.length });
      });
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setProgress(null);
      await client.invalidateQueries({ queryKey: ideaKeys.all });
    }
  }
  return { run, progress, error, reset: () => setError(null) };
}

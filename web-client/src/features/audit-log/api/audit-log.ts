import { infiniteQueryOptions } from '@tanstack/react-query';
import type { EventType } from '@contracts/participation-client';
import { api } from '@/api/client';
import { fromDateInput } from '@/lib/format';

export const AUDIT_PAGE_SIZE = 30;

export interface AuditFilters {
  /** One event type of the catalogue, or none. */
  type: EventType | '';
  /** Only this person's actions. */
  actor: { id: string; name: string } | null;
  /** The first and last local days of the period (YYYY-MM-DD, both included), or ''. */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { type: '', actor: null, from: '', to: '' };

/**
 * The period as the API takes it: `from` included, `to` excluded, both instants. The last day chosen is included,
 * so `to` is the local midnight after it. Undefined for a missing or unreadable date.
 */
export function auditPeriod(from: string, to: string): { from?: string; to?: string } {
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

export const auditKeys = {
  all: ['audit-log'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, filters] as const,
};

export const auditLogInfiniteQueryOptions = (filters: AuditFilters) => {
  const period = auditPeriod(filters.from, filters.to);
  return infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.listAuditLog(
        undefined,
        undefined,
        undefined,
        filters.actor?.id,
        filters.type ? [filters.type] : undefined,
        period.from,
        period.to,
        pageParam,
        AUDIT_PAGE_SIZE,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
};

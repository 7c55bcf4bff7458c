import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';

export const AUDIT_PAGE_SIZE = 30;

export interface AuditFilters {
  /** An action (project.created) or a prefix ending with a dot (project.). */
  action: string;
  targetType: string;
  targetId: string;
}

/** The actions the API records, grouped by what they concern (the filter offers each group and each action). */
export const AUDIT_ACTION_GROUPS: Record<string, string[]> = {
  project: [
    'project.created',
    'project.edited',
    'project.status_changed',
    'project.image_changed',
    'project.preview_link_created',
    'project.preview_link_revoked',
  ],
  phase: ['phase.added', 'phase.changed', 'phase.removed'],
  survey: ['survey.saved', 'survey.exported'],
  idea: ['idea.status_changed', 'idea.approved', 'idea.rejected', 'idea.hidden', 'idea.kept', 'idea.cost_set'],
  comment: ['comment.hidden', 'comment.kept'],
  role: ['role.granted', 'role.revoked'],
  invitation: ['invitation.created', 'invitation.resent', 'invitation.revoked'],
  department: ['department.created', 'department.renamed', 'department.deleted'],
  organisation: ['organisation.verified', 'organisation.rejected'],
  user: ['user.blocked', 'user.unblocked'],
};

export const AUDIT_TARGET_TYPES = ['project', 'phase', 'idea', 'comment', 'user', 'invitation', 'department', 'organisation'] as const;

export const auditKeys = {
  all: ['audit-log'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, filters] as const,
};

export const auditLogInfiniteQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.listAuditLog(
        filters.action || undefined,
        filters.targetType || undefined,
        filters.targetId.trim() || undefined,
        undefined,
        pageParam,
        AUDIT_PAGE_SIZE,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

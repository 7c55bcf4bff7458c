import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListAuditLogEntry } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import { TableRegion } from '@/components/ui/table-region';
import { formatDateTime } from '@/lib/format';
import { AUDIT_ACTION_GROUPS, AUDIT_TARGET_TYPES, auditLogInfiniteQueryOptions, type AuditFilters } from '../api/audit-log';

/** A readable name for an action; unknown ones stay as the API wrote them. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action.replace('.', '_')}`, { defaultValue: action });
}

/** Staff actions, newest first, with filters (admins: all; department heads: their departments'). */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({ action: '', targetType: '', targetId: '' });
  const list = useInfiniteQuery(auditLogInfiniteQueryOptions(filters));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const caption = t('audit.caption');
  const actionOptions = [
    { value: '', label: t('audit.allActions') },
    ...Object.entries(AUDIT_ACTION_GROUPS).flatMap(([group, actions]) => [
      { value: `${group}.`, label: t(`audit.groups.${group}`) },
      ...actions.map((a) => ({ value: a, label: `— ${actionLabel(t, a)}` })),
    ]),
  ];

  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <div className="filters">
        <SelectField
          id="audit-action"
          label={t('audit.action')}
          value={filters.action}
          onChange={(e) => setFilters((f) => ({ ...f, action: e.target.value }))}
          options={actionOptions}
        />
        <SelectField
          id="audit-target"
          label={t('audit.targetType')}
          value={filters.targetType}
          onChange={(e) => setFilters((f) => ({ ...f, targetType: e.target.value }))}
          options={[
            { value: '', label: t('audit.allTargets') },
            ...AUDIT_TARGET_TYPES.map((type) => ({ value: type, label: t(`audit.targets.${type}`) })),
          ]}
        />
      </div>
      <div role="status" className="results-count">
        {list.isSuccess ? t('audit.shown', { count: items.length }) : null}
      </div>
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))} />
      ) : items.length === 0 ? (
        <p className="empty-state">{t('audit.empty')}</p>
      ) : (
        <TableRegion label={caption}>
          <table className="table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.occurredAt, i18n.language)}</td>
                  <td>
                    {entry.actor ? `${entry.actor.firstName} ${entry.actor.lastName}` : <span className="muted">{t('audit.system')}</span>}
                  </td>
                  <td className="table__strong">{actionLabel(t, entry.action)}</td>
                  <td>
                    <Target entry={entry} />
                  </td>
                  <td>{details(t, entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {list.hasNextPage ? (
        <p className="load-more">
          <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
    </section>
  );
}

function Target({ entry }: { entry: ListAuditLogEntry }) {
  const { t } = useTranslation();
  if (!entry.targetType) return null;
  const type = t(`audit.targets.${entry.targetType}`, { defaultValue: entry.targetType });
  const short = entry.targetId ? entry.targetId.slice(0, 8) : '';
  if (entry.targetType === 'project' && entry.targetId)
    return <Link to={`/admin/projects/${entry.targetId}`} aria-label={t('audit.openProject', { id: short })}>{`${type} ${short}`}</Link>;
  if (entry.targetType === 'organisation' && entry.targetId)
    return <Link to={`/organisations/${entry.targetId}`}>{`${type} ${short}`}</Link>;
  return <span>{`${type} ${short}`}</span>;
}

function details(t: TFunction, entry: ListAuditLogEntry): string {
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (entry.action) {
    case 'project.status_changed':
      return t('audit.statusChange', {
        before: t(`projects.status.${text(data.before)}`, { defaultValue: text(data.before) }),
        after: t(`projects.status.${text(data.after)}`, { defaultValue: text(data.after) }),
      });
    case 'phase.added':
    case 'phase.changed':
    case 'phase.removed':
      return t(`projects.methods.${text(data.method)}`, { defaultValue: text(data.method) });
    case 'role.granted':
    case 'role.revoked':
      return t(`roles.${text(data.role)}`, { defaultValue: text(data.role) });
    case 'project.edited':
      return Array.isArray(data.fields)
        ? data.fields.map((f) => t(`audit.fields.${String(f)}`, { defaultValue: String(f) })).join(', ')
        : '';
    case 'organisation.rejected':
    case 'user.blocked':
    case 'idea.hidden':
    case 'comment.hidden':
      return text(data.reason);
    case 'survey.exported':
      return text(data.language).toUpperCase();
    default:
      return '';
  }
}

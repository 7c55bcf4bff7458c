import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EventType, type ListAuditLogEntry } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import { TableRegion } from '@/components/ui/table-region';
import { TextField } from '@/components/ui/text-field';
import { oneOf } from '@/lib/closed-sets';
import { formatDateTime } from '@/lib/format';
import { auditLogInfiniteQueryOptions, NO_AUDIT_FILTERS, periodInvalid, type AuditFilters } from '../api/audit-log';
import { actionLabel, changes, details } from './audit-changes';

/** Staff actions, newest first, with filters by action, person and period (admins: all; department heads: their departments'). */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const badPeriod = periodInvalid(filters.from, filters.to);
  const list = useInfiniteQuery({ ...auditLogInfiniteQueryOptions(filters), enabled: !badPeriod });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  // The types this log can show (the audited part of the catalogue), as the API lists them; the chosen one stays offered.
  const shown: readonly EventType[] = list.data?.pages[0]?.types ?? (filters.type ? [filters.type] : []);
  const caption = t('audit.caption');
  const typeOptions = [
    { value: '', label: t('audit.allActions') },
    ...shown.map((type) => ({ value: type, label: actionLabel(t, type) })).sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
  ];

  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <div className="filters">
        <SelectField
          id="audit-type"
          label={t('audit.type')}
          value={filters.type}
          onChange={(e) => setFilters((f) => ({ ...f, type: oneOf(shown, e.target.value) ?? '' }))}
          options={typeOptions}
        />
        <TextField
          id="audit-from"
          type="date"
          label={t('audit.from')}
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => setFilters((f) => ({ ...f, from: e.target.value }))}
        />
        <TextField
          id="audit-to"
          type="date"
          label={t('audit.to')}
          value={filters.to}
          min={filters.from || undefined}
          errors={badPeriod ? [t('audit.periodInvalid')] : undefined}
          onChange={(e) => setFilters((f) => ({ ...f, to: e.target.value }))}
        />
        <div className="field">
          <span className="field__label" id="audit-actor-label">
            {t('audit.who')}
          </span>
          {filters.actor ? (
            <p aria-labelledby="audit-actor-label">
              {t('audit.actorFilter', { name: filters.actor.name })}{' '}
              <Button variant="link" onClick={() => setFilters((f) => ({ ...f, actor: null }))}>
                {t('audit.anyActor')}
              </Button>
            </p>
          ) : (
            <p className="field__hint">{t('audit.actorHint')}</p>
          )}
        </div>
      </div>
      <div role="status" className="results-count">
        {list.isSuccess ? t('audit.shown', { count: items.length }) : null}
      </div>
      {badPeriod ? null : list.isPending ? (
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
                    {entry.actor ? (
                      <Actor
                        name={`${entry.actor.firstName} ${entry.actor.lastName}`}
                        onPick={(name) => setFilters((f) => ({ ...f, actor: { id: entry.actor!.id, name } }))}
                        picked={filters.actor?.id === entry.actor.id}
                      />
                    ) : entry.client ? (
                      <span>{t('audit.client', { name: entry.client.name })}</span>
                    ) : (
                      <span className="muted">{t('audit.system')}</span>
                    )}
                  </td>
                  <td className="table__strong">
                    {actionLabel(t, entry.action)}
                    {entry.viaSupport ? (
                      <>
                        {' '}
                        <Badge tone="warning">{t('audit.viaSupport')}</Badge>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <Target entry={entry} />
                  </td>
                  <td>
                    <Changes entry={entry} />
                  </td>
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

/** The author's name, a button that keeps only their actions. */
function Actor({ name, picked, onPick }: { name: string; picked: boolean; onPick: (name: string) => void }) {
  const { t } = useTranslation();
  if (picked) return <span>{name}</span>;
  return (
    <Button variant="link" aria-label={t('audit.onlyActor', { name })} onClick={() => onPick(name)}>
      {name}
    </Button>
  );
}

/** What the entry is about, by name, and where (its project or department when it is not that itself). */
function Target({ entry }: { entry: ListAuditLogEntry }) {
  const { t } = useTranslation();
  const type = entry.targetType ? t(`audit.targets.${entry.targetType}`, { defaultValue: entry.targetType }) : '';
  const name = entry.targetName ?? (entry.targetId ? t('audit.unnamed', { type, id: entry.targetId.slice(0, 8) }) : type);
  const link =
    entry.targetType === 'project' && entry.targetId ? (
      <Link to={`/admin/projects/${entry.targetId}`}>{name}</Link>
    ) : entry.targetType === 'organisation' && entry.targetId ? (
      <Link to={`/organisations/${entry.targetId}`}>{name}</Link>
    ) : (
      <span>{name}</span>
    );
  const context = [
    entry.phase?.title ? t('audit.inPhase', { title: entry.phase.title }) : null,
    entry.project && entry.targetType !== 'project' ? t('audit.inProject', { title: entry.project.title }) : null,
    entry.department?.name && entry.targetType !== 'department' ? t('audit.inDepartment', { name: entry.department.name }) : null,
  ].filter((line): line is string => !!line);
  return (
    <>
      {type && entry.targetName ? <span className="muted">{`${type} · `}</span> : null}
      {link}
      {context.map((line) => (
        <span key={line} className="muted audit-context">
          {line}
        </span>
      ))}
    </>
  );
}

/** What changed, one line per field (before → after), or the entry's details when it recorded no change. */
function Changes({ entry }: { entry: ListAuditLogEntry }) {
  const { t, i18n } = useTranslation();
  const list = changes(t, i18n.language, entry);
  if (list.length === 0) return <>{details(t, entry)}</>;
  const none = t('audit.none');
  return (
    <ul className="audit-changes" aria-label={t('audit.changes')}>
      {list.map((c) => (
        <li key={c.field}>
          <span className="muted">{t('audit.fieldLabel', { label: c.label })}</span>
          {c.before && c.after ? `${c.before} → ${c.after}` : c.after ? c.after : `${c.before} → ${none}`}
        </li>
      ))}
    </ul>
  );
}

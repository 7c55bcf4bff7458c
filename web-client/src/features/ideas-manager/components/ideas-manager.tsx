import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  IdeaVisibilityState,
  ManagedIdeaSort,
  type GetProjectResponse,
  type ListManagedIdeasIdea,
  type StaffMember,
} from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { TableRegion } from '@/components/ui/table-region';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';
import type { SelectOption } from '@/components/ui/select-field';
import { formatDate, formatNumber } from '@/lib/format';
import { localizedName } from '@/lib/roles';
import { EMPTY_FILTERS, managedIdeasInfiniteQueryOptions, useAssignIdea, type ManagerFilters } from '../api/ideas-manager';
import { BulkActionBar } from './bulk-action-bar';
import { ManagerFiltersForm } from './manager-filters';
import { TemplatesDialog } from './templates-dialog';

const STATUS_TONES: Record<string, 'success' | 'warning' | 'neutral'> = {
  accepted: 'success',
  implemented: 'success',
  rejected: 'warning',
  prescreening: 'warning',
};

/** A sortable column: the sorts it toggles between (the first one on the first press) and their direction. */
interface SortColumn {
  key: 'created' | 'likes' | 'comments' | 'waiting';
  sorts: { sort: ManagedIdeaSort; direction: 'ascending' | 'descending' }[];
}

const SORT_COLUMNS: Record<SortColumn['key'], SortColumn> = {
  created: {
    key: 'created',
    sorts: [
      { sort: ManagedIdeaSort.Newest, direction: 'descending' },
      { sort: ManagedIdeaSort.Oldest, direction: 'ascending' },
    ],
  },
  likes: { key: 'likes', sorts: [{ sort: ManagedIdeaSort.MostSupported, direction: 'descending' }] },
  comments: { key: 'comments', sorts: [{ sort: ManagedIdeaSort.MostCommented, direction: 'descending' }] },
  waiting: { key: 'waiting', sorts: [{ sort: ManagedIdeaSort.WaitingLongest, direction: 'descending' }] },
};

/**
 * The moderators' ideas manager for one project: every idea in a table (filters, sortable columns, keyset pages), an
 * assignee per idea, row checkboxes with "select all on this page", and the bulk bar that answers the chosen ideas.
 * Everything works from the keyboard: Space toggles a checkbox, Enter applies the bulk bar.
 */
export interface IdeasManagerProps {
  project: GetProjectResponse;
  /** The topics and areas to filter by (none: no such filter). */
  topicOptions?: readonly SelectOption[];
  areaOptions?: readonly SelectOption[];
}

export function IdeasManager({ project, topicOptions = [], areaOptions = [] }: IdeasManagerProps) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<ManagerFilters>(EMPTY_FILTERS);
  // Typed filters apply once the typing stops.
  const search = useDebouncedValue(filters.search, 300);
  const waitingDays = useDebouncedValue(filters.waitingDays, 300);
  const list = useInfiniteQuery(managedIdeasInfiniteQueryOptions(project.id, { ...filters, search, waitingDays }));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const assign = useAssignIdea(project.id);
  const [notice, setNotice] = useState<string | null>(null);
  const selectAll = useRef<HTMLInputElement>(null);

  const ideas = list.data?.pages.flatMap((page) => page.items) ?? [];
  const first = list.data?.pages[0];
  const staff = first?.staff ?? [];
  const shownIds = ideas.map((i) => i.id);
  const selectedShown = shownIds.filter((id) => selected.has(id));
  const allSelected = shownIds.length > 0 && selectedShown.length === shownIds.length;
  const filterErrors = list.error ? toApiError(list.error).fieldErrors : {};
  const caption = t('ideasManager.caption', { title: localizedName(project.title, i18n.language) });

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selectedShown.length > 0 && !allSelected;
  }, [selectedShown.length, allSelected]);

  function changeFilters(next: ManagerFilters) {
    // A new list: what was chosen in the previous one is let go, so nothing out of sight is changed.
    setSelected(new Set());
    setFilters(next);
  }

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function toggleAll() {
    setSelected(allSelected ? new Set() : new Set(shownIds));
  }

  function sortBy(column: SortColumn) {
    const at = column.sorts.findIndex((s) => s.sort === filters.sort);
    const next = column.sorts[at >= 0 ? (at + 1) % column.sorts.length : 0];
    changeFilters({ ...filters, sort: next.sort });
  }

  function assignTo(idea: ListManagedIdeasIdea, assigneeId: string) {
    setNotice(null);
    const person = staff.find((s) => s.id === assigneeId);
    assign.mutate(
      { ideaId: idea.id, assigneeId: assigneeId || null },
      {
        onSuccess: () =>
          setNotice(
            person
              ? t('ideasManager.assignee.assigned', { title: idea.title, name: person.name })
              : t('ideasManager.assignee.unassigned', { title: idea.title }),
          ),
      },
    );
  }

  return (
    <section className="panel ideas-manager" aria-labelledby="ideas-manager-title">
      <div className="card__header">
        <h2 id="ideas-manager-title">{t('ideasManager.title')}</h2>
        <Button variant="secondary" onClick={() => setTemplatesOpen(true)}>
          {t('ideasManager.templates.manage')}
        </Button>
      </div>
      <ManagerFiltersForm
        filters={filters}
        onChange={changeFilters}
        phases={project.phases}
        staff={staff}
        errors={filterErrors}
        topicOptions={topicOptions}
        areaOptions={areaOptions}
      />
      <div role="status" className="results-count">
        {first ? t('ideasManager.total', { count: first.total }) : null}
      </div>
      <StatusMessage>{notice}</StatusMessage>
      <div role="alert">{assign.error ? <p className="field__error">{describeError(t, toApiError(assign.error))}</p> : null}</div>
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))}>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : ideas.length === 0 ? (
        <p className="empty-state">{t('ideasManager.empty')}</p>
      ) : (
        <TableRegion label={caption}>
          <table className="table manager-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className="manager-table__check">
                  <input
                    ref={selectAll}
                    type="checkbox"
                    id="manager-select-all"
                    checked={allSelected}
                    onChange={toggleAll}
                    aria-label={t('ideasManager.selectAll')}
                  />
                </th>
                <th scope="col">{t('ideasManager.columns.idea')}</th>
                <th scope="col">{t('ideasManager.columns.status')}</th>
                <th scope="col">{t('ideasManager.columns.author')}</th>
                <SortHeader sort={filters.sort} onSort={sortBy} column={SORT_COLUMNS.created} label={t('ideasManager.columns.created')} />
                <SortHeader
                  sort={filters.sort}
                  onSort={sortBy}
                  column={SORT_COLUMNS.likes}
                  label={t('ideasManager.columns.likes')}
                  className="table__number"
                />
                <SortHeader
                  sort={filters.sort}
                  onSort={sortBy}
                  column={SORT_COLUMNS.comments}
                  label={t('ideasManager.columns.comments')}
                  className="table__number"
                />
                <th scope="col" className="table__number">
                  {t('ideasManager.columns.flags')}
                </th>
                <SortHeader sort={filters.sort} onSort={sortBy} column={SORT_COLUMNS.waiting} label={t('ideasManager.columns.waiting')} />
                <th scope="col">{t('ideasManager.columns.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {ideas.map((idea) => (
                <IdeaRow
                  key={idea.id}
                  idea={idea}
                  projectId={project.id}
                  staff={staff}
                  checked={selected.has(idea.id)}
                  onToggle={() => toggle(idea.id)}
                  assigning={assign.isPending && assign.variables?.ideaId === idea.id}
                  onAssign={(assigneeId) => assignTo(idea, assigneeId)}
                  language={i18n.language}
                />
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
      <BulkActionBar
        projectId={project.id}
        selected={ideas.filter((i) => selected.has(i.id)).map((i) => ({ id: i.id, title: i.title }))}
        onApplied={() => setSelected(new Set())}
        onManageTemplates={() => setTemplatesOpen(true)}
      />
      <TemplatesDialog projectId={project.id} open={templatesOpen} onClose={() => setTemplatesOpen(false)} />
    </section>
  );
}

interface SortHeaderProps {
  column: SortColumn;
  label: string;
  sort: ManagedIdeaSort;
  onSort: (column: SortColumn) => void;
  className?: string;
}

/** A column header that sorts the table: a button, and aria-sort on the header of the column the table is sorted by. */
function SortHeader({ column, label, sort, onSort, className }: SortHeaderProps) {
  const active = column.sorts.find((s) => s.sort === sort);
  return (
    <th scope="col" className={className} aria-sort={active ? active.direction : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" className="sort-button__arrow">
          {active ? (active.direction === 'ascending' ? ' ▲' : ' ▼') : ' ⇅'}
        </span>
      </button>
    </th>
  );
}

interface IdeaRowProps {
  idea: ListManagedIdeasIdea;
  projectId: string;
  staff: readonly StaffMember[];
  checked: boolean;
  onToggle: () => void;
  assigning: boolean;
  onAssign: (assigneeId: string) => void;
  language: string;
}

function IdeaRow({ idea, projectId, staff, checked, onToggle, assigning, onAssign, language }: IdeaRowProps) {
  const { t } = useTranslation();
  // The current assignee stays choosable even if they left the project's staff.
  const people = idea.assignee && !staff.some((s) => s.id === idea.assignee!.id) ? [...staff, idea.assignee] : staff;
  return (
    <tr className={checked ? 'manager-table__row--selected' : undefined}>
      <td className="manager-table__check">
        <input
          type="checkbox"
          id={`manager-select-${idea.id}`}
          checked={checked}
          onChange={onToggle}
          aria-label={t('ideasManager.select', { title: idea.title })}
        />
      </td>
      <td>
        <Link to={`/projects/${projectId}/ideas/${idea.id}`} className="table__strong">
          {idea.title}
        </Link>
        {idea.state !== IdeaVisibilityState.Public ? (
          <Badge tone="warning">{t(`ideasManager.states.${idea.state}`, { defaultValue: idea.state })}</Badge>
        ) : null}
        {idea.topics.length > 0 ? <span className="table__sub">{idea.topics.join(', ')}</span> : null}
      </td>
      <td>
        <Badge tone={STATUS_TONES[idea.status] ?? 'neutral'}>{t(`ideas.status.${idea.status}`, { defaultValue: idea.status })}</Badge>
      </td>
      <td>{idea.author?.name ?? t('ideasManager.deletedAccount')}</td>
      <td>{formatDate(idea.createdAt, language)}</td>
      <td className="table__number">{formatNumber(idea.likes, language)}</td>
      <td className="table__number">{formatNumber(idea.comments, language)}</td>
      <td className="table__number">
        {idea.openFlags > 0 ? <Badge tone="warning">{formatNumber(idea.openFlags, language)}</Badge> : formatNumber(0, language)}
      </td>
      <td>
        {idea.waitingDays !== undefined && idea.waitingDays !== null ? (
          <>
            <span className="table__strong">{t('ideasManager.waitingDays', { count: idea.waitingDays })}</span>
            {idea.waitingSince ? (
              <span className="table__sub">{t('ideasManager.waitingSince', { date: formatDate(idea.waitingSince, language) })}</span>
            ) : null}
          </>
        ) : idea.answeredAt ? (
          <span className="table__sub">{t('ideasManager.answeredOn', { date: formatDate(idea.answeredAt, language) })}</span>
        ) : (
          <span className="table__sub">{t('ideasManager.notWaiting')}</span>
        )}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`manager-assignee-${idea.id}`}>
          {t('ideasManager.assignee.label', { title: idea.title })}
        </label>
        <select
          id={`manager-assignee-${idea.id}`}
          className="field__input field__select manager-table__assignee"
          value={idea.assignee?.id ?? ''}
          disabled={assigning}
          aria-busy={assigning || undefined}
          onChange={(e) => onAssign(e.target.value)}
        >
          <option value="">{t('ideasManager.assignee.nobody')}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}

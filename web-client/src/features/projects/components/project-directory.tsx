import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import type { DepartmentOption } from '@/components/ui/role-scope-picker';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { activeFilters, FiltersPanel } from '@/components/ui/filters-panel';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';
import { METHODS, projectsInfiniteQueryOptions, SORTS, type ProjectFilters } from '../api/projects';
import { ProjectCard } from './project-card';

export interface ProjectDirectoryProps {
  filters: ProjectFilters;
  onChange: (filters: ProjectFilters) => void;
  departments: readonly DepartmentOption[];
  /** The topics and areas to filter by (none: no such filter). */
  topicOptions?: readonly SelectOption[];
  areaOptions?: readonly SelectOption[];
}

/** Public projects with filters (kept in the address by the page) and "show more". */
export function ProjectDirectory({ filters, onChange, departments, topicOptions = [], areaOptions = [] }: ProjectDirectoryProps) {
  const { t } = useTranslation();
  const search = useDebouncedValue(filters.search, 300);
  const list = useInfiniteQuery(projectsInfiniteQueryOptions({ ...filters, search }));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (patch: Partial<ProjectFilters>) => onChange({ ...filters, ...patch });

  return (
    <div className="stack">
      <FiltersPanel
        label={t('projects.filters.label')}
        className="panel"
        fieldsClassName="filters--projects"
        active={activeFilters(filters)}
      >
        <TextField
          id="projects-search"
          type="search"
          label={t('projects.filters.search')}
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
        />
        <SelectField
          id="projects-department"
          label={t('projects.filters.department')}
          value={filters.departmentId}
          onChange={(e) => set({ departmentId: e.target.value })}
          options={[
            { value: '', label: t('projects.filters.allDepartments') },
            ...departments.map((d) => ({ value: d.id, label: d.label })),
          ]}
        />
        {topicOptions.length > 0 ? (
          <SelectField
            id="projects-topic"
            label={t('projects.filters.topic')}
            value={filters.topicId}
            // A topic picked here replaces one named by an old link.
            onChange={(e) => set({ topicId: e.target.value, topic: '' })}
            options={[{ value: '', label: t('projects.filters.anyTopic') }, ...topicOptions]}
          />
        ) : null}
        {areaOptions.length > 0 ? (
          <SelectField
            id="projects-area"
            label={t('projects.filters.area')}
            value={filters.areaId}
            onChange={(e) => set({ areaId: e.target.value })}
            options={[{ value: '', label: t('projects.filters.anyArea') }, ...areaOptions]}
          />
        ) : null}
        <SelectField
          id="projects-method"
          label={t('projects.filters.method')}
          value={filters.method}
          onChange={(e) => set({ method: e.target.value })}
          options={[
            { value: '', label: t('projects.filters.allMethods') },
            ...METHODS.map((m) => ({ value: m, label: t(`projects.methods.${m}`) })),
          ]}
        />
        <SelectField
          id="projects-status"
          label={t('projects.filters.status')}
          value={filters.status}
          onChange={(e) => set({ status: e.target.value })}
          options={[
            { value: '', label: t('projects.filters.allStatuses') },
            { value: 'published', label: t('projects.status.published') },
            { value: 'archived', label: t('projects.status.archived') },
          ]}
        />
        <SelectField
          id="projects-sort"
          label={t('projects.filters.sort')}
          value={filters.sort}
          onChange={(e) => set({ sort: e.target.value })}
          options={SORTS.map((s) => ({ value: s, label: t(`projects.filters.sorts.${s}`) }))}
        />
      </FiltersPanel>
      <div role="status" className="results-count">
        {list.isSuccess ? t('projects.filters.shown', { count: items.length }) : null}
      </div>
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))}>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : items.length === 0 ? (
        <p className="empty-state">{t('projects.filters.empty')}</p>
      ) : (
        <ul className="card-list card-list--grid">
          {items.map((project) => (
            <ProjectCard key={project.id} project={project} headingLevel={2} />
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <p className="load-more">
          <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
    </div>
  );
}

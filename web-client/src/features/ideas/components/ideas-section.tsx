import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RefusalReason, type ActionPolicyDecision, type GetPlatformMapSettings, type ListIdeasIdea } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import type { IdeaMapMarker, MapBounds } from '@/components/map/idea-map';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { activeFilters, FiltersPanel } from '@/components/ui/filters-panel';
import { oneOf } from '@/lib/closed-sets';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';
import { useWhenVisible } from '@/lib/hooks/use-when-visible';
import { ideaPath } from '@/lib/slugs';
import {
  EMPTY_IDEA_FILTERS,
  IDEA_SORTS,
  IDEA_STATUSES,
  IDEAS_PAGE_SIZE,
  ideasInfiniteQueryOptions,
  MAP_PAGE_SIZE,
  type IdeaFilters,
} from '../api/ideas';
import { ActionReason } from './action-reason';
import { IdeaCard } from './idea-card';

export type IdeasView = 'cards' | 'map';

/** Why posting is refused when it is not part of this phase at all: then it is not offered. */
const NOT_OFFERED: readonly RefusalReason[] = [RefusalReason.PhaseNotActive, RefusalReason.ProjectArchived];

// Leaflet loads with the map view only: most visitors read the cards.
const IdeaMap = lazy(async () => ({ default: (await import('@/components/map/idea-map')).IdeaMap }));

export interface IdeasSectionProps {
  projectId: string;
  /** The project's slug, for the ideas' addresses (its id when unknown). */
  projectSlug?: string;
  /** May the visitor post an idea now (the project's current phase)? Undefined: no phase runs. */
  postIdea: ActionPolicyDecision | undefined;
  /** The platform's base map; without it there is no map view. */
  map: GetPlatformMapSettings | undefined;
  /** Shown above the list, e.g. the votes left in a voting phase. */
  beforeList?: ReactNode;
  /** What each card offers beside reading it in the current phase (vote, basket). */
  renderCardActions?: (idea: ListIdeasIdea) => ReactNode;
  /** The topics and areas to filter by (none: no such filter). */
  topicOptions?: readonly SelectOption[];
  areaOptions?: readonly SelectOption[];
}

/**
 * A project's ideas: sort, filters, cards or a map (whose visible area filters the list), loaded page by
 * page as the list scrolls, with a "load more" button for keyboards.
 */
export function IdeasSection({
  projectId,
  projectSlug,
  postIdea,
  map,
  beforeList,
  renderCardActions,
  topicOptions = [],
  areaOptions = [],
}: IdeasSectionProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<IdeaFilters>(EMPTY_IDEA_FILTERS);
  const [view, setView] = useState<IdeasView>('cards');
  const search = useDebouncedValue(filters.search, 300);
  const onMap = view === 'map' && !!map;
  const list = useInfiniteQuery({
    ...ideasInfiniteQueryOptions(
      projectId,
      { ...filters, search, bounds: onMap ? filters.bounds : null },
      onMap ? MAP_PAGE_SIZE : IDEAS_PAGE_SIZE,
    ),
    // The map keeps its pins while the ideas of a new area load.
    placeholderData: onMap ? keepPreviousData : undefined,
  });
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const set = (patch: Partial<IdeaFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const canLoadMore = list.hasNextPage && !list.isFetchingNextPage && !list.isPlaceholderData;
  const sentinel = useWhenVisible<HTMLDivElement>(() => void list.fetchNextPage(), canLoadMore);

  // The same array while the ideas do not change: the map moves pins only when they do.
  const markers = useMemo<IdeaMapMarker[]>(
    () =>
      items.flatMap((idea) =>
        idea.location
          ? [
              {
                id: idea.id,
                latitude: idea.location.latitude,
                longitude: idea.location.longitude,
                title: idea.title,
                href: ideaPath({ id: projectId, slug: projectSlug }, idea),
              },
            ]
          : [],
      ),
    [items, projectId, projectSlug],
  );

  return (
    <section className="panel ideas" aria-labelledby="ideas-title">
      <div className="ideas__header">
        <h2 id="ideas-title">{t('ideas.section.title')}</h2>
        {/* Not offered at all where the phase does not collect ideas (a vote, a budget, no phase now, archived). */}
        {!postIdea || NOT_OFFERED.includes(postIdea.reason as RefusalReason) ? null : postIdea.allowed ? (
          <Link className="button button--primary" to={`/projects/${projectId}/ideas/new`}>
            {t('ideas.section.propose')}
          </Link>
        ) : (
          <ActionReason decision={postIdea} action={t('ideas.section.propose')} />
        )}
      </div>
      <FiltersPanel label={t('ideas.filters.label')} fieldsClassName="ideas__filters" active={activeFilters(filters, ['sort', 'bounds'])}>
        <TextField
          id="ideas-search"
          type="search"
          label={t('ideas.filters.search')}
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
        />
        {topicOptions.length > 0 ? (
          <SelectField
            id="ideas-topic"
            label={t('ideas.filters.topic')}
            value={filters.topic}
            onChange={(e) => set({ topic: e.target.value })}
            options={[{ value: '', label: t('ideas.filters.anyTopic') }, ...topicOptions]}
          />
        ) : null}
        {areaOptions.length > 0 ? (
          <SelectField
            id="ideas-area"
            label={t('ideas.filters.area')}
            value={filters.area}
            onChange={(e) => set({ area: e.target.value })}
            options={[{ value: '', label: t('ideas.filters.anyArea') }, ...areaOptions]}
          />
        ) : null}
        <SelectField
          id="ideas-status"
          label={t('ideas.filters.status')}
          value={filters.status}
          onChange={(e) => set({ status: e.target.value })}
          options={[
            { value: '', label: t('ideas.filters.allStatuses') },
            ...IDEA_STATUSES.map((s) => ({ value: s, label: t(`ideas.status.${s}`) })),
          ]}
        />
        <SelectField
          id="ideas-sort"
          label={t('ideas.filters.sort')}
          value={filters.sort}
          onChange={(e) => set({ sort: oneOf(IDEA_SORTS, e.target.value) ?? filters.sort })}
          options={IDEA_SORTS.map((s) => ({ value: s, label: t(`ideas.sorts.${s}`) }))}
        />
      </FiltersPanel>
      {map ? (
        <div className="ideas__views" role="group" aria-label={t('ideas.view.label')}>
          {(['cards', 'map'] as const).map((v) => (
            <Button
              key={v}
              variant="secondary"
              className="button--small"
              aria-pressed={view === v}
              onClick={() => {
                setView(v);
                set({ bounds: null });
              }}
            >
              {t(`ideas.view.${v}`)}
            </Button>
          ))}
        </div>
      ) : null}
      {beforeList}
      <div role="status" className="results-count">
        {list.isSuccess && !list.isPlaceholderData
          ? t(onMap ? 'ideas.filters.shownInArea' : 'ideas.filters.shown', { count: items.length })
          : null}
      </div>
      {onMap && list.isSuccess ? (
        <Suspense fallback={<Loading label={t('common.loading')} />}>
          <IdeaMap
            tileUrl={map.tileUrl}
            attribution={map.attribution}
            center={{ latitude: map.latitude, longitude: map.longitude }}
            zoom={map.zoom}
            markers={markers}
            onBoundsChange={(bounds: MapBounds) => set({ bounds })}
            label={t('ideas.view.mapLabel')}
          />
        </Suspense>
      ) : null}
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))}>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : items.length === 0 ? (
        <p className="empty-state">
          {filtered(filters) ? t('ideas.filters.empty') : onMap ? t('ideas.filters.emptyArea') : t('ideas.filters.none')}
        </p>
      ) : (
        <ul className="card-list card-list--grid ideas__list" aria-label={onMap ? t('ideas.view.listInArea') : t('ideas.view.list')}>
          {items.map((idea) => (
            <IdeaCard key={idea.id} idea={idea} projectId={projectId} projectSlug={projectSlug} actions={renderCardActions?.(idea)} />
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <>
          <div ref={sentinel} className="ideas__sentinel" aria-hidden="true" />
          <p className="load-more">
            <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('ideas.section.loadMore')}
            </Button>
          </p>
        </>
      ) : null}
    </section>
  );
}

function filtered(filters: IdeaFilters): boolean {
  return !!(filters.search.trim() || filters.topic || filters.area || filters.status);
}

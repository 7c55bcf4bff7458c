import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { TextField } from '@/components/ui/text-field';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';
import { organisationsInfiniteQueryOptions } from '../api/organisations';

/** Verified organisations by name, with a search and "show more". */
export function OrganisationDirectory() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 300);
  const list = useInfiniteQuery(organisationsInfiniteQueryOptions('verified', debounced));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="panel" aria-labelledby="organisations-list-title">
      <h2 id="organisations-list-title">{t('organisations.directory.title')}</h2>
      <search className="filters">
        <TextField
          id="organisations-search"
          type="search"
          label={t('organisations.directory.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </search>
      <div role="status" className="results-count">
        {list.isSuccess ? t('organisations.directory.shown', { count: items.length }) : null}
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
        <p className="empty-state">{debounced.trim() ? t('organisations.directory.noMatch') : t('organisations.directory.empty')}</p>
      ) : (
        <ul className="card-list card-list--grid">
          {items.map((organisation) => (
            <li key={organisation.id} className="card">
              <article aria-labelledby={`organisation-${organisation.id}-name`}>
                <h3 id={`organisation-${organisation.id}-name`} className="card__title">
                  <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
                </h3>
                <p>
                  <Badge tone="success">{t('organisations.verified')}</Badge>{' '}
                  <span className="muted">{t('organisations.memberCount', { count: organisation.memberCount })}</span>
                </p>
                {organisation.description ? <p className="clamp">{organisation.description}</p> : null}
              </article>
            </li>
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
    </section>
  );
}

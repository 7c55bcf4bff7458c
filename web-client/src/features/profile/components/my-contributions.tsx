import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ContributionKind } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import { myContributionsQueryOptions } from '../api/contributions';
import { ContributionList } from './contribution-list';

const KINDS = Object.values(ContributionKind);

const isKind = (value: string | null): value is ContributionKind => KINDS.includes(value as ContributionKind);

/** « Mes contributions »: everything the signed-in person did, filtered by kind (kept in the address), a page at a time. */
export function MyContributions() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('kind');
  const kind = isKind(requested) ? requested : undefined;
  const list = useInfiniteQuery(myContributionsQueryOptions(kind));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack">
      <p>
        <Link to="/profile">{t('contributions.backToProfile')}</Link>
      </p>
      <SelectField
        id="contributions-kind"
        label={t('contributions.filterLabel')}
        value={kind ?? ''}
        options={[{ value: '', label: t('contributions.all') }, ...KINDS.map((k) => ({ value: k, label: t(`contributions.kinds.${k}`) }))]}
        onChange={(event) => {
          const next = new URLSearchParams(params);
          if (event.target.value) next.set('kind', event.target.value);
          else next.delete('kind');
          setParams(next, { replace: true });
        }}
      />
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))}>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : items.length === 0 ? (
        <p className="empty-state">{kind ? t('contributions.emptyKind') : t('contributions.empty')}</p>
      ) : (
        <>
          <ContributionList items={items} label={kind ? t(`contributions.kinds.${kind}`) : t('contributions.title')} />
          {list.hasNextPage ? (
            <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('contributions.more')}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ContributionKind } from '@contracts/participation-client';
import { SelectField } from '@/components/ui/select-field';
import { myContributionsQueryOptions } from '../api/contributions';
import { ContributionFeed } from './contribution-list';

const KINDS = Object.values(ContributionKind);

const isKind = (value: string | null): value is ContributionKind => KINDS.includes(value as ContributionKind);

/** « Mes contributions »: everything the signed-in person did, filtered by kind (kept in the address), a page at a time. */
export function MyContributions() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('kind');
  const kind = isKind(requested) ? requested : undefined;
  const list = useInfiniteQuery(myContributionsQueryOptions(kind));

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
      <ContributionFeed
        list={list}
        label={kind ? t(`contributions.kinds.${kind}`) : t('contributions.title')}
        empty={kind ? t('contributions.emptyKind') : t('contributions.empty')}
      />
    </div>
  );
}

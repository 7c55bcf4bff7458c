import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { formatDate } from '@/lib/format';
import { personContributionsQueryOptions, personQueryOptions } from '../api/contributions';
import { ContributionList } from './contribution-list';

/** A person's public profile below their name (the page's heading): avatar, since when, and their public ideas and comments (never an e-mail). */
export function PersonProfile({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const person = useQuery(personQueryOptions(id));
  const list = useInfiniteQuery({ ...personContributionsQueryOptions(id), enabled: person.isSuccess });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (person.isPending) return <Loading label={t('common.loading')} />;
  if (person.isError) {
    const error = toApiError(person.error);
    return (
      <Alert variant="error" role="alert" title={error.status === 404 ? t('people.notFound') : describeError(t, error)}>
        {null}
      </Alert>
    );
  }
  const profile = person.data;
  return (
    <div className="stack">
      <div className="person-card">
        <Avatar name={profile.displayName} url={profile.avatarUrl} size="large" />
        <p className="muted">{t('people.memberSince', { date: formatDate(profile.memberSince, i18n.language) })}</p>
      </div>
      <section aria-labelledby="person-contributions">
        <h2 id="person-contributions">{t('people.contributions')}</h2>
        {list.isPending ? (
          <Loading label={t('common.loading')} />
        ) : list.isError ? (
          <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))}>
            <Button variant="secondary" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          </Alert>
        ) : items.length === 0 ? (
          <p className="empty-state">{t('people.empty')}</p>
        ) : (
          <>
            <ContributionList items={items} label={t('people.contributions')} />
            {list.hasNextPage ? (
              <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('contributions.more')}
              </Button>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}

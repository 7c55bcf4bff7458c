import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { Loading } from '@/components/ui/loading';
import { formatDate } from '@/lib/format';
import { personContributionsQueryOptions, personQueryOptions } from '../api/contributions';
import { ContributionFeed } from './contribution-list';

/** A person's public profile below their name (the page's heading): avatar, since when, and their public ideas and comments (never an e-mail). */
export function PersonProfile({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const person = useQuery(personQueryOptions(id));
  const list = useInfiniteQuery({ ...personContributionsQueryOptions(id), enabled: person.isSuccess });

  if (person.isPending) return <Loading label={t('common.loading')} />;
  if (person.isError) {
    const error = toApiError(person.error);
    return <Alert variant="error" role="alert" title={error.status === 404 ? t('people.notFound') : describeError(t, error)} />;
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
        <ContributionFeed list={list} label={t('people.contributions')} empty={t('people.empty')} />
      </section>
    </div>
  );
}

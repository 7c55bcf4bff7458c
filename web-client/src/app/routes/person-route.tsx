import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '@/components/layout/page';
import { personQueryOptions } from '@/features/profile/api/contributions';
import { PersonProfile } from '@/features/profile/components/person-profile';

/** /people/:id — a person's public profile (open to everyone). */
export function PersonRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = useQuery(personQueryOptions(id));
  return (
    <Page title={person.data?.displayName ?? t('people.title')}>
      <PersonProfile id={id} />
    </Page>
  );
}

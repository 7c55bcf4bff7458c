import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/layout/page';
import { OrganisationDirectory } from '@/features/organisations/components/organisation-directory';
import { useSessionStatus } from '@/lib/auth/session-store';

export function OrganisationsRoute() {
  const { t } = useTranslation();
  const status = useSessionStatus();
  return (
    <Page title={t('organisations.directory.pageTitle')} intro={<p>{t('organisations.directory.intro')}</p>}>
      <p>
        <Link
          className="button button--secondary"
          to={status === 'authenticated' ? '/organisations/new' : '/login'}
          state={status === 'authenticated' ? undefined : { from: '/organisations/new' }}
        >
          {t('organisations.mine.create')}
        </Link>
      </p>
      <OrganisationDirectory />
    </Page>
  );
}

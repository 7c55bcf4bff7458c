import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { organisationQueryOptions } from '@/features/organisations/api/organisations';
import { OrganisationProfile } from '@/features/organisations/components/organisation-profile';
import { meQueryOptions } from '@/features/profile/api/profile';
import { useSessionStatus } from '@/lib/auth/session-store';
import { NotFoundRoute } from './not-found-route';

export function OrganisationRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const status = useSessionStatus();
  const organisation = useQuery({ ...organisationQueryOptions(id), enabled: status !== 'restoring' });
  const me = useQuery({ ...meQueryOptions(), enabled: status === 'authenticated' });
  const flash = (location.state as { saved?: string } | null)?.saved;

  if (status === 'restoring' || organisation.isPending) {
    return (
      <Page title={t('organisations.page.loading')}>
        <Loading label={t('common.loading')} />
      </Page>
    );
  }
  if (organisation.isError) {
    if (toApiError(organisation.error).status === 404) return <NotFoundRoute />;
    return (
      <Page title={t('organisations.page.loading')}>
        <Alert variant="error" role="alert" title={describeError(t, toApiError(organisation.error))} />
      </Page>
    );
  }
  return (
    <Page title={organisation.data.name}>
      <StatusMessage>{flash ? t(`organisations.flash.${flash}`) : null}</StatusMessage>
      <p>
        <Link to="/organisations">{t('organisations.page.back')}</Link>
      </p>
      <OrganisationProfile organisation={organisation.data} meId={me.data?.id ?? null} />
    </Page>
  );
}

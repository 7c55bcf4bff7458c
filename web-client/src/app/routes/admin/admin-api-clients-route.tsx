import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { ApiClientAdmin } from '@/features/api-clients/components/api-client-admin';
import { API_CLIENT_ROLES, RequireStaffRole } from './admin-layout';

export function AdminApiClientsRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaffRole roles={API_CLIENT_ROLES}>
      <Page title={t('admin.nav.apiClients')} intro={<p>{t('apiClients.intro')}</p>}>
        <ApiClientAdmin />
      </Page>
    </RequireStaffRole>
  );
}

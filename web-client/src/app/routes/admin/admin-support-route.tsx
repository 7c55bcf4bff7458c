import { useTranslation } from 'react-i18next';
import { Role } from '@contracts/participation-client';
import { Page } from '@/components/layout/page';
import { SupportAccess } from '@/features/support/components/support-access';
import { SupportRequestForm } from '@/features/support/components/support-request-form';
import { hasRole } from '@/lib/roles';
import { useStaff } from './admin-layout';

/** « Assistance »: every staff member writes to the vendor's support; admins also grant support access to the staff area. */
export function AdminSupportRoute() {
  const { t } = useTranslation();
  const { me } = useStaff();
  return (
    <Page title={t('admin.nav.support')} intro={<p>{t('support.intro')}</p>}>
      <div className="stack">
        <SupportRequestForm />
        {hasRole(me.roles, Role.Admin) ? <SupportAccess /> : null}
      </div>
    </Page>
  );
}

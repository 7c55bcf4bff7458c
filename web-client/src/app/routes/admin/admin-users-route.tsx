import { useTranslation } from 'react-i18next';
import { Role } from '@contracts/participation-client';
import { Page } from '@/components/layout/page';
import { UserDirectory } from '@/features/users/components/user-directory';
import { RequireStaffRole } from './admin-layout';
import { useDepartmentOptions } from './use-department-options';

export function AdminUsersRoute() {
  const { t } = useTranslation();
  const departments = useDepartmentOptions();
  return (
    <RequireStaffRole roles={[Role.Admin]}>
      <Page title={t('admin.nav.users')} intro={<p>{t('users.intro')}</p>}>
        <UserDirectory departments={departments.options} />
      </Page>
    </RequireStaffRole>
  );
}

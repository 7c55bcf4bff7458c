import { useTranslation } from 'react-i18next';
import { Role } from '@contracts/participation-client';
import { Page } from '@/components/layout/page';
import { DepartmentAdmin } from '@/features/departments/components/department-admin';
import { DepartmentHeads } from '@/features/users/components/department-heads';
import { RequireStaffRole } from './admin-layout';

export function AdminDepartmentsRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaffRole roles={[Role.Admin]}>
      <Page title={t('admin.nav.departments')} intro={<p>{t('departments.intro')}</p>}>
        <DepartmentAdmin renderDetails={(department, label) => <DepartmentHeads departmentId={department.id} departmentLabel={label} />} />
      </Page>
    </RequireStaffRole>
  );
}

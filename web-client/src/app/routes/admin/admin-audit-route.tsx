import { useTranslation } from 'react-i18next';
import { Role } from '@contracts/participation-client';
import { Page } from '@/components/layout/page';
import { AuditLog } from '@/features/audit-log/components/audit-log';
import { hasRole } from '@/lib/roles';
import { RequireStaffRole, useStaff } from './admin-layout';

export function AdminAuditRoute() {
  const { t } = useTranslation();
  const { me } = useStaff();
  return (
    <RequireStaffRole roles={[Role.Admin, Role.DepartmentHead]}>
      <Page title={t('admin.nav.audit')} intro={<p>{hasRole(me.roles, Role.Admin) ? t('audit.introAdmin') : t('audit.introHead')}</p>}>
        <AuditLog />
      </Page>
    </RequireStaffRole>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Role } from '@contracts/participation-client';
import { Page } from '@/components/layout/page';
import { WorkspaceList } from '@/features/projects/components/workspace-list';
import { hasRole } from '@/lib/roles';
import { RequireStaffRole, useStaff } from './admin-layout';

export function AdminProjectsRoute() {
  const { t } = useTranslation();
  const { me } = useStaff();
  const canCreate = hasRole(me.roles, Role.Admin) || hasRole(me.roles, Role.DepartmentHead);
  return (
    <RequireStaffRole roles={[Role.Admin, Role.DepartmentHead, Role.ProjectModerator]}>
      <Page title={t('admin.nav.projects')} intro={<p>{t('projects.workspace.intro')}</p>}>
        {canCreate ? (
          <p>
            <Link className="button button--primary" to="/admin/projects/new">
              {t('projects.create.title')}
            </Link>
          </p>
        ) : null}
        <WorkspaceList />
      </Page>
    </RequireStaffRole>
  );
}

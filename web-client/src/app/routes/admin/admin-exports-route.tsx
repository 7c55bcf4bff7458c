import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Role, ScopeType } from '@contracts/participation-client';
import { Page } from '@/components/layout/page';
import { Loading } from '@/components/ui/loading';
import { ExportForm, type ExportScopes } from '@/features/exports/components/export-form';
import { ExportList } from '@/features/exports/components/export-list';
import { oneOf } from '@/lib/closed-sets';
import { hasRole } from '@/lib/roles';
import { EXPORT_ROLES, RequireStaffRole, useStaff } from './admin-layout';
import { useDepartmentOptions } from './use-department-options';
import { useProjectOptions } from './use-project-options';

/**
 * Exports for staff: a form to ask for one (what, format, one of the scopes the caller's roles cover, period) and the
 * caller's exports with their progress and files. `?scopeType=project&scopeId=…` preselects a scope (a project's page
 * links here).
 */
export function AdminExportsRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaffRole roles={EXPORT_ROLES}>
      <Page title={t('admin.nav.exports')} intro={<p>{t('exports.intro')}</p>}>
        <ExportsPage />
      </Page>
    </RequireStaffRole>
  );
}

function ExportsPage() {
  const { t } = useTranslation();
  const { me } = useStaff();
  const [search] = useSearchParams();
  const departments = useDepartmentOptions();
  const projects = useProjectOptions();
  const roles = me.roles;
  const admin = hasRole(roles, Role.Admin);
  const grants = (role: Role) => roles.filter((g) => g.role === role);
  const officialEverywhere = grants(Role.ElectedOfficial).some((g) => g.scopeType === ScopeType.Platform);
  const ownDepartments = new Set(
    [...grants(Role.DepartmentHead), ...grants(Role.ElectedOfficial)].map((g) => g.scopeId).filter((id): id is string => !!id),
  );
  const runsProjects = admin || hasRole(roles, Role.DepartmentHead) || hasRole(roles, Role.ProjectModerator);

  if (departments.isPending || (runsProjects && projects.isPending)) return <Loading label={t('common.loading')} />;

  const scopes: ExportScopes = {
    platform: admin || officialEverywhere,
    departments: departments.options.filter((d) => admin || officialEverywhere || ownDepartments.has(d.id)),
    // The projects the caller runs (the workspace's); officials choose their department or the platform.
    projects: runsProjects ? projects.options : [],
  };
  const scopeType = oneOf(Object.values(ScopeType), search.get('scopeType'));
  const scopeId = search.get('scopeId') ?? '';
  const initial = scopeType && (scopeType === ScopeType.Platform || scopeId) ? { scopeType, scopeId } : undefined;

  return (
    <div className="stack">
      <ExportForm scopes={scopes} initial={initial} withEmails={admin} />
      <ExportList />
    </div>
  );
}

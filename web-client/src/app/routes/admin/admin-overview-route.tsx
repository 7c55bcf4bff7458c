import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Role } from '@contracts/participation-client';
import { Page } from '@/components/layout/page';
import { StatusMessage } from '@/components/ui/status-message';
import { OnboardingPanel } from '@/features/onboarding/components/onboarding-panel';
import { RoleChips } from '@/features/users/components/role-chips';
import { hasRole, headedDepartments } from '@/lib/roles';
import { canSee, STAFF_SECTIONS, useStaff } from './admin-layout';
import { useDepartmentOptions } from './use-department-options';

export function AdminOverviewRoute() {
  const { t } = useTranslation();
  const { me } = useStaff();
  const location = useLocation();
  const departments = useDepartmentOptions();
  const accepted = (location.state as { invitationAccepted?: boolean } | null)?.invitationAccepted === true;
  const headed = headedDepartments(me.roles);
  const sections = STAFF_SECTIONS.filter((s) => s.key !== 'overview' && canSee(me, s.roles));
  // Communication managers have the widgets; their home page, pages and campaigns are still to come (issue 16).
  const coming = hasRole(me.roles, Role.CommunicationManager);

  return (
    <Page title={t('admin.title')} intro={<p>{t('admin.overview.intro', { name: me.firstName })}</p>}>
      <StatusMessage>{accepted ? t('admin.overview.accepted') : null}</StatusMessage>
      <div className="stack">
        <OnboardingPanel />
        <section className="panel" aria-labelledby="my-roles-title">
          <h2 id="my-roles-title">{t('admin.overview.rolesTitle')}</h2>
          <RoleChips roles={me.roles} departmentName={departments.name} />
        </section>
        {hasRole(me.roles, Role.DepartmentHead) ? (
          <section className="panel" aria-labelledby="my-departments-title">
            <h2 id="my-departments-title">{t('admin.overview.departmentsTitle', { count: headed.length })}</h2>
            <ul className="card-list">
              {headed.map((id) => (
                <li key={id} className="card">
                  <h3 className="card__title">{departments.name(id)}</h3>
                  <p className="muted">{t('admin.overview.departmentHelp')}</p>
                  <p>
                    <Link to="/admin/invitations">{t('admin.overview.departmentInvitations')}</Link>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {sections.length > 0 ? (
          <section className="panel" aria-labelledby="sections-title">
            <h2 id="sections-title">{t('admin.overview.sectionsTitle')}</h2>
            <ul className="card-list card-list--grid">
              {sections.map((section) => (
                <li key={section.key} className="card">
                  <h3 className="card__title">
                    <Link to={section.path}>{t(`admin.nav.${section.key}`)}</Link>
                  </h3>
                  <p className="muted">{t(`admin.overview.sections.${section.key}`)}</p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {coming ? (
          <section className="panel" aria-labelledby="coming-title">
            <h2 id="coming-title">{t('admin.overview.comingTitle')}</h2>
            <p>{t('admin.overview.comingBody')}</p>
          </section>
        ) : null}
      </div>
    </Page>
  );
}

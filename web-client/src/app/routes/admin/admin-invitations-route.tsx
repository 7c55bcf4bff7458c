import { useTranslation } from 'react-i18next';
import { Role } from '@contracts/participation-client';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { ImportInvitationsForm } from '@/features/invitations/components/import-form';
import { InvitationList } from '@/features/invitations/components/invitation-list';
import { InviteForm } from '@/features/invitations/components/invite-form';
import { HEAD_INVITABLE_ROLES, INVITABLE_ROLES, hasRole, headedDepartments } from '@/lib/roles';
import { RequireStaffRole, useStaff } from './admin-layout';
import { useDepartmentOptions } from './use-department-options';
import { useProjectOptions } from './use-project-options';

export function AdminInvitationsRoute() {
  const { t } = useTranslation();
  const { me } = useStaff();
  const departments = useDepartmentOptions();
  const admin = hasRole(me.roles, Role.Admin);
  const headed = headedDepartments(me.roles);
  // Admins may invite to any project; department heads only to their departments' projects.
  const projects = useProjectOptions(admin ? undefined : headed);
  const roles = admin ? INVITABLE_ROLES : HEAD_INVITABLE_ROLES;

  return (
    <RequireStaffRole roles={[Role.Admin, Role.DepartmentHead]}>
      <Page title={t('admin.nav.invitations')} intro={<p>{admin ? t('invitations.introAdmin') : t('invitations.introHead')}</p>}>
        <div className="stack">
          {admin ? null : (
            <Alert variant="info" title={t('invitations.headNoteTitle')}>
              <p>{t('invitations.headNote')}</p>
              <p>
                {t('invitations.headDepartments', { count: headed.length })}{' '}
                <strong>{headed.map((id) => departments.name(id)).join(', ')}</strong>
              </p>
            </Alert>
          )}
          <section className="panel">
            <InviteForm roles={roles} departments={departments.options} projects={projects.options} />
          </section>
          <section className="panel">
            <ImportInvitationsForm roles={roles} departments={departments.options} projects={projects.options} />
          </section>
          <InvitationList canManage={admin} />
        </div>
      </Page>
    </RequireStaffRole>
  );
}

import { useTranslation } from 'react-i18next';
import { DigestKind, Role } from '@contracts/participation-client';
import { Page } from '@/components/layout/page';
import { NextDigest } from '@/features/digests/components/next-digest';
import { hasRole } from '@/lib/roles';
import { DIGEST_ROLES, RequireStaffRole, useStaff } from './admin-layout';

/** "My digests": what the caller's next monthly summary (department heads) and weekly digest (moderators) will hold. */
export function AdminDigestsRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaffRole roles={DIGEST_ROLES}>
      <Page title={t('admin.nav.digests')} intro={<p>{t('digests.intro')}</p>}>
        <Digests />
      </Page>
    </RequireStaffRole>
  );
}

function Digests() {
  const { me } = useStaff();
  return (
    <div className="stack">
      {hasRole(me.roles, Role.ProjectModerator) && <NextDigest kind={DigestKind.ModeratorDigest} />}
      {hasRole(me.roles, Role.DepartmentHead) && <NextDigest kind={DigestKind.DepartmentSummary} />}
    </div>
  );
}

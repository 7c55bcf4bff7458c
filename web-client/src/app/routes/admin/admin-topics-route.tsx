import { useTranslation } from 'react-i18next';
import { Role } from '@contracts/participation-client';
import { Page } from '@/components/layout/page';
import { TagAdmin } from '@/features/topics/components/tag-admin';
import { RequireStaffRole } from './admin-layout';

/** « Thèmes et quartiers »: the admins' lists that projects and ideas are tagged from. */
export function AdminTopicsRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaffRole roles={[Role.Admin]}>
      <Page title={t('topics.title')} intro={<p>{t('topics.intro')}</p>}>
        <TagAdmin kind="topics" />
        <TagAdmin kind="areas" />
      </Page>
    </RequireStaffRole>
  );
}

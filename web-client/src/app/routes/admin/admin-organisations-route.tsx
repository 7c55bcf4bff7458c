import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { ReviewQueue } from '@/features/organisations/components/review-queue';
import { RequireStaffRole } from './admin-layout';
import { Role } from '@contracts/participation-client';

export function AdminOrganisationsRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaffRole roles={[Role.Admin]}>
      <Page title={t('admin.nav.organisations')} intro={<p>{t('organisations.review.intro')}</p>}>
        <ReviewQueue />
      </Page>
    </RequireStaffRole>
  );
}

import { useTranslation } from 'react-i18next';
import { Role } from '@contracts/participation-client';
import { Page } from '@/components/layout/page';
import { ReviewQueue } from '@/features/organisations/components/review-queue';
import { RequireStaffRole } from './admin-layout';

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

import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { CampaignAdmin } from '@/features/campaigns/components/campaign-admin';
import { CAMPAIGN_ROLES, RequireStaffRole } from './admin-layout';
import { useFilterTagOptions } from '../use-tag-options';
import { usePublicProjectOptions } from './use-public-project-options';

export function AdminCampaignsRoute() {
  const { t } = useTranslation();
  const projects = usePublicProjectOptions();
  const tags = useFilterTagOptions();
  return (
    <RequireStaffRole roles={CAMPAIGN_ROLES}>
      <Page title={t('admin.nav.campaigns')} intro={<p>{t('campaigns.intro')}</p>}>
        <CampaignAdmin projects={projects.options} areas={tags.areaOptions.map((a) => ({ id: a.value, label: a.label }))} />
      </Page>
    </RequireStaffRole>
  );
}

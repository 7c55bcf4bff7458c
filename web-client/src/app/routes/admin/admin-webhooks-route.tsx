import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { WebhookAdmin } from '@/features/webhooks/components/webhook-admin';
import { RequireStaffRole, WEBHOOK_ROLES } from './admin-layout';

export function AdminWebhooksRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaffRole roles={WEBHOOK_ROLES}>
      <Page title={t('admin.nav.webhooks')} intro={<p>{t('webhooks.intro')}</p>}>
        <WebhookAdmin />
      </Page>
    </RequireStaffRole>
  );
}

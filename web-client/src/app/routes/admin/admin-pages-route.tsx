import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Page } from '@/components/layout/page';
import { StatusMessage } from '@/components/ui/status-message';
import { PagesAdmin } from '@/features/pages/components/pages-admin';
import { PAGE_ROLES, RequireStaffRole } from './admin-layout';

/** The pages' list for their editors (admins and communication managers). */
export function AdminPagesRoute() {
  const { t, i18n } = useTranslation();
  const deleted = (useLocation().state as { deleted?: boolean } | null)?.deleted;
  return (
    <RequireStaffRole roles={PAGE_ROLES}>
      <Page title={t('admin.nav.pages')} intro={<p>{t('sitePages.admin.intro')}</p>}>
        <StatusMessage>{deleted ? t('sitePages.editor.deleted') : null}</StatusMessage>
        <PagesAdmin language={i18n.language} />
      </Page>
    </RequireStaffRole>
  );
}

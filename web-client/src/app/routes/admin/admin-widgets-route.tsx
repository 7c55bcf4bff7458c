import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { WidgetAdmin } from '@/features/widgets/components/widget-admin';
import { RequireStaffRole, WIDGET_ROLES } from './admin-layout';
import { usePublicProjectOptions } from './use-public-project-options';

export function AdminWidgetsRoute() {
  const { t } = useTranslation();
  const projects = usePublicProjectOptions();
  return (
    <RequireStaffRole roles={WIDGET_ROLES}>
      <Page title={t('admin.nav.widgets')} intro={<p>{t('widgets.intro')}</p>}>
        <WidgetAdmin projects={projects.options} />
      </Page>
    </RequireStaffRole>
  );
}

import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { ContentCalendar } from '@/features/content-calendar/components/content-calendar';
import { CONTENT_CALENDAR_ROLES, RequireStaffRole } from './admin-layout';

export function AdminContentCalendarRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaffRole roles={CONTENT_CALENDAR_ROLES}>
      <Page title={t('admin.nav.contentCalendar')} intro={<p>{t('contentCalendar.intro')}</p>}>
        <ContentCalendar />
      </Page>
    </RequireStaffRole>
  );
}

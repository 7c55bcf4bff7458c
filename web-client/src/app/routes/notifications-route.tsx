import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/layout/page';
import { NotificationList } from '@/features/notifications/components/notification-list';
import { RequireAuth } from '../require-auth';

export function NotificationsRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('notifications.title')} intro={<p>{t('notifications.intro')}</p>}>
      <RequireAuth>
        <p>
          <Link to="/notifications/settings">{t('notifications.settingsLink')}</Link>
        </p>
        <NotificationList />
      </RequireAuth>
    </Page>
  );
}

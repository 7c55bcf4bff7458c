import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { NewsletterConsentField } from '@/features/campaigns/components/newsletter-consent';
import { notificationPreferencesQueryOptions } from '@/features/notifications/api/notifications';
import { NotificationPreferencesForm } from '@/features/notifications/components/notification-preferences-form';
import { meQueryOptions } from '@/features/profile/api/profile';
import { isStaff } from '@/lib/roles';
import { RequireAuth } from '../require-auth';

export function NotificationSettingsRoute() {
  const { t } = useTranslation();
  return (
    <Page narrow title={t('notifications.settings.title')} intro={<p>{t('notifications.settings.intro')}</p>}>
      <RequireAuth>
        <p>
          <Link to="/notifications">{t('notifications.settings.back')}</Link>
        </p>
        <Preferences />
        <NewsletterConsentField />
      </RequireAuth>
    </Page>
  );
}

function Preferences() {
  const { t } = useTranslation();
  const preferences = useQuery(notificationPreferencesQueryOptions());
  const me = useQuery(meQueryOptions());

  if (preferences.isPending || me.isPending) return <Loading label={t('common.loading')} />;
  const failed = preferences.error ?? me.error;
  if (failed) {
    return (
      <Alert variant="error" role="alert" title={describeError(t, toApiError(failed))}>
        <Button
          variant="secondary"
          onClick={() => {
            void preferences.refetch();
            void me.refetch();
          }}
        >
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  // The staff's categories (new ideas to moderate, mentions) only mean something to the staff.
  return <NotificationPreferencesForm preferences={preferences.data!} staff={isStaff(me.data!.roles)} roles={me.data!.roles} />;
}

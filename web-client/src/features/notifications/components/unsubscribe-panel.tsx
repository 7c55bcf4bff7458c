import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { isNotificationCategory, useUnsubscribe } from '../api/notifications';

/**
 * The page an e-mail's "stop these e-mails" link opens. Nothing happens until the person presses the
 * button: mail scanners open links, and must not unsubscribe anyone.
 */
export function UnsubscribePanel({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const unsubscribe = useUnsubscribe();
  const settings = (
    <p>
      <Link to="/notifications/settings">{t('notifications.unsubscribe.settingsLink')}</Link>
    </p>
  );

  if (!token) return <UnsubscribeInvalid settings={settings} />;

  if (unsubscribe.isSuccess) {
    const { category, channel } = unsubscribe.data;
    const name = isNotificationCategory(category) ? t(`notifications.categories.${category}.inSentence`) : category;
    return (
      <Alert variant="success" role="status" title={t('notifications.unsubscribe.done', { category: name })}>
        <p>{channel === 'off' ? t('notifications.unsubscribe.doneOff') : t('notifications.unsubscribe.doneInApp')}</p>
        {settings}
      </Alert>
    );
  }

  const error = unsubscribe.error ? toApiError(unsubscribe.error) : null;
  if (error && (error.status === 410 || error.status === 400)) return <UnsubscribeInvalid settings={settings} />;

  return (
    <div className="stack">
      <p>{t('notifications.unsubscribe.intro')}</p>
      <div role="alert" className={error ? 'alert alert--error' : 'visually-empty'}>
        {error ? <p className="alert__title">{describeError(t, error)}</p> : null}
      </div>
      <p>
        <Button pending={unsubscribe.isPending} onClick={() => unsubscribe.mutate(token)}>
          {t('notifications.unsubscribe.confirm')}
        </Button>
      </p>
      {settings}
    </div>
  );
}

function UnsubscribeInvalid({ settings }: { settings: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Alert variant="error" role="alert" title={t('notifications.unsubscribe.invalid')}>
      <p>{t('notifications.unsubscribe.invalidBody')}</p>
      {settings}
    </Alert>
  );
}

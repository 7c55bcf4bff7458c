import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useUnsubscribeNewsletter } from '../api/campaigns';

/**
 * The page a campaign e-mail's "unsubscribe" link opens. Nothing happens until the person presses the button: mail
 * scanners open links, and must not unsubscribe anyone (mail clients use the one-click header instead).
 */
export function NewsletterUnsubscribePanel({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const unsubscribe = useUnsubscribeNewsletter();
  const settings = (
    <p>
      <Link to="/notifications/settings">{t('campaigns.unsubscribe.settingsLink')}</Link>
    </p>
  );
  const error = unsubscribe.error ? toApiError(unsubscribe.error) : null;

  if (!token || (error && (error.status === 410 || error.status === 400)))
    return (
      <Alert variant="error" role="alert" title={t('campaigns.unsubscribe.invalid')}>
        {settings}
      </Alert>
    );
  if (unsubscribe.isSuccess)
    return (
      <Alert variant="success" role="status" title={t('campaigns.unsubscribe.done')}>
        {settings}
      </Alert>
    );
  return (
    <div className="stack">
      <p>{t('campaigns.unsubscribe.intro')}</p>
      <div role="alert" className={error ? 'alert alert--error' : 'visually-empty'}>
        {error ? <p className="alert__title">{describeError(t, error)}</p> : null}
      </div>
      <p>
        <Button pending={unsubscribe.isPending} onClick={() => unsubscribe.mutate(token)}>
          {t('campaigns.unsubscribe.confirm')}
        </Button>
      </p>
      {settings}
    </div>
  );
}

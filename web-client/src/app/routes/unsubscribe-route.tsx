import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { UnsubscribePanel } from '@/features/notifications/components/unsubscribe-panel';
import { useFragmentToken } from './use-fragment-token';

/** Opened from an e-mail's "stop these e-mails" link: `/unsubscribe#token=…` (no session needed). */
export function UnsubscribeRoute() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  return (
    <Page narrow title={t('notifications.unsubscribe.title')}>
      <UnsubscribePanel token={token} />
    </Page>
  );
}

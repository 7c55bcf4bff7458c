import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { NewsletterUnsubscribePanel } from '@/features/campaigns/components/newsletter-unsubscribe-panel';
import { useFragmentToken } from './use-fragment-token';

/** Opened from a campaign e-mail's "unsubscribe" link: `/newsletter/unsubscribe#token=…` (no session needed). */
export function NewsletterUnsubscribeRoute() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  return (
    <Page narrow title={t('campaigns.unsubscribe.title')}>
      <NewsletterUnsubscribePanel token={token} />
    </Page>
  );
}

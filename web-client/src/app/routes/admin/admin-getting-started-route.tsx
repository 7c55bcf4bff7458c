import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { GettingStarted } from '@/features/onboarding/components/getting-started';

/** « Prise en main »: each staff role's onboarding from the source text, with its checklist ticking from real actions. */
export function AdminGettingStartedRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('onboarding.pageTitle')} intro={<p>{t('onboarding.pageIntro')}</p>}>
      <GettingStarted />
    </Page>
  );
}

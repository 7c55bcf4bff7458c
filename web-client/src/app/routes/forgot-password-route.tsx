import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  return (
    <Page narrow title={t('forgot.title')} intro={<p>{t('forgot.intro')}</p>}>
      <ForgotPasswordForm />
    </Page>
  );
}

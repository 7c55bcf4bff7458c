import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { RegisterForm } from '@/features/auth/components/register-form';

export function RegisterRoute() {
  const { t } = useTranslation();
  return (
    <Page narrow title={t('register.title')} intro={<p>{t('register.intro')}</p>}>
      <RegisterForm />
    </Page>
  );
}

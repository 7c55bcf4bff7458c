import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Page } from '@/components/layout/page';
import { RegisterForm } from '@/features/auth/components/register-form';
import { useSessionStatus } from '@/lib/auth/session-store';

export function RegisterRoute() {
  const { t } = useTranslation();
  const status = useSessionStatus();
  // Someone already logged in has an account: nothing to do here.
  if (status === 'authenticated') return <Navigate to="/profile" replace />;
  return (
    <Page narrow title={t('register.title')} intro={<p>{t('register.intro')}</p>}>
      <RegisterForm />
    </Page>
  );
}

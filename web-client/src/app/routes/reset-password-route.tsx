import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';
import { useFragmentToken } from './use-fragment-token';

export function ResetPasswordRoute() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  return (
    <Page narrow title={t('reset.title')}>
      <ResetPasswordForm token={token} />
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { ConfirmEmailInvalid, ConfirmEmailStatus } from '@/features/auth/components/confirm-email-status';
import { ResendConfirmationButton } from '@/features/auth/components/resend-confirmation-button';
import { useSessionStatus } from '@/lib/auth/session-store';
import { useFragmentToken } from './use-fragment-token';

export function ConfirmEmailRoute() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const loggedIn = useSessionStatus() === 'authenticated';
  const resend = <ResendConfirmationButton />;
  return (
    <Page narrow title={t('confirm.title')}>
      {token ? (
        <ConfirmEmailStatus token={token} loggedIn={loggedIn} resendAction={resend} />
      ) : (
        <ConfirmEmailInvalid loggedIn={loggedIn} resendAction={resend} />
      )}
    </Page>
  );
}

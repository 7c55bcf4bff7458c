import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';
import { useResendConfirmation } from '../api/auth';

/** For a signed-in user whose address is not confirmed yet. */
export function ResendConfirmationButton() {
  const { t } = useTranslation();
  const resend = useResendConfirmation();
  const apiError = resend.error ? toApiError(resend.error) : null;
  return (
    <div className="resend">
      <Button variant="secondary" pending={resend.isPending} onClick={() => resend.mutate()}>
        {t('confirm.resend')}
      </Button>
      <StatusMessage>{resend.isSuccess ? t('confirm.resent') : null}</StatusMessage>
      <div role="alert">
        {apiError ? (
          <p className="field__error">
            {describeError(t, apiError, {
              409: t('confirm.alreadyConfirmed'),
              429: t('confirm.resendTooSoon', { count: apiError.retryAfterSeconds ?? 20 }),
            })}
          </p>
        ) : null}
      </div>
    </div>
  );
}

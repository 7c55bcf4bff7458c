import { useTranslation } from 'react-i18next';
import { PasswordChangeForm } from '@/components/forms/password-change-form';
import { useChangeOwnPassword } from '../api/operator';

/**
 * The console person's own password. On success the session carries the new token (the earlier ones are refused from
 * then on); when the change was required, the whole console opens.
 */
export function OwnPasswordForm() {
  const { t } = useTranslation();
  return (
    <PasswordChangeForm
      change={useChangeOwnPassword()}
      idPrefix="operator-password"
      submitLabel={t('operator.password.submit')}
      doneMessage={t('operator.password.done')}
    />
  );
}

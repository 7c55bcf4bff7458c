import { useTranslation } from 'react-i18next';
import { PasswordChangeForm } from '@/components/forms/password-change-form';
import { useChangePassword } from '../api/profile';

/** The person's password in their profile: their other sessions end, this one goes on. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  return (
    <PasswordChangeForm
      change={useChangePassword()}
      idPrefix="password"
      title={t('profile.password.title')}
      submitLabel={t('profile.password.submit')}
      doneMessage={t('profile.password.done')}
    />
  );
}

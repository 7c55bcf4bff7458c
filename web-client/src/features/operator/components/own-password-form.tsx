import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, PASSWORD_MIN_LENGTH, type FieldErrors } from '@/lib/forms';
import { useChangeOwnPassword } from '../api/operator';

/**
 * The console person's own password: the current one, then a new one (not the same). On success the session carries the
 * new token (the earlier ones are refused from then on); when the change was required, the whole console opens.
 */
export function OwnPasswordForm() {
  const { t } = useTranslation();
  const change = useChangeOwnPassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const apiError = change.error ? toApiError(change.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'currentPassword', id: 'operator-password-current', label: t('fields.currentPassword') },
    { key: 'newPassword', id: 'operator-password-new', label: t('fields.newPassword') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!currentPassword) found.currentPassword = [t('forms.required')];
    if (newPassword.length < PASSWORD_MIN_LENGTH) found.newPassword = [t('forms.passwordTooShort', { min: PASSWORD_MIN_LENGTH })];
    else if (newPassword === currentPassword) found.newPassword = [t('operator.password.unchanged')];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      change.reset();
      return;
    }
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
        },
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <StatusMessage>{change.isSuccess ? t('operator.password.done') : null}</StatusMessage>
      <TextField
        id="operator-password-current"
        type="password"
        label={t('fields.currentPassword')}
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        errors={errors.currentPassword}
      />
      <TextField
        id="operator-password-new"
        type="password"
        label={t('fields.newPassword')}
        hint={t('forms.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
        errors={errors.newPassword}
      />
      <div className="form__actions">
        <Button type="submit" pending={change.isPending}>
          {t('operator.password.submit')}
        </Button>
      </div>
    </form>
  );
}

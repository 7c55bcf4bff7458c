import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, PASSWORD_MIN_LENGTH, type FieldErrors } from '@/lib/forms';
import { useResetPassword } from '../api/auth';

export function ResetPasswordForm({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const apiError = reset.error ? toApiError(reset.error) : null;

  if (!token || apiError?.status === 410) {
    return (
      <Alert variant="error" role="alert" title={t('reset.invalidTitle')}>
        <p>{t('reset.invalidBody')}</p>
        <p>
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </p>
      </Alert>
    );
  }

  if (reset.isSuccess) {
    return (
      <Alert variant="success" role="status" title={t('reset.doneTitle')}>
        <p>
          <Link to="/login">{t('reset.doneLogin')}</Link>
        </p>
      </Alert>
    );
  }

  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'newPassword', id: 'reset-new-password', label: t('fields.newPassword') },
    { key: 'confirmation', id: 'reset-confirmation', label: t('fields.confirmPassword') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (newPassword.length < PASSWORD_MIN_LENGTH) found.newPassword = [t('forms.passwordTooShort', { min: PASSWORD_MIN_LENGTH })];
    if (confirmation !== newPassword) found.confirmation = [t('forms.passwordsDiffer')];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      reset.reset();
      return;
    }
    reset.mutate({ token: token!, newPassword });
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <TextField
        id="reset-new-password"
        type="password"
        label={t('fields.newPassword')}
        hint={t('forms.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
        errors={errors.newPassword}
      />
      <TextField
        id="reset-confirmation"
        type="password"
        label={t('fields.confirmPassword')}
        autoComplete="new-password"
        required
        value={confirmation}
        onChange={(e) => setConfirmation(e.target.value)}
        errors={errors.confirmation}
      />
      <div className="form__actions">
        <Button type="submit" pending={reset.isPending}>
          {t('reset.submit')}
        </Button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { useRequestPasswordReset } from '../api/auth';

export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const apiError = request.error ? toApiError(request.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [{ key: 'email', id: 'forgot-email', label: t('fields.email') }];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!email.trim()) found.email = [t('forms.required')];
    setClientErrors(found);
    setSentTo(null);
    if (found.email) {
      request.reset();
      return;
    }
    const address = email.trim();
    request.mutate({ email: address }, { onSuccess: () => setSentTo(address) });
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <StatusMessage>{sentTo ? t('forgot.sent', { email: sentTo }) : null}</StatusMessage>
      <TextField
        id="forgot-email"
        type="email"
        label={t('fields.email')}
        autoComplete="email"
        inputMode="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={errors.email}
      />
      <div className="form__actions">
        <Button type="submit" pending={request.isPending}>
          {t('forgot.submit')}
        </Button>
        <Link to="/login">{t('forgot.backToLogin')}</Link>
      </div>
    </form>
  );
}

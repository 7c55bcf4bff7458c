import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { useOperatorLogin } from '../api/operator';

/** The console's own sign-in (operators and support staff): an operator session, never a city's. */
export function OperatorLoginForm() {
  const { t } = useTranslation();
  const login = useOperatorLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const apiError = login.error ? toApiError(login.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'email', id: 'operator-email', label: t('fields.email') },
    { key: 'password', id: 'operator-password', label: t('fields.password') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError, { 401: t('operator.wrongCredentials') });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!email.trim()) found.email = [t('forms.required')];
    if (!password) found.password = [t('forms.required')];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      login.reset();
      return;
    }
    login.mutate({ email: email.trim(), password });
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <TextField
        id="operator-email"
        type="email"
        label={t('fields.email')}
        autoComplete="username"
        inputMode="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={errors.email}
      />
      <TextField
        id="operator-password"
        type="password"
        label={t('fields.password')}
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        errors={errors.password}
      />
      <div className="form__actions">
        <Button type="submit" pending={login.isPending}>
          {login.isPending ? t('operator.submitting') : t('operator.submit')}
        </Button>
      </div>
    </form>
  );
}

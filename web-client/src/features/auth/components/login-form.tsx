import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { useLogin } from '../api/auth';

/** The login form; a page that shows it follows the session's status (or `onLoggedIn`) to move on. */
export function LoginForm({ onLoggedIn }: { onLoggedIn?: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const apiError = login.error ? toApiError(login.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'email', id: 'login-email', label: t('fields.email') },
    { key: 'password', id: 'login-password', label: t('fields.password') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError, { 401: t('login.wrongCredentials') });

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
    login.mutate({ email: email.trim(), password }, { onSuccess: () => onLoggedIn?.() });
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <TextField
        id="login-email"
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
        id="login-password"
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
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </Button>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </div>
      <p>
        {t('login.noAccount')} <Link to="/register">{t('nav.register')}</Link>
      </p>
    </form>
  );
}

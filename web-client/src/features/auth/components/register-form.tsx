import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, PASSWORD_MIN_LENGTH, type FieldErrors } from '@/lib/forms';
import { currentLanguage } from '@/lib/i18n';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '@/lib/i18n/languages';
import { currentTermsQueryOptions, useRegister } from '../api/auth';

interface RegisterValues {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  locale: string;
  newsletterConsent: boolean;
  acceptTerms: boolean;
}

export function RegisterForm() {
  const { t } = useTranslation();
  const register = useRegister();
  const [values, setValues] = useState<RegisterValues>(() => ({
    firstName: '',
    lastName: '',
    email: '',
    password: '',
    locale: currentLanguage(),
    newsletterConsent: false,
    acceptTerms: false,
  }));
  const terms = useQuery(currentTermsQueryOptions());
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const doneHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (register.isSuccess) doneHeading.current?.focus();
  }, [register.isSuccess]);

  if (register.isSuccess) {
    return (
      <section className="panel panel--success" aria-labelledby="register-done-title">
        <h2 id="register-done-title" ref={doneHeading} tabIndex={-1}>
          {t('register.done.title')}
        </h2>
        <p>{t('register.done.body', { email: values.email })}</p>
        <p>{t('register.done.spam')}</p>
        <p>
          <Link to="/login">{t('register.done.login')}</Link>
        </p>
      </section>
    );
  }

  const apiError = register.error ? toApiError(register.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  if (apiError?.status === 409 && !clientErrors.email && !errors.acceptedTermsVersion) errors.email = [t('register.emailTaken')];
  if (errors.acceptedTermsVersion) errors.acceptTerms = errors.acceptedTermsVersion;

  const fields = [
    { key: 'firstName', id: 'register-first-name', label: t('fields.firstName') },
    { key: 'lastName', id: 'register-last-name', label: t('fields.lastName') },
    { key: 'email', id: 'register-email', label: t('fields.email') },
    { key: 'password', id: 'register-password', label: t('fields.password') },
    { key: 'locale', id: 'register-locale', label: t('fields.preferredLanguage') },
    { key: 'acceptTerms', id: 'register-terms', label: t('register.terms') },
  ];

  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError?.fieldErrors.acceptedTermsVersion) summary = apiError.fieldErrors.acceptedTermsVersion.join(' ');
  else if (apiError) summary = describeError(t, apiError, { 409: t('register.emailTaken') });

  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.firstName.trim()) found.firstName = [t('forms.required')];
    if (!values.lastName.trim()) found.lastName = [t('forms.required')];
    if (!values.email.trim()) found.email = [t('forms.required')];
    if (values.password.length < PASSWORD_MIN_LENGTH) found.password = [t('forms.passwordTooShort', { min: PASSWORD_MIN_LENGTH })];
    if (!values.acceptTerms) found.acceptTerms = [t('register.termsRequired')];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      register.reset();
      return;
    }
    register.mutate({
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      email: values.email.trim(),
      password: values.password,
      locale: values.locale,
      newsletterConsent: values.newsletterConsent,
      acceptedTermsVersion: terms.data?.version,
    });
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <div className="form__row">
        <TextField
          id="register-first-name"
          label={t('fields.firstName')}
          autoComplete="given-name"
          required
          value={values.firstName}
          onChange={(e) => set('firstName')(e.target.value)}
          errors={errors.firstName}
        />
        <TextField
          id="register-last-name"
          label={t('fields.lastName')}
          autoComplete="family-name"
          required
          value={values.lastName}
          onChange={(e) => set('lastName')(e.target.value)}
          errors={errors.lastName}
        />
      </div>
      <TextField
        id="register-email"
        type="email"
        label={t('fields.email')}
        autoComplete="email"
        inputMode="email"
        required
        value={values.email}
        onChange={(e) => set('email')(e.target.value)}
        errors={errors.email}
      />
      <TextField
        id="register-password"
        type="password"
        label={t('fields.password')}
        hint={t('forms.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        value={values.password}
        onChange={(e) => set('password')(e.target.value)}
        errors={errors.password}
      />
      <SelectField
        id="register-locale"
        label={t('fields.preferredLanguage')}
        value={values.locale}
        onChange={(e) => set('locale')(e.target.value)}
        errors={errors.locale}
        options={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
      />
      <div className="choice">
        <input
          type="checkbox"
          id="register-newsletter"
          checked={values.newsletterConsent}
          onChange={(e) => setValues((v) => ({ ...v, newsletterConsent: e.target.checked }))}
        />
        <label htmlFor="register-newsletter">{t('register.newsletter')}</label>
      </div>
      <div className={`choice${errors.acceptTerms ? ' choice--invalid' : ''}`}>
        <input
          type="checkbox"
          id="register-terms"
          required
          checked={values.acceptTerms}
          aria-invalid={errors.acceptTerms ? true : undefined}
          aria-describedby={errors.acceptTerms ? 'register-terms-error' : undefined}
          onChange={(e) => setValues((v) => ({ ...v, acceptTerms: e.target.checked }))}
        />
        <label htmlFor="register-terms">
          {terms.data ? t('register.termsVersion', { version: terms.data.version }) : t('register.terms')}{' '}
          <Link to={`/pages/${t('consents.terms.slug')}`} target="_blank" rel="noopener">
            {t('register.termsRead')}
          </Link>
        </label>
      </div>
      {errors.acceptTerms ? (
        <p className="field__error" id="register-terms-error">
          {errors.acceptTerms.join(' ')}
        </p>
      ) : null}
      <div className="form__actions">
        <Button type="submit" pending={register.isPending}>
          {register.isPending ? t('register.submitting') : t('register.submit')}
        </Button>
      </div>
      <Alert variant="info">
        <p>
          {t('register.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
        </p>
      </Alert>
    </form>
  );
}

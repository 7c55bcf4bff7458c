import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LookupInvitationResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { formatDate } from '@/lib/format';
import { erroredFields, mergeFieldErrors, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type FieldErrors } from '@/lib/forms';
import { isLanguage, LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '@/lib/i18n/languages';
import { localizedName } from '@/lib/roles';
import { lookupInvitationQueryOptions, useAcceptInvitation } from '../api/invitations';

export interface InvitationAcceptanceProps {
  token: string;
  /** The signed-in user's address; null when nobody is signed in, undefined while it loads. */
  currentEmail: string | null | undefined;
  /** The new session is stored: go on to the workspace. */
  onAccepted: () => void;
  /** Log in as the invited person, then come back here. */
  loginAction: ReactNode;
  /** Log out of another account. */
  logoutAction: ReactNode;
}

/** The link is used, expired, revoked or never existed: one message, no detail. */
export function InvitationInvalid() {
  const { t } = useTranslation();
  return (
    <Alert variant="error" role="alert" title={t('invitation.invalidTitle')}>
      <p>{t('invitation.invalidBody')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Alert>
  );
}

export function InvitationAcceptance({ token, currentEmail, onAccepted, loginAction, logoutAction }: InvitationAcceptanceProps) {
  const { t } = useTranslation();
  const lookup = useQuery(lookupInvitationQueryOptions(token));
  const accept = useAcceptInvitation();

  if (lookup.isPending || currentEmail === undefined) return <Loading label={t('common.loading')} />;
  if (lookup.isError) {
    const error = toApiError(lookup.error);
    if (error.status === 410 || error.status === 400) return <InvitationInvalid />;
    return <Alert variant="error" role="alert" title={describeError(t, error)} />;
  }
  const acceptError = accept.error ? toApiError(accept.error) : null;
  if (acceptError?.status === 410) return <InvitationInvalid />;

  const invitation = lookup.data;
  const sameAccount = currentEmail !== null && currentEmail.toLowerCase() === invitation.email.toLowerCase();

  let action: ReactNode;
  if (currentEmail !== null && !sameAccount) {
    action = (
      <Alert variant="warning" title={t('invitation.otherAccountTitle', { email: invitation.email })}>
        <p>{t('invitation.otherAccountBody', { current: currentEmail, email: invitation.email })}</p>
        {logoutAction}
      </Alert>
    );
  } else if (sameAccount) {
    action = (
      <div className="stack">
        <div role="alert">{acceptError ? <Alert variant="error" title={describeError(t, acceptError)} /> : null}</div>
        <p>{t('invitation.acceptSignedIn', { email: invitation.email })}</p>
        <div className="form__actions">
          <Button pending={accept.isPending} onClick={() => accept.mutate({ token }, { onSuccess: onAccepted })}>
            {t('invitation.accept')}
          </Button>
        </div>
      </div>
    );
  } else if (invitation.accountExists) {
    action = (
      <Alert variant="info" title={t('invitation.loginTitle', { email: invitation.email })}>
        <p>{t('invitation.loginBody')}</p>
        {loginAction}
      </Alert>
    );
  } else {
    action = <NewAccountForm token={token} invitation={invitation} accept={accept} onAccepted={onAccepted} loginAction={loginAction} />;
  }

  return (
    <div className="stack">
      <InvitationSummary invitation={invitation} />
      <section className="panel" aria-labelledby="invitation-action-title">
        <h2 id="invitation-action-title">{t('invitation.actionTitle')}</h2>
        {action}
      </section>
    </div>
  );
}

function InvitationSummary({ invitation }: { invitation: LookupInvitationResponse }) {
  const { t, i18n } = useTranslation();
  const role = t(`roles.${invitation.role}`, { defaultValue: invitation.role });
  const scope = invitation.scopeName ? localizedName(invitation.scopeName, i18n.language) : null;
  return (
    <section className="panel" aria-labelledby="invitation-summary-title">
      <h2 id="invitation-summary-title">{t('invitation.summaryTitle')}</h2>
      <p className="lead">
        {invitation.inviterName
          ? t('invitation.invitedBy', { inviter: invitation.inviterName, role })
          : t('invitation.invitedAnonymous', { role })}
      </p>
      <dl className="details">
        <div className="details__row">
          <dt>{t('invitation.role')}</dt>
          <dd>{role}</dd>
        </div>
        <div className="details__row">
          <dt>{t('invitation.scope')}</dt>
          <dd>{scope ?? t(`invitation.scopes.${invitation.scopeType}`, { defaultValue: invitation.scopeType })}</dd>
        </div>
        <div className="details__row">
          <dt>{t('fields.email')}</dt>
          <dd className="details__email">{invitation.email}</dd>
        </div>
        <div className="details__row">
          <dt>{t('invitation.validUntil')}</dt>
          <dd>{formatDate(invitation.expiresAt, i18n.language)}</dd>
        </div>
      </dl>
      {invitation.message ? (
        <figure className="quote">
          <figcaption>{t('invitation.messageFrom', { inviter: invitation.inviterName || t('invitation.theInviter') })}</figcaption>
          {/* Plain text: React escapes it; line breaks are kept by CSS. */}
          <blockquote className="quote__text">{invitation.message}</blockquote>
        </figure>
      ) : null}
    </section>
  );
}

interface NewAccountFormProps {
  token: string;
  invitation: LookupInvitationResponse;
  accept: ReturnType<typeof useAcceptInvitation>;
  onAccepted: () => void;
  loginAction: ReactNode;
}

function NewAccountForm({ token, invitation, accept, onAccepted, loginAction }: NewAccountFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => ({
    firstName: invitation.firstName ?? '',
    lastName: invitation.lastName ?? '',
    password: '',
    locale: isLanguage(invitation.locale) ? invitation.locale : 'fr',
  }));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const apiError = accept.error ? toApiError(accept.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'firstName', id: 'accept-first-name', label: t('fields.firstName') },
    { key: 'lastName', id: 'accept-last-name', label: t('fields.lastName') },
    { key: 'password', id: 'accept-password', label: t('fields.password') },
    { key: 'locale', id: 'accept-locale', label: t('fields.preferredLanguage') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.firstName.trim()) found.firstName = [t('forms.required')];
    if (!values.lastName.trim()) found.lastName = [t('forms.required')];
    if (values.password.length < PASSWORD_MIN_LENGTH) found.password = [t('forms.passwordTooShort', { min: PASSWORD_MIN_LENGTH })];
    else if (values.password.length > PASSWORD_MAX_LENGTH) found.password = [t('forms.passwordTooLong', { max: PASSWORD_MAX_LENGTH })];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      accept.reset();
      return;
    }
    accept.mutate(
      { token, firstName: values.firstName.trim(), lastName: values.lastName.trim(), password: values.password, locale: values.locale },
      { onSuccess: onAccepted },
    );
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <p>{t('invitation.createIntro', { email: invitation.email })}</p>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      {apiError?.status === 409 ? loginAction : null}
      <div className="form__row">
        <TextField
          id="accept-first-name"
          label={t('fields.firstName')}
          autoComplete="given-name"
          required
          value={values.firstName}
          onChange={(e) => set('firstName')(e.target.value)}
          errors={errors.firstName}
        />
        <TextField
          id="accept-last-name"
          label={t('fields.lastName')}
          autoComplete="family-name"
          required
          value={values.lastName}
          onChange={(e) => set('lastName')(e.target.value)}
          errors={errors.lastName}
        />
      </div>
      {/* Lets password managers file the new password under the invited address. */}
      <input type="hidden" name="username" autoComplete="username" value={invitation.email} readOnly />
      <TextField
        id="accept-password"
        type="password"
        label={t('fields.password')}
        hint={t('invitation.passwordHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
        value={values.password}
        onChange={(e) => set('password')(e.target.value)}
        errors={errors.password}
      />
      <SelectField
        id="accept-locale"
        label={t('fields.preferredLanguage')}
        value={values.locale}
        onChange={(e) => set('locale')(e.target.value)}
        errors={errors.locale}
        options={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
      />
      <div className="form__actions">
        <Button type="submit" pending={accept.isPending}>
          {t('invitation.createSubmit')}
        </Button>
      </div>
    </form>
  );
}

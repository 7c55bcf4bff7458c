import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Loading } from '@/components/ui/loading';
import { TextField } from '@/components/ui/text-field';
import { formatDate } from '@/lib/format';
import { erroredFields, mergeFieldErrors, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type FieldErrors } from '@/lib/forms';
import { currentLanguage } from '@/lib/i18n';
import { operatorInvitationQueryOptions, useAcceptOperatorInvitation } from '../api/operator';

/** The link is used, expired, replaced by a newer one or withdrawn: one message, no detail. */
export function OperatorInvitationInvalid() {
  const { t } = useTranslation();
  return (
    <Alert variant="error" role="alert" title={t('operator.invitation.invalidTitle')}>
      <p>{t('operator.invitation.invalidBody')}</p>
      <p>
        <Link to="/operator">{t('operator.invitation.signIn')}</Link>
      </p>
    </Alert>
  );
}

/**
 * The console invitation's page: who is invited, as what, with which address, until when; the person chooses their
 * password (typed twice) and the answer's session signs them in (<paramref name="onAccepted"/>: on to the console).
 */
export function OperatorInvitation({ token, onAccepted }: { token: string; onAccepted: () => void }) {
  const { t } = useTranslation();
  const lookup = useQuery(operatorInvitationQueryOptions(token));
  const accept = useAcceptOperatorInvitation();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  if (lookup.isPending) return <Loading label={t('common.loading')} />;
  if (lookup.isError) {
    const error = toApiError(lookup.error);
    if (error.status === 410 || error.status === 400) return <OperatorInvitationInvalid />;
    return <Alert variant="error" role="alert" title={describeError(t, error)} />;
  }
  const acceptError = accept.error ? toApiError(accept.error) : null;
  if (acceptError?.status === 410) return <OperatorInvitationInvalid />;

  const invitation = lookup.data;
  const errors = mergeFieldErrors(acceptError, clientErrors);
  const fields = [
    { key: 'password', id: 'operator-invitation-password', label: t('operator.invitation.password') },
    { key: 'confirmation', id: 'operator-invitation-confirm', label: t('operator.invitation.confirm') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (acceptError) summary = describeError(t, acceptError);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (password.length < PASSWORD_MIN_LENGTH) found.password = [t('forms.passwordTooShort', { min: PASSWORD_MIN_LENGTH })];
    else if (confirmation !== password) found.confirmation = [t('operator.invitation.mismatch')];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      accept.reset();
      return;
    }
    accept.mutate({ token, password }, { onSuccess: onAccepted });
  }

  return (
    <div className="stack">
      <p>{t('operator.invitation.intro', { name: invitation.displayName, role: t(`operator.roles.${invitation.role}`) })}</p>
      <p>
        {t('operator.invitation.signInWith', {
          email: invitation.email,
          date: formatDate(invitation.expiresAt, currentLanguage()),
        })}
      </p>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
        {/* The address, for password managers: the account they save is this one. */}
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        <TextField
          id="operator-invitation-password"
          type="password"
          autoComplete="new-password"
          label={t('operator.invitation.password')}
          hint={t('forms.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          maxLength={PASSWORD_MAX_LENGTH}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={errors.password}
        />
        <TextField
          id="operator-invitation-confirm"
          type="password"
          autoComplete="new-password"
          label={t('operator.invitation.confirm')}
          maxLength={PASSWORD_MAX_LENGTH}
          required
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
          errors={errors.confirmation}
        />
        <div className="form__actions">
          <Button type="submit" pending={accept.isPending}>
            {t('operator.invitation.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

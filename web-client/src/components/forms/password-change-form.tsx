import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, PASSWORD_MIN_LENGTH, type FieldErrors } from '@/lib/forms';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export interface PasswordChangeFormProps {
  /** The change (a city person's or a console person's); its field errors show next to the fields. */
  change: UseMutationResult<unknown, unknown, PasswordChange>;
  /** Prefix of the fields' ids (two such forms never share a page, but their ids stay distinct). */
  idPrefix: string;
  submitLabel: string;
  doneMessage: string;
  /** A heading inside the form, which names it. */
  title?: string;
}

/**
 * A password change: the current password, then a new one (long enough, and not the same); the API's answers (a wrong
 * current password…) next to their fields, and the outcome announced.
 */
export function PasswordChangeForm({ change, idPrefix, submitLabel, doneMessage, title }: PasswordChangeFormProps) {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const apiError = change.error ? toApiError(change.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'currentPassword', id: `${idPrefix}-current`, label: t('fields.currentPassword') },
    { key: 'newPassword', id: `${idPrefix}-new`, label: t('fields.newPassword') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!currentPassword) found.currentPassword = [t('forms.required')];
    if (newPassword.length < PASSWORD_MIN_LENGTH) found.newPassword = [t('forms.passwordTooShort', { min: PASSWORD_MIN_LENGTH })];
    else if (newPassword === currentPassword) found.newPassword = [t('forms.passwordUnchanged')];
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

  const titleId = `${idPrefix}-title`;
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={title ? titleId : undefined}>
      {title ? <h2 id={titleId}>{title}</h2> : null}
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <StatusMessage>{change.isSuccess ? doneMessage : null}</StatusMessage>
      <TextField
        id={`${idPrefix}-current`}
        type="password"
        label={t('fields.currentPassword')}
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        errors={errors.currentPassword}
      />
      <TextField
        id={`${idPrefix}-new`}
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
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetMeResponse, UpdateMeRequest } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '@/lib/i18n/languages';
import { useUpdateMe } from '../api/profile';

export interface ProfileFormProps {
  profile: GetMeResponse;
  onSaved: (saved: GetMeResponse) => void;
}

export function ProfileForm({ profile, onSaved }: ProfileFormProps) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [values, setValues] = useState({ firstName: profile.firstName, lastName: profile.lastName, locale: profile.locale });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const apiError = update.error ? toApiError(update.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'firstName', id: 'profile-first-name', label: t('fields.firstName') },
    { key: 'lastName', id: 'profile-last-name', label: t('fields.lastName') },
    { key: 'locale', id: 'profile-locale', label: t('fields.preferredLanguage') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.firstName.trim()) found.firstName = [t('forms.required')];
    if (!values.lastName.trim()) found.lastName = [t('forms.required')];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      update.reset();
      return;
    }
    // Send only what changed, so a language switched elsewhere meanwhile is not overwritten.
    const request: UpdateMeRequest = {};
    if (values.firstName.trim() !== profile.firstName) request.firstName = values.firstName.trim();
    if (values.lastName.trim() !== profile.lastName) request.lastName = values.lastName.trim();
    if (values.locale !== profile.locale) request.locale = values.locale;
    update.mutate(request, { onSuccess: onSaved });
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="profile-edit-title">
      <h2 id="profile-edit-title">{t('profile.edit.title')}</h2>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <div className="form__row">
        <TextField
          id="profile-first-name"
          label={t('fields.firstName')}
          autoComplete="given-name"
          required
          value={values.firstName}
          onChange={(e) => setValues((v) => ({ ...v, firstName: e.target.value }))}
          errors={errors.firstName}
        />
        <TextField
          id="profile-last-name"
          label={t('fields.lastName')}
          autoComplete="family-name"
          required
          value={values.lastName}
          onChange={(e) => setValues((v) => ({ ...v, lastName: e.target.value }))}
          errors={errors.lastName}
        />
      </div>
      <SelectField
        id="profile-locale"
        label={t('fields.preferredLanguage')}
        value={values.locale}
        onChange={(e) => setValues((v) => ({ ...v, locale: e.target.value }))}
        errors={errors.locale}
        options={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
      />
      <div className="form__actions">
        <Button type="submit" pending={update.isPending}>
          {t('profile.edit.submit')}
        </Button>
      </div>
    </form>
  );
}

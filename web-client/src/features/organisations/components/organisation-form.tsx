import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { safeExternalUrl } from '@/lib/urls';

export interface OrganisationFormValue {
  name: string;
  description: string;
  website: string;
}

export interface OrganisationFormProps {
  initial?: OrganisationFormValue;
  /** Editing a verified organisation: a new name sends it back to review, so say so before. */
  verified?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onResetError: () => void;
  onSubmit: (value: OrganisationFormValue) => void;
  onCancel?: () => void;
}

const NAME_MAX = 120;
const DESCRIPTION_MAX = 2000;

/** An organisation's name, description (plain text) and website. */
export function OrganisationForm({
  initial,
  verified,
  submitLabel,
  pending,
  error,
  onResetError,
  onSubmit,
  onCancel,
}: OrganisationFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState<OrganisationFormValue>(initial ?? { name: '', description: '', website: '' });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const apiError = error ? toApiError(error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const renaming = !!initial && verified && value.name.trim().toLowerCase() !== initial.name.trim().toLowerCase();
  const fields = [
    { key: 'name', id: 'organisation-name', label: t('organisations.form.name') },
    { key: 'description', id: 'organisation-description', label: t('organisations.form.description') },
    { key: 'website', id: 'organisation-website', label: t('organisations.form.website') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError, { 409: t('organisations.form.nameTaken') });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    const name = value.name.trim();
    if (!name) found.name = [t('forms.required')];
    else if (name.length < 2 || name.length > NAME_MAX) found.name = [t('organisations.form.nameLength', { max: NAME_MAX })];
    if (value.description.length > DESCRIPTION_MAX) found.description = [t('forms.tooLong', { max: DESCRIPTION_MAX })];
    if (value.website.trim() && !safeExternalUrl(value.website)) found.website = [t('organisations.form.websiteInvalid')];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      onResetError();
      return;
    }
    onSubmit(value);
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <TextField
        id="organisation-name"
        label={t('organisations.form.name')}
        required
        maxLength={NAME_MAX}
        autoComplete="organization"
        value={value.name}
        onChange={(e) => setValue((v) => ({ ...v, name: e.target.value }))}
        errors={errors.name}
      />
      {renaming ? (
        <Alert variant="warning" role="status" title={t('organisations.form.renameWarningTitle')}>
          <p>{t('organisations.form.renameWarning')}</p>
        </Alert>
      ) : null}
      <TextAreaField
        id="organisation-description"
        label={t('organisations.form.description')}
        hint={t('organisations.form.descriptionHint', { max: DESCRIPTION_MAX })}
        rows={6}
        maxLength={DESCRIPTION_MAX}
        value={value.description}
        onChange={(e) => setValue((v) => ({ ...v, description: e.target.value }))}
        errors={errors.description}
      />
      <TextField
        id="organisation-website"
        type="url"
        inputMode="url"
        label={t('organisations.form.website')}
        hint={t('organisations.form.websiteHint')}
        value={value.website}
        onChange={(e) => setValue((v) => ({ ...v, website: e.target.value }))}
        errors={errors.website}
      />
      <div className="form__actions">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

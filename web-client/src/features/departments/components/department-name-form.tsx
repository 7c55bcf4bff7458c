import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextField } from '@/components/ui/text-field';
import { mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { SUPPORTED_LANGUAGES } from '@/lib/i18n/languages';
import type { LocalizedName } from '../api/departments';

export const DEPARTMENT_NAME_MAX = 120;

export interface DepartmentNameFormProps {
  idPrefix: string;
  initial?: LocalizedName;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (name: LocalizedName) => void;
  onCancel?: () => void;
  /** Clears the mutation's error when the user fixes things on the client side. */
  onResetError: () => void;
}

/** A department's name in French (required), Dutch and English (optional). */
export function DepartmentNameForm({
  idPrefix,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  onResetError,
}: DepartmentNameFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState<LocalizedName>(() => ({ fr: initial?.fr ?? '', nl: initial?.nl ?? '', en: initial?.en ?? '' }));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const apiError = error ? toApiError(error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  // The API reports every name problem under "name": show it beside the required French name.
  const nameErrors = [...(errors.name ?? []), ...(errors['name.fr'] ?? [])];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!name.fr.trim()) found.name = [t('departments.frRequired')];
    for (const language of SUPPORTED_LANGUAGES)
      if ((name[language] ?? '').trim().length > DEPARTMENT_NAME_MAX) found.name = [t('forms.tooLong', { max: DEPARTMENT_NAME_MAX })];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      onResetError();
      return;
    }
    onSubmit(name);
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary
        message={summary}
        fields={summary && nameErrors.length > 0 ? [{ id: `${idPrefix}-fr`, label: t('departments.nameIn.fr') }] : []}
      />
      <div className="form__row form__row--3">
        {SUPPORTED_LANGUAGES.map((language) => (
          <TextField
            key={language}
            id={`${idPrefix}-${language}`}
            lang={language}
            label={t(`departments.nameIn.${language}`)}
            required={language === 'fr'}
            maxLength={DEPARTMENT_NAME_MAX}
            value={name[language] ?? ''}
            onChange={(e) => setName((n) => ({ ...n, [language]: e.target.value }))}
            errors={language === 'fr' && nameErrors.length > 0 ? nameErrors : undefined}
          />
        ))}
      </div>
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

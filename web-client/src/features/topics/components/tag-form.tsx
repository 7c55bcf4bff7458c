import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { SUPPORTED_LANGUAGES } from '@/lib/i18n/languages';
import type { TagDraft, TagKind } from '../api/topics';

export const TAG_NAME_MAX = 60;

export interface TagFormProps {
  kind: TagKind;
  idPrefix: string;
  initial?: TagDraft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: TagDraft) => void;
  onCancel?: () => void;
  onResetError: () => void;
}

const EMPTY: TagDraft = { name: {}, description: {}, geometry: '' };

/** A topic's or an area's name in French (required), Dutch and English; for an area, its GeoJSON polygon (optional). */
export function TagForm({ kind, idPrefix, initial, submitLabel, pending, error, onSubmit, onCancel, onResetError }: TagFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TagDraft>(initial ?? EMPTY);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const apiError = error ? toApiError(error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const nameErrors = [...(errors.name ?? []), ...(errors['name.fr'] ?? [])];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError, { 409: t('topics.conflict') });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!(draft.name.fr ?? '').trim()) found.name = [t('topics.frRequired')];
    for (const language of SUPPORTED_LANGUAGES)
      if ((draft.name[language] ?? '').trim().length > TAG_NAME_MAX) found.name = [t('forms.tooLong', { max: TAG_NAME_MAX })];
    if (kind === 'areas' && draft.geometry.trim()) {
      try {
        JSON.parse(draft.geometry);
      } catch {
        found.geometry = [t('topics.geometryNotJson')];
      }
    }
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      onResetError();
      return;
    }
    onSubmit(draft);
  }

  const fields = [
    ...(nameErrors.length > 0 ? [{ id: `${idPrefix}-fr`, label: t('topics.nameIn.fr') }] : []),
    ...(errors.geometry ? [{ id: `${idPrefix}-geometry`, label: t('topics.geometry') }] : []),
  ];

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} fields={summary ? fields : []} />
      <div className="form__row form__row--3">
        {SUPPORTED_LANGUAGES.map((language) => (
          <TextField
            key={language}
            id={`${idPrefix}-${language}`}
            lang={language}
            label={t(`topics.nameIn.${language}`)}
            required={language === 'fr'}
            maxLength={TAG_NAME_MAX}
            value={draft.name[language] ?? ''}
            onChange={(e) => setDraft((d) => ({ ...d, name: { ...d.name, [language]: e.target.value } }))}
            errors={language === 'fr' && nameErrors.length > 0 ? nameErrors : undefined}
          />
        ))}
      </div>
      <TextField
        id={`${idPrefix}-description`}
        label={t('topics.description')}
        maxLength={500}
        value={draft.description.fr ?? ''}
        onChange={(e) => setDraft((d) => ({ ...d, description: { ...d.description, fr: e.target.value } }))}
        errors={errors.description}
      />
      {kind === 'areas' ? (
        <TextAreaField
          id={`${idPrefix}-geometry`}
          label={t('topics.geometry')}
          hint={t('topics.geometryHint')}
          rows={4}
          value={draft.geometry}
          onChange={(e) => setDraft((d) => ({ ...d, geometry: e.target.value }))}
          errors={errors.geometry}
        />
      ) : null}
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

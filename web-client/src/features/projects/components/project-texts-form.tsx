import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { ToggleChips, type ToggleChipOption } from '@/components/ui/toggle-chips';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { SUPPORTED_LANGUAGES, type Language } from '@/lib/i18n/languages';

export const TEXT_FIELDS = ['title', 'summary', 'description', 'goals', 'targetAudience'] as const;
export type TextField_ = (typeof TEXT_FIELDS)[number];
export type ProjectTexts = Record<TextField_, Record<Language, string>>;

const LIMITS: Record<TextField_, number> = { title: 160, summary: 300, description: 50_000, goals: 20_000, targetAudience: 300 };
const RICH: TextField_[] = ['description', 'goals'];

export function emptyTexts(): ProjectTexts {
  const blank = () => ({ fr: '', nl: '', en: '' });
  return { title: blank(), summary: blank(), description: blank(), goals: blank(), targetAudience: blank() };
}

export function textsFrom(source: Partial<Record<TextField_, Record<string, string>>>): ProjectTexts {
  const texts = emptyTexts();
  for (const field of TEXT_FIELDS) for (const l of SUPPORTED_LANGUAGES) texts[field][l] = source[field]?.[l] ?? '';
  return texts;
}

/** Filled fields per language, for the completeness indicator. */
export function completeness(texts: ProjectTexts): Record<Language, number> {
  const result = { fr: 0, nl: 0, en: 0 } as Record<Language, number>;
  for (const l of SUPPORTED_LANGUAGES) result[l] = TEXT_FIELDS.filter((f) => texts[f][l].trim()).length;
  return result;
}

/** The API's shape: only the languages filled in. */
export function cleanLocalized(text: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(text)
      .filter(([, v]) => v.trim())
      .map(([k, v]) => [k, v.trim()]),
  );
}

/** The API's limits: 10 topics, 20 areas per project. */
export const TOPICS_MAX = 10;
export const AREAS_MAX = 20;

/** A project's tags, chosen from the admins' lists. */
export interface ProjectTags {
  topicIds: string[];
  areaIds: string[];
}

/** The API names a tag's error `topicIds[1]`: show them all beside the field. */
function withTagErrors(errors: FieldErrors): FieldErrors {
  const result = { ...errors };
  for (const key of ['topicIds', 'areaIds']) {
    const found = Object.entries(errors)
      .filter(([k]) => k === key || k.startsWith(`${key}[`) || (key === 'topicIds' && k === 'topics'))
      .flatMap(([, v]) => v);
    if (found.length > 0) result[key] = Array.from(new Set(found));
  }
  return result;
}

export interface ProjectTextsFormProps {
  idPrefix: string;
  initial: ProjectTexts;
  initialTags: ProjectTags;
  /** The topics and areas offered (active ones and those already on the project); none: no such field. */
  topicOptions: readonly ToggleChipOption[];
  areaOptions: readonly ToggleChipOption[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onResetError: () => void;
  onSubmit: (texts: ProjectTexts, tags: ProjectTags) => void;
  /** Fields before the texts (the department picker when creating). */
  before?: ReactNode;
  /** Errors for fields in `before`, listed in the summary. */
  extraFields?: { key: string; id: string; label: string }[];
  /** Client-side problems of the fields in `before`. */
  validateExtra?: () => FieldErrors;
}

/** A project's multilingual texts, one language at a time, with how complete each language is. */
export function ProjectTextsForm(props: ProjectTextsFormProps) {
  const {
    idPrefix,
    initial,
    initialTags,
    topicOptions,
    areaOptions,
    submitLabel,
    pending,
    error,
    onResetError,
    onSubmit,
    before,
    extraFields = [],
    validateExtra,
  } = props;
  const { t } = useTranslation();
  const [texts, setTexts] = useState<ProjectTexts>(initial);
  const [tags, setTags] = useState<ProjectTags>(initialTags);
  const [language, setLanguage] = useState<Language>('fr');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const apiError = error ? toApiError(error) : null;
  const errors = withTagErrors(mergeFieldErrors(apiError, clientErrors));
  const done = completeness(texts);
  const languageName = (l: Language) => t(`projects.editor.languages.${l}`);
  const fieldLabel = (field: TextField_) => t(`projects.editor.fields.${field}`, { language: languageName(language) });

  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);
  const summaryFields = erroredFields(errors, [
    ...extraFields,
    ...TEXT_FIELDS.map((f) => ({ key: f, id: `${idPrefix}-${f}`, label: fieldLabel(f) })),
    { key: 'topicIds', id: `${idPrefix}-topics`, label: t('projects.editor.topics') },
    { key: 'areaIds', id: `${idPrefix}-areas`, label: t('projects.editor.areas') },
  ]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = { ...(validateExtra?.() ?? {}) };
    if (!texts.title.fr.trim()) found.title = [t('projects.editor.titleFrRequired')];
    for (const field of TEXT_FIELDS)
      for (const l of SUPPORTED_LANGUAGES)
        if (texts[field][l].length > LIMITS[field]) found[field] = [t('forms.tooLong', { max: LIMITS[field] })];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      onResetError();
      if (found.title && !texts.title.fr.trim()) setLanguage('fr');
      return;
    }
    onSubmit(texts, tags);
  }

  const set = (field: TextField_, value: string) =>
    setTexts((current) => ({ ...current, [field]: { ...current[field], [language]: value } }));

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} fields={summary ? summaryFields : []} />
      {before}
      <fieldset className="fieldset fieldset--plain">
        <legend className="field__label">{t('projects.editor.language')}</legend>
        <div className="language-choice">
          {SUPPORTED_LANGUAGES.map((l) => (
            <div className="choice language-choice__option" key={l}>
              <input
                type="radio"
                id={`${idPrefix}-language-${l}`}
                name={`${idPrefix}-language`}
                value={l}
                checked={language === l}
                onChange={() => setLanguage(l)}
              />
              <label htmlFor={`${idPrefix}-language-${l}`}>
                {languageName(l)}{' '}
                <span
                  className={`badge ${done[l] === TEXT_FIELDS.length ? 'badge--success' : done[l] === 0 ? 'badge--warning' : 'badge--neutral'}`}
                >
                  {t('projects.editor.completeness', { done: done[l], total: TEXT_FIELDS.length })}
                </span>
              </label>
            </div>
          ))}
        </div>
        <p className="field__hint">{t('projects.editor.languageHint')}</p>
      </fieldset>
      {TEXT_FIELDS.map((field) => {
        const id = `${idPrefix}-${field}`;
        const common = {
          id,
          lang: language,
          label: fieldLabel(field),
          value: texts[field][language],
          errors: errors[field],
          required: field === 'title' && language === 'fr',
        };
        if (field === 'title')
          return (
            <TextField key={`${field}-${language}`} {...common} maxLength={LIMITS.title} onChange={(e) => set(field, e.target.value)} />
          );
        if (RICH.includes(field))
          return (
            <RichTextEditor key={`${field}-${language}`} {...common} hint={t('projects.editor.richHint')} onChange={(v) => set(field, v)} />
          );
        return (
          <TextAreaField
            key={`${field}-${language}`}
            {...common}
            rows={3}
            maxLength={LIMITS[field]}
            onChange={(e) => set(field, e.target.value)}
          />
        );
      })}
      {topicOptions.length > 0 ? (
        <ToggleChips
          id={`${idPrefix}-topics`}
          legend={t('projects.editor.topics')}
          hint={t('projects.editor.topicsHint', { max: TOPICS_MAX })}
          options={topicOptions}
          selected={tags.topicIds}
          max={TOPICS_MAX}
          onChange={(topicIds) => setTags((current) => ({ ...current, topicIds }))}
          errors={errors.topicIds}
        />
      ) : null}
      {areaOptions.length > 0 ? (
        <ToggleChips
          id={`${idPrefix}-areas`}
          legend={t('projects.editor.areas')}
          hint={t('projects.editor.areasHint')}
          options={areaOptions}
          selected={tags.areaIds}
          max={AREAS_MAX}
          onChange={(areaIds) => setTags((current) => ({ ...current, areaIds }))}
          errors={errors.areaIds}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

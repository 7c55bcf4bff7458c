import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitySummary } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { useCreateCity } from '../api/operator';

const LANGUAGES = ['fr', 'nl', 'en'] as const;

/** The addresses typed one per line (or separated by commas), as the API takes them. */
export function parseDomains(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d.length > 0);
}

/** Opens a city: name, identifier, addresses, languages and the first admin, who is invited by e-mail. */
export function CreateCityForm({ onCreated }: { onCreated: (city: CitySummary) => void }) {
  const { t } = useTranslation();
  const create = useCreateCity();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [domains, setDomains] = useState('');
  const [languages, setLanguages] = useState<string[]>(['fr']);
  const [defaultLanguage, setDefaultLanguage] = useState('fr');
  const [adminEmail, setAdminEmail] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const apiError = create.error ? toApiError(create.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'name', id: 'city-name', label: t('operator.create.name') },
    { key: 'slug', id: 'city-slug', label: t('operator.create.slug') },
    { key: 'domains', id: 'city-domains', label: t('operator.create.domains') },
    { key: 'languages', id: 'city-language-fr', label: t('operator.create.languages') },
    { key: 'defaultLanguage', id: 'city-default-language', label: t('operator.create.defaultLanguage') },
    { key: 'adminEmail', id: 'city-admin-email', label: t('operator.create.adminEmail') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError, { 409: t('operator.create.conflict') });

  function toggle(language: string, on: boolean) {
    const next = on ? [...languages, language] : languages.filter((l) => l !== language);
    setLanguages(LANGUAGES.filter((l) => next.includes(l)));
    if (!next.includes(defaultLanguage) && next.length > 0) setDefaultLanguage(next[0]);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    const required = [t('forms.required')];
    if (!name.trim()) found.name = required;
    if (!slug.trim()) found.slug = required;
    if (parseDomains(domains).length === 0) found.domains = required;
    if (languages.length === 0) found.languages = required;
    if (!adminEmail.trim()) found.adminEmail = required;
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      create.reset();
      return;
    }
    create.mutate(
      { name: name.trim(), slug: slug.trim(), domains: parseDomains(domains), languages, defaultLanguage, adminEmail: adminEmail.trim() },
      { onSuccess: (city) => onCreated(city) },
    );
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <TextField
        id="city-name"
        label={t('operator.create.name')}
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={errors.name}
      />
      <TextField
        id="city-slug"
        label={t('operator.create.slug')}
        hint={t('operator.create.slugHint')}
        required
        value={slug}
        onChange={(e) => setSlug(e.target.value)}
        errors={errors.slug}
      />
      <TextAreaField
        id="city-domains"
        label={t('operator.create.domains')}
        hint={t('operator.create.domainsHint')}
        required
        rows={3}
        value={domains}
        onChange={(e) => setDomains(e.target.value)}
        errors={errors.domains}
      />
      <fieldset className={errors.languages?.length ? 'fieldset field--invalid' : 'fieldset'}>
        <legend className="fieldset__legend">{t('operator.create.languages')}</legend>
        {errors.languages?.length ? (
          <p className="field__error" id="city-languages-error">
            {errors.languages.join(' ')}
          </p>
        ) : null}
        {LANGUAGES.map((language) => (
          <div className="choice" key={language}>
            <input
              type="checkbox"
              id={`city-language-${language}`}
              checked={languages.includes(language)}
              aria-describedby={errors.languages?.length ? 'city-languages-error' : undefined}
              onChange={(e) => toggle(language, e.target.checked)}
            />
            <label htmlFor={`city-language-${language}`}>{t(`operator.languages.${language}`)}</label>
          </div>
        ))}
      </fieldset>
      <SelectField
        id="city-default-language"
        label={t('operator.create.defaultLanguage')}
        options={languages.map((l) => ({ value: l, label: t(`operator.languages.${l}`) }))}
        value={defaultLanguage}
        onChange={(e) => setDefaultLanguage(e.target.value)}
        errors={errors.defaultLanguage}
      />
      <TextField
        id="city-admin-email"
        type="email"
        inputMode="email"
        label={t('operator.create.adminEmail')}
        hint={t('operator.create.adminEmailHint')}
        required
        value={adminEmail}
        onChange={(e) => setAdminEmail(e.target.value)}
        errors={errors.adminEmail}
      />
      <div className="form__actions">
        <Button type="submit" pending={create.isPending}>
          {create.isPending ? t('operator.create.submitting') : t('operator.create.submit')}
        </Button>
      </div>
    </form>
  );
}

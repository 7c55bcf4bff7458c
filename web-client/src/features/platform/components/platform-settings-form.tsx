import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetPlatformSettingsResponse, UpdatePlatformSettingsRequest } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField } from '@/components/ui/select-field';
import { StatusMessage } from '@/components/ui/status-message';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '@/lib/i18n/languages';
import { contrast, isColour, MIN_CONTRAST, primaryAsText, ratio } from '@/lib/colours';

export const PLATFORM_NAME_MAX = 100;

interface Draft {
  name: string;
  languages: string[];
  defaultLanguage: string;
  primaryColour: string;
  textOnPrimaryColour: string;
  mapLatitude: string;
  mapLongitude: string;
  mapZoom: string;
  mapTileUrl: string;
  mapAttribution: string;
  contactEmail: string;
  legalName: string;
  legalAddress: string;
  emailFromName: string;
  emailFromAddress: string;
}

const text = (value: string | undefined | null) => value ?? '';
const numberText = (value: number | undefined | null) => (value === undefined || value === null ? '' : String(value));

function draftOf(s: GetPlatformSettingsResponse): Draft {
  return {
    name: s.name,
    languages: [...s.languages],
    defaultLanguage: s.defaultLanguage,
    primaryColour: s.primaryColour,
    textOnPrimaryColour: s.textOnPrimaryColour,
    mapLatitude: numberText(s.mapLatitude),
    mapLongitude: numberText(s.mapLongitude),
    mapZoom: numberText(s.mapZoom),
    mapTileUrl: text(s.mapTileUrl),
    mapAttribution: text(s.mapAttribution),
    contactEmail: text(s.contactEmail),
    legalName: text(s.legalName),
    legalAddress: text(s.legalAddress),
    emailFromName: text(s.emailFromName),
    emailFromAddress: text(s.emailFromAddress),
  };
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
const optionalNumber = (value: string) => (value.trim() === '' ? undefined : Number(value.replace(',', '.')));

export function requestOf(version: number, d: Draft): UpdatePlatformSettingsRequest {
  return {
    version,
    name: d.name.trim(),
    languages: SUPPORTED_LANGUAGES.filter((l) => d.languages.includes(l)),
    defaultLanguage: d.defaultLanguage,
    primaryColour: d.primaryColour.trim(),
    textOnPrimaryColour: d.textOnPrimaryColour.trim(),
    mapLatitude: optionalNumber(d.mapLatitude),
    mapLongitude: optionalNumber(d.mapLongitude),
    mapZoom: optionalNumber(d.mapZoom),
    mapTileUrl: optional(d.mapTileUrl),
    mapAttribution: optional(d.mapAttribution),
    contactEmail: optional(d.contactEmail),
    legalName: optional(d.legalName),
    legalAddress: optional(d.legalAddress),
    emailFromName: optional(d.emailFromName),
    emailFromAddress: optional(d.emailFromAddress),
  };
}

export interface PlatformSettingsFormProps {
  settings: GetPlatformSettingsResponse;
  pending: boolean;
  error: unknown;
  saved: boolean;
  onSubmit: (request: UpdatePlatformSettingsRequest) => void;
  onResetError: () => void;
  /** After a 409: reload the settings as they are now (the form starts again from them). */
  onReload: () => void;
}

/**
 * The platform's settings, by section: identity, colours (with a live preview and their contrast), languages, map,
 * contact and legal details, e-mail sender. Checked here as the API checks them; the API's field errors show beside
 * the fields.
 */
export function PlatformSettingsForm({ settings, pending, error, saved, onSubmit, onResetError, onReload }: PlatformSettingsFormProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const id = (field: string) => `platform-${field}`;
  const defaults = settings.defaults;

  const apiError = error ? toApiError(error) : null;
  const stale = apiError?.status === 409;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const labels: Record<string, string> = {
    name: t('platformSettings.name'),
    primaryColour: t('platformSettings.primaryColour'),
    textOnPrimaryColour: t('platformSettings.textOnPrimaryColour'),
    languages: t('platformSettings.languages'),
    defaultLanguage: t('platformSettings.defaultLanguage'),
    mapLatitude: t('platformSettings.mapLatitude'),
    mapLongitude: t('platformSettings.mapLongitude'),
    mapZoom: t('platformSettings.mapZoom'),
    mapTileUrl: t('platformSettings.mapTileUrl'),
    mapAttribution: t('platformSettings.mapAttribution'),
    contactEmail: t('platformSettings.contactEmail'),
    legalName: t('platformSettings.legalName'),
    legalAddress: t('platformSettings.legalAddress'),
    emailFromName: t('platformSettings.emailFromName'),
    emailFromAddress: t('platformSettings.emailFromAddress'),
  };
  const fieldId = (key: string) => (key === 'languages' ? id(`language-${SUPPORTED_LANGUAGES[0]}`) : id(key));
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (stale) summary = t('platformSettings.stale');
  else if (apiError) summary = describeError(t, apiError);
  const summaryFields = erroredFields(
    errors,
    Object.keys(labels).map((key) => ({ key, id: fieldId(key), label: labels[key] })),
  );

  const primary = draft.primaryColour.trim();
  const onPrimary = draft.textOnPrimaryColour.trim();
  const textContrast = contrast(onPrimary, primary);
  const linkContrast = primaryAsText(primary);
  const shown = (value: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(ratio(value));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!draft.name.trim()) found.name = [t('forms.required')];
    else if (draft.name.trim().length > PLATFORM_NAME_MAX) found.name = [t('forms.tooLong', { max: PLATFORM_NAME_MAX })];
    if (!isColour(primary)) found.primaryColour = [t('platformSettings.colourInvalid')];
    else if (linkContrast !== null && linkContrast < MIN_CONTRAST)
      found.primaryColour = [t('platformSettings.primaryTooLight', { ratio: shown(linkContrast) })];
    if (!isColour(onPrimary)) found.textOnPrimaryColour = [t('platformSettings.colourInvalid')];
    else if (textContrast !== null && textContrast < MIN_CONTRAST)
      found.textOnPrimaryColour = [t('platformSettings.contrastTooLow', { ratio: shown(textContrast) })];
    if (draft.languages.length === 0) found.languages = [t('platformSettings.languagesRequired')];
    else if (!draft.languages.includes(draft.defaultLanguage)) found.defaultLanguage = [t('platformSettings.defaultNotEnabled')];
    const position = [draft.mapLatitude, draft.mapLongitude, draft.mapZoom].filter((v) => v.trim() !== '').length;
    if (position !== 0 && position !== 3) found.mapLatitude = [t('platformSettings.positionIncomplete')];
    if (draft.mapTileUrl.trim() && !draft.mapTileUrl.trim().startsWith('https://'))
      found.mapTileUrl = [t('platformSettings.tileUrlInvalid')];
    if (draft.mapTileUrl.trim() && !draft.mapAttribution.trim()) found.mapAttribution = [t('platformSettings.attributionRequired')];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      onResetError();
      return;
    }
    onSubmit(requestOf(settings.version, draft));
  }

  function toggleLanguage(language: string, on: boolean) {
    set({ languages: on ? [...draft.languages, language] : draft.languages.filter((l) => l !== language) });
  }

  const contrastLine = (label: string, value: number | null) =>
    value === null
      ? null
      : t(value >= MIN_CONTRAST ? 'platformSettings.contrastOk' : 'platformSettings.contrastLow', { label, ratio: shown(value) });

  return (
    <form className="form platform-settings" noValidate onSubmit={submit} aria-labelledby="platform-settings-title">
      <h2 id="platform-settings-title">{t('platformSettings.formTitle')}</h2>
      <StatusMessage>{saved ? t('platformSettings.saved') : null}</StatusMessage>
      <FormErrorSummary message={summary} fields={summary ? summaryFields : []} />
      {stale ? (
        <p>
          <Button variant="secondary" onClick={onReload}>
            {t('platformSettings.reload')}
          </Button>
        </p>
      ) : null}

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('platformSettings.identity')}</legend>
        <TextField
          id={id('name')}
          label={labels.name}
          hint={t('platformSettings.nameHint')}
          required
          maxLength={PLATFORM_NAME_MAX}
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
          errors={errors.name}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('platformSettings.colours')}</legend>
        <p className="field__hint">{t('platformSettings.coloursHint')}</p>
        <div className="form__row form__row--3">
          {(['primaryColour', 'textOnPrimaryColour'] as const).map((colour) => (
            <div key={colour} className="widget-colour">
              <TextField
                id={id(colour)}
                label={labels[colour]}
                hint={t('platformSettings.colourHint')}
                maxLength={7}
                spellCheck={false}
                autoComplete="off"
                value={draft[colour]}
                onChange={(e) => set({ [colour]: e.target.value })}
                errors={errors[colour]}
              />
              <span
                className="widget-colour__swatch"
                aria-hidden="true"
                style={{ background: isColour(draft[colour].trim()) ? draft[colour].trim() : 'transparent' }}
              />
            </div>
          ))}
        </div>
        <p className="widget-contrast" aria-live="polite" data-testid="platform-contrast">
          {[contrastLine(t('platformSettings.contrastText'), textContrast), contrastLine(t('platformSettings.contrastLinks'), linkContrast)]
            .filter(Boolean)
            .join(' ')}
        </p>
        <div className="platform-preview" aria-label={t('platformSettings.preview')} role="group">
          <div
            className="platform-preview__header"
            style={isColour(primary) && isColour(onPrimary) ? { background: primary, color: onPrimary } : undefined}
          >
            {draft.name.trim() || settings.name}
          </div>
          <div className="platform-preview__body">
            <span
              className="platform-preview__button"
              style={isColour(primary) && isColour(onPrimary) ? { background: primary, color: onPrimary } : undefined}
            >
              {t('platformSettings.previewButton')}
            </span>{' '}
            <span className="platform-preview__link" style={isColour(primary) ? { color: primary } : undefined}>
              {t('platformSettings.previewLink')}
            </span>
          </div>
        </div>
      </fieldset>

      <fieldset className="fieldset" aria-describedby={errors.languages ? id('languages-error') : undefined}>
        <legend className="fieldset__legend">{labels.languages}</legend>
        <p className="field__hint">{t('platformSettings.languagesHint')}</p>
        {errors.languages ? (
          <p className="field__error" id={id('languages-error')}>
            {errors.languages.join(' ')}
          </p>
        ) : null}
        {SUPPORTED_LANGUAGES.map((language) => (
          <div className="choice" key={language}>
            <input
              type="checkbox"
              id={id(`language-${language}`)}
              checked={draft.languages.includes(language)}
              onChange={(e) => toggleLanguage(language, e.target.checked)}
            />
            <label htmlFor={id(`language-${language}`)} lang={language}>
              {LANGUAGE_NAMES[language]}
            </label>
          </div>
        ))}
        <SelectField
          id={id('defaultLanguage')}
          label={labels.defaultLanguage}
          value={draft.defaultLanguage}
          onChange={(e) => set({ defaultLanguage: e.target.value })}
          options={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
          errors={errors.defaultLanguage}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('platformSettings.map')}</legend>
        <p className="field__hint">{t('platformSettings.mapHint')}</p>
        <div className="form__row form__row--3">
          <TextField
            id={id('mapLatitude')}
            label={labels.mapLatitude}
            inputMode="decimal"
            placeholder={String(defaults.map.latitude)}
            value={draft.mapLatitude}
            onChange={(e) => set({ mapLatitude: e.target.value })}
            errors={errors.mapLatitude}
          />
          <TextField
            id={id('mapLongitude')}
            label={labels.mapLongitude}
            inputMode="decimal"
            placeholder={String(defaults.map.longitude)}
            value={draft.mapLongitude}
            onChange={(e) => set({ mapLongitude: e.target.value })}
            errors={errors.mapLongitude}
          />
          <TextField
            id={id('mapZoom')}
            label={labels.mapZoom}
            type="number"
            inputMode="numeric"
            min={1}
            max={19}
            placeholder={String(defaults.map.zoom)}
            value={draft.mapZoom}
            onChange={(e) => set({ mapZoom: e.target.value })}
            errors={errors.mapZoom}
          />
        </div>
        <TextField
          id={id('mapTileUrl')}
          label={labels.mapTileUrl}
          hint={t('platformSettings.mapTileUrlHint', { url: defaults.map.tileUrl })}
          spellCheck={false}
          autoComplete="off"
          value={draft.mapTileUrl}
          onChange={(e) => set({ mapTileUrl: e.target.value })}
          errors={errors.mapTileUrl}
        />
        <TextField
          id={id('mapAttribution')}
          label={labels.mapAttribution}
          hint={t('platformSettings.mapAttributionHint', { attribution: defaults.map.attribution })}
          value={draft.mapAttribution}
          onChange={(e) => set({ mapAttribution: e.target.value })}
          errors={errors.mapAttribution}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('platformSettings.contact')}</legend>
        <TextField
          id={id('contactEmail')}
          type="email"
          label={labels.contactEmail}
          hint={t('platformSettings.contactEmailHint')}
          autoComplete="off"
          value={draft.contactEmail}
          onChange={(e) => set({ contactEmail: e.target.value })}
          errors={errors.contactEmail}
        />
        <TextField
          id={id('legalName')}
          label={labels.legalName}
          maxLength={200}
          value={draft.legalName}
          onChange={(e) => set({ legalName: e.target.value })}
          errors={errors.legalName}
        />
        <TextAreaField
          id={id('legalAddress')}
          label={labels.legalAddress}
          rows={3}
          maxLength={500}
          value={draft.legalAddress}
          onChange={(e) => set({ legalAddress: e.target.value })}
          errors={errors.legalAddress}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('platformSettings.sender')}</legend>
        <p className="field__hint">{t('platformSettings.senderHint')}</p>
        <TextField
          id={id('emailFromName')}
          label={labels.emailFromName}
          maxLength={100}
          placeholder={defaults.emailFromName}
          value={draft.emailFromName}
          onChange={(e) => set({ emailFromName: e.target.value })}
          errors={errors.emailFromName}
        />
        <TextField
          id={id('emailFromAddress')}
          type="email"
          label={labels.emailFromAddress}
          autoComplete="off"
          placeholder={defaults.emailFromAddress}
          value={draft.emailFromAddress}
          onChange={(e) => set({ emailFromAddress: e.target.value })}
          errors={errors.emailFromAddress}
        />
      </fieldset>

      <div className="form__actions">
        <Button type="submit" pending={pending}>
          {t('platformSettings.save')}
        </Button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WidgetLanguage, WidgetLayout, WidgetSelection, type Widget, type WidgetSettings } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { LANGUAGE_NAMES } from '@/lib/i18n/languages';
import { contrast, isColour, MIN_CONTRAST, ratio } from '@/lib/colours';

export const WIDGET_NAME_MAX = 120;
export const WIDGET_MAX_PROJECTS = 12;
export const WIDGET_MAX_ORIGINS = 10;

export interface WidgetProjectOption {
  id: string;
  label: string;
}

interface Draft {
  name: string;
  selection: WidgetSelection;
  projectIds: string[];
  maxItems: string;
  language: WidgetLanguage;
  accentColour: string;
  textColour: string;
  backgroundColour: string;
  layout: WidgetLayout;
  width: string;
  height: string;
  origins: string;
}

const COLOURS = ['accentColour', 'textColour', 'backgroundColour'] as const;

function draftOf(widget: Widget | undefined, language: string): Draft {
  return {
    name: widget?.name ?? '',
    selection: widget?.selection ?? WidgetSelection.Current,
    projectIds: widget?.projectIds ?? [],
    maxItems: String(widget?.maxItems ?? 6),
    language: widget?.language ?? Object.values(WidgetLanguage).find((l) => l === language) ?? WidgetLanguage.Fr,
    accentColour: widget?.accentColour ?? '#1d4ed8',
    textColour: widget?.textColour ?? '#1f2933',
    backgroundColour: widget?.backgroundColour ?? '#ffffff',
    layout: widget?.layout ?? WidgetLayout.Cards,
    width: String(widget?.width ?? 400),
    height: String(widget?.height ?? 600),
    origins: (widget?.allowedOrigins ?? []).join('\n'),
  };
}

const number = (value: string) => (value.trim() === '' ? undefined : Number(value));

function settingsOf(d: Draft): WidgetSettings {
  return {
    name: d.name.trim(),
    selection: d.selection,
    projectIds: d.selection === WidgetSelection.Chosen ? d.projectIds : [],
    maxItems: number(d.maxItems),
    language: d.language,
    accentColour: d.accentColour.trim(),
    textColour: d.textColour.trim(),
    backgroundColour: d.backgroundColour.trim(),
    layout: d.layout,
    width: number(d.width),
    height: number(d.height),
    allowedOrigins: d.origins
      .split(/\s+/)
      .map((o) => o.trim())
      .filter(Boolean),
  };
}

export interface WidgetFormProps {
  idPrefix: string;
  widget?: Widget;
  projects: readonly WidgetProjectOption[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (settings: WidgetSettings) => void;
  onCancel?: () => void;
  onResetError: () => void;
}

/** A widget's settings: what it lists, its language, colours (with their contrast), size and the sites that may show it. */
export function WidgetForm({ idPrefix, widget, projects, submitLabel, pending, error, onSubmit, onCancel, onResetError }: WidgetFormProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(widget, i18n.language));
  const [pick, setPick] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const id = (field: string) => `${idPrefix}-${field}`;
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const apiError = error ? toApiError(error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const labels = {
    name: t('widgets.form.name'),
    selection: t('widgets.form.selection'),
    projectIds: t('widgets.form.projects'),
    maxItems: t('widgets.form.maxItems'),
    language: t('widgets.form.language'),
    accentColour: t('widgets.form.accentColour'),
    textColour: t('widgets.form.textColour'),
    backgroundColour: t('widgets.form.backgroundColour'),
    layout: t('widgets.form.layout'),
    width: t('widgets.form.width'),
    height: t('widgets.form.height'),
    allowedOrigins: t('widgets.form.origins'),
  };
  const fieldIds: Record<keyof typeof labels, string> = {
    name: id('name'),
    selection: id('selection-current'),
    projectIds: id('project'),
    maxItems: id('max-items'),
    language: id('language'),
    accentColour: id('accentColour'),
    textColour: id('textColour'),
    backgroundColour: id('backgroundColour'),
    layout: id('layout-cards'),
    width: id('width'),
    height: id('height'),
    allowedOrigins: id('origins'),
  };
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);
  const summaryFields = erroredFields(
    errors,
    (Object.keys(labels) as (keyof typeof labels)[]).map((key) => ({ key, id: fieldIds[key], label: labels[key] })),
  );

  const textContrast = contrast(draft.textColour.trim(), draft.backgroundColour.trim());
  const accentContrast = contrast(draft.accentColour.trim(), draft.backgroundColour.trim());
  const projectLabel = (projectId: string) => projects.find((p) => p.id === projectId)?.label ?? t('widgets.form.otherProject');
  const available = projects.filter((p) => !draft.projectIds.includes(p.id));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!draft.name.trim()) found.name = [t('forms.required')];
    else if (draft.name.trim().length > WIDGET_NAME_MAX) found.name = [t('forms.tooLong', { max: WIDGET_NAME_MAX })];
    for (const colour of COLOURS) if (!isColour(draft[colour].trim())) found[colour] = [t('widgets.form.colourInvalid')];
    if (textContrast !== null && textContrast < MIN_CONTRAST)
      found.textColour = [t('widgets.form.contrastTooLow', { ratio: shown(textContrast) })];
    if (accentContrast !== null && accentContrast < MIN_CONTRAST)
      found.accentColour = [t('widgets.form.contrastTooLow', { ratio: shown(accentContrast) })];
    if (draft.selection === WidgetSelection.Chosen && draft.projectIds.length === 0)
      found.projectIds = [t('widgets.form.projectsRequired', { max: WIDGET_MAX_PROJECTS })];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      onResetError();
      return;
    }
    onSubmit(settingsOf(draft));
  }

  function move(index: number, by: number) {
    const ids = [...draft.projectIds];
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved);
    set({ projectIds: ids });
  }

  const shown = (value: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(ratio(value));
  const contrastLine = (label: string, value: number | null) =>
    value === null
      ? null
      : t(value >= MIN_CONTRAST ? 'widgets.form.contrastOk' : 'widgets.form.contrastLow', { label, ratio: shown(value) });

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} fields={summary ? summaryFields : []} />
      <TextField
        id={id('name')}
        label={labels.name}
        hint={t('widgets.form.nameHint')}
        required
        maxLength={WIDGET_NAME_MAX}
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
        errors={errors.name}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{labels.selection}</legend>
        {errors.selection ? <p className="field__error">{errors.selection.join(' ')}</p> : null}
        {[WidgetSelection.Current, WidgetSelection.Chosen].map((value) => (
          <div className="choice" key={value}>
            <input
              type="radio"
              id={id(`selection-${value}`)}
              name={id('selection')}
              value={value}
              checked={draft.selection === value}
              onChange={() => set({ selection: value })}
            />
            <label htmlFor={id(`selection-${value}`)}>{t(`widgets.selection.${value}`)}</label>
          </div>
        ))}
        {draft.selection === WidgetSelection.Chosen ? (
          <div className="widget-projects">
            {errors.projectIds ? (
              <p className="field__error" id={id('projects-error')}>
                {errors.projectIds.join(' ')}
              </p>
            ) : null}
            {draft.projectIds.length > 0 ? (
              <ol className="widget-projects__list" aria-label={labels.projectIds}>
                {draft.projectIds.map((projectId, index) => {
                  const label = projectLabel(projectId);
                  return (
                    <li key={projectId} className="widget-projects__item">
                      <span>{label}</span>
                      <span className="widget-projects__actions">
                        <Button
                          variant="secondary"
                          className="button--small"
                          disabled={index === 0}
                          aria-label={t('widgets.form.moveUp', { title: label })}
                          onClick={() => move(index, -1)}
                        >
                          {t('widgets.form.up')}
                        </Button>
                        <Button
                          variant="secondary"
                          className="button--small"
                          disabled={index === draft.projectIds.length - 1}
                          aria-label={t('widgets.form.moveDown', { title: label })}
                          onClick={() => move(index, 1)}
                        >
                          {t('widgets.form.down')}
                        </Button>
                        <Button
                          variant="secondary"
                          className="button--small"
                          aria-label={t('widgets.form.removeProject', { title: label })}
                          onClick={() => set({ projectIds: draft.projectIds.filter((p) => p !== projectId) })}
                        >
                          {t('widgets.form.remove')}
                        </Button>
                      </span>
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p className="muted">{t('widgets.form.noProjects')}</p>
            )}
            <div className="widget-projects__add">
              <SelectField
                id={id('project')}
                label={t('widgets.form.addProject')}
                value={pick}
                onChange={(e) => setPick(e.target.value)}
                options={[{ value: '', label: t('widgets.form.pickProject') }, ...available.map((p) => ({ value: p.id, label: p.label }))]}
                aria-describedby={errors.projectIds ? id('projects-error') : undefined}
              />
              <Button
                variant="secondary"
                disabled={!pick || draft.projectIds.length >= WIDGET_MAX_PROJECTS}
                onClick={() => {
                  set({ projectIds: [...draft.projectIds, pick] });
                  setPick('');
                  // The button is disabled until another project is picked: keyboard users go back to the list of projects.
                  document.getElementById(id('project'))?.focus();
                }}
              >
                {t('widgets.form.add')}
              </Button>
            </div>
          </div>
        ) : null}
      </fieldset>
      <div className="form__row form__row--3">
        <TextField
          id={id('max-items')}
          type="number"
          inputMode="numeric"
          min={1}
          max={WIDGET_MAX_PROJECTS}
          label={labels.maxItems}
          value={draft.maxItems}
          onChange={(e) => set({ maxItems: e.target.value })}
          errors={errors.maxItems}
        />
        <SelectField
          id={id('language')}
          label={labels.language}
          value={draft.language}
          onChange={(e) => set({ language: e.target.value as WidgetLanguage })}
          options={Object.values(WidgetLanguage).map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
          errors={errors.language}
        />
      </div>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('widgets.form.colours')}</legend>
        <p className="field__hint">{t('widgets.form.coloursHint')}</p>
        <div className="form__row form__row--3">
          {COLOURS.map((colour) => (
            <div key={colour} className="widget-colour">
              <TextField
                id={id(colour)}
                label={labels[colour]}
                hint={t('widgets.form.colourHint')}
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
        <p className="widget-contrast" aria-live="polite">
          {[contrastLine(labels.textColour, textContrast), contrastLine(labels.accentColour, accentContrast)].filter(Boolean).join(' ')}
        </p>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{labels.layout}</legend>
        {errors.layout ? <p className="field__error">{errors.layout.join(' ')}</p> : null}
        {[WidgetLayout.Cards, WidgetLayout.List].map((value) => (
          <div className="choice" key={value}>
            <input
              type="radio"
              id={id(`layout-${value}`)}
              name={id('layout')}
              value={value}
              checked={draft.layout === value}
              onChange={() => set({ layout: value })}
            />
            <label htmlFor={id(`layout-${value}`)}>{t(`widgets.layout.${value}`)}</label>
          </div>
        ))}
        <div className="form__row form__row--3">
          <TextField
            id={id('width')}
            type="number"
            inputMode="numeric"
            min={200}
            max={1600}
            label={labels.width}
            value={draft.width}
            onChange={(e) => set({ width: e.target.value })}
            errors={errors.width}
          />
          <TextField
            id={id('height')}
            type="number"
            inputMode="numeric"
            min={150}
            max={2000}
            label={labels.height}
            value={draft.height}
            onChange={(e) => set({ height: e.target.value })}
            errors={errors.height}
          />
        </div>
      </fieldset>
      <TextAreaField
        id={id('origins')}
        label={labels.allowedOrigins}
        hint={t('widgets.form.originsHint', { max: WIDGET_MAX_ORIGINS })}
        rows={3}
        spellCheck={false}
        value={draft.origins}
        onChange={(e) => set({ origins: e.target.value })}
        errors={errors.allowedOrigins}
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

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { oneOf } from '@/lib/closed-sets';
import type { FieldErrors } from '@/lib/forms';
import { SUPPORTED_LANGUAGES } from '@/lib/i18n/languages';
import {
  AUDIENCES,
  BUDGET_CURRENCY,
  mapPhaseErrors,
  METHOD_PERMISSIONS,
  phaseFormProblems,
  RESULT_METHODS,
  type PhaseForm as PhaseFormValue,
} from '../api/phase-settings';
import { METHODS } from '../api/projects';

export interface PhaseFormProps {
  idPrefix: string;
  initial: PhaseFormValue;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onResetError: () => void;
  onSubmit: (value: PhaseFormValue) => void;
  onCancel: () => void;
}

/** One phase: texts, dates, method, and the permissions and settings that method has. */
export function PhaseForm({ idPrefix, initial, submitLabel, pending, error, onResetError, onSubmit, onCancel }: PhaseFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState<PhaseFormValue>(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const apiError = error ? toApiError(error) : null;
  const errors: FieldErrors = { ...mapPhaseErrors(apiError?.fieldErrors ?? {}), ...clientErrors };
  const id = (field: string) => `${idPrefix}-${field}`;
  const set = (patch: Partial<PhaseFormValue>) => setValue((v) => ({ ...v, ...patch }));
  const permissions = METHOD_PERMISSIONS[value.method];
  const currency = value.budgetCurrency || BUDGET_CURRENCY;
  const surveyLike = value.method === 'survey' || value.method === 'poll';

  const known: { key: string; id: string; label: string }[] = [
    { key: 'title', id: id('title-fr'), label: t('projects.phases.titleIn.fr') },
    { key: 'description', id: id('description-fr'), label: t('projects.phases.descriptionIn.fr') },
    { key: 'startDate', id: id('start'), label: t('projects.phases.start') },
    { key: 'endDate', id: id('end'), label: t('projects.phases.end') },
    { key: 'method', id: id('method'), label: t('projects.phases.method') },
    ...permissions.map((p) => ({ key: `permission-${p}`, id: id(`permission-${p}`), label: t(`projects.phases.permissions.${p}`) })),
    { key: 'ideasPerUser', id: id('ideas-per-user'), label: t('projects.phases.ideasPerUser') },
    { key: 'votesPerUser', id: id('votes-per-user'), label: t('projects.phases.votesPerUser') },
    { key: 'budgetAmount', id: id('budget'), label: t('projects.phases.budgetAmount', { currency }) },
    { key: 'minimumSpend', id: id('minimum-spend'), label: t('projects.phases.minimumSpend', { currency }) },
    { key: 'minimumIdeas', id: id('minimum-ideas'), label: t('projects.phases.minimumIdeas') },
    {
      key: 'resultsPublic',
      id: id('results-public'),
      label: t(surveyLike ? 'projects.phases.resultsPublicSurvey' : 'projects.phases.resultsPublic'),
    },
  ];
  const summaryFields = known.filter((f) => (errors[f.key]?.length ?? 0) > 0).map(({ id: fieldId, label }) => ({ id: fieldId, label }));
  // Messages the form has no field for (should not happen, but must not be lost).
  const stray = Object.entries(errors).filter(([key]) => !known.some((f) => f.key === key));
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    for (const [field, problem] of Object.entries(phaseFormProblems(value))) found[field] = [t(`projects.phases.errors.${problem}`)];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      onResetError();
      return;
    }
    onSubmit(value);
  }

  return (
    <form className="form phase-form" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} fields={summary ? summaryFields : []} />
      {summary && stray.length > 0 ? (
        <ul className="field__error">
          {stray.map(([key, messages]) => (
            <li key={key}>{messages.join(' ')}</li>
          ))}
        </ul>
      ) : null}
      <div className="form__row form__row--3">
        {SUPPORTED_LANGUAGES.map((l) => (
          <TextField
            key={l}
            id={id(`title-${l}`)}
            lang={l}
            label={t(`projects.phases.titleIn.${l}`)}
            required={l === 'fr'}
            maxLength={160}
            value={value.title[l] ?? ''}
            onChange={(e) => set({ title: { ...value.title, [l]: e.target.value } })}
            errors={l === 'fr' ? errors.title : undefined}
          />
        ))}
      </div>
      <div className="form__row form__row--3">
        {SUPPORTED_LANGUAGES.map((l) => (
          <TextAreaField
            key={l}
            id={id(`description-${l}`)}
            lang={l}
            label={t(`projects.phases.descriptionIn.${l}`)}
            rows={3}
            maxLength={2000}
            value={value.description[l] ?? ''}
            onChange={(e) => set({ description: { ...value.description, [l]: e.target.value } })}
            errors={l === 'fr' ? errors.description : undefined}
          />
        ))}
      </div>
      <div className="form__row">
        <TextField
          id={id('start')}
          type="date"
          label={t('projects.phases.start')}
          required
          value={value.startDate}
          onChange={(e) => set({ startDate: e.target.value })}
          errors={errors.startDate}
        />
        <TextField
          id={id('end')}
          type="date"
          label={t('projects.phases.end')}
          hint={t('projects.phases.endHint')}
          value={value.endDate}
          onChange={(e) => set({ endDate: e.target.value })}
          errors={errors.endDate}
        />
      </div>
      <SelectField
        id={id('method')}
        label={t('projects.phases.method')}
        value={value.method}
        onChange={(e) => set({ method: oneOf(METHODS, e.target.value) ?? value.method })}
        errors={errors.method}
        options={METHODS.map((m) => ({ value: m, label: t(`projects.methods.${m}`) }))}
      />
      <p className="field__hint">{t(`projects.actions.purpose.${value.method}`)}</p>
      {permissions.length > 0 ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('projects.phases.permissionsLegend')}</legend>
          {permissions.map((p) => (
            <SelectField
              key={p}
              id={id(`permission-${p}`)}
              label={t(`projects.phases.permissions.${p}${value.method === 'budgeting' && p === 'vote' ? '_budgeting' : ''}`)}
              value={value.permissions[p]}
              onChange={(e) =>
                set({ permissions: { ...value.permissions, [p]: oneOf(AUDIENCES, e.target.value) ?? value.permissions[p] } })
              }
              errors={errors[`permission-${p}`]}
              options={AUDIENCES.map((a) => ({ value: a, label: t(`projects.audiences.${a}`) }))}
            />
          ))}
        </fieldset>
      ) : null}
      {value.method === 'ideation' ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('projects.phases.settingsLegend')}</legend>
          <TextField
            id={id('ideas-per-user')}
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            label={t('projects.phases.ideasPerUser')}
            hint={t('projects.phases.ideasPerUserHint')}
            value={value.ideasPerUser}
            onChange={(e) => set({ ideasPerUser: e.target.value })}
            errors={errors.ideasPerUser}
          />
          {(['dislikes', 'map', 'preModeration'] as const).map((flag) => (
            <div className="choice" key={flag}>
              <input type="checkbox" id={id(flag)} checked={value[flag]} onChange={(e) => set({ [flag]: e.target.checked })} />
              <label htmlFor={id(flag)}>{t(`projects.phases.${flag}`)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {value.method === 'voting' ? (
        <TextField
          id={id('votes-per-user')}
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          label={t('projects.phases.votesPerUser')}
          value={value.votesPerUser}
          onChange={(e) => set({ votesPerUser: e.target.value })}
          errors={errors.votesPerUser}
        />
      ) : null}
      {value.method === 'budgeting' ? (
        <>
          <TextField
            id={id('budget')}
            type="number"
            inputMode="decimal"
            min={1}
            label={t('projects.phases.budgetAmount', { currency })}
            hint={t('projects.phases.budgetHint')}
            value={value.budgetAmount}
            onChange={(e) => set({ budgetAmount: e.target.value })}
            errors={errors.budgetAmount}
          />
          <div className="form__row">
            <TextField
              id={id('minimum-spend')}
              type="number"
              inputMode="decimal"
              min={0}
              label={t('projects.phases.minimumSpend', { currency })}
              hint={t('projects.phases.minimumSpendHint')}
              value={value.minimumSpend}
              onChange={(e) => set({ minimumSpend: e.target.value })}
              errors={errors.minimumSpend}
            />
            <TextField
              id={id('minimum-ideas')}
              type="number"
              inputMode="numeric"
              min={1}
              max={1000}
              label={t('projects.phases.minimumIdeas')}
              hint={t('projects.phases.ideasPerUserHint')}
              value={value.minimumIdeas}
              onChange={(e) => set({ minimumIdeas: e.target.value })}
              errors={errors.minimumIdeas}
            />
          </div>
        </>
      ) : null}
      {RESULT_METHODS.includes(value.method) ? (
        <div className={errors.resultsPublic?.length ? 'field field--invalid' : 'field'}>
          {errors.resultsPublic?.length ? (
            <p className="field__error" id={id('results-public-error')}>
              {errors.resultsPublic.join(' ')}
            </p>
          ) : null}
          <div className="choice">
            <input
              type="checkbox"
              id={id('results-public')}
              checked={value.resultsPublic}
              aria-describedby={[id('results-public-hint'), errors.resultsPublic?.length ? id('results-public-error') : '']
                .join(' ')
                .trim()}
              onChange={(e) => set({ resultsPublic: e.target.checked })}
            />
            <label htmlFor={id('results-public')}>
              {t(surveyLike ? 'projects.phases.resultsPublicSurvey' : 'projects.phases.resultsPublic')}
            </label>
          </div>
          <p className="field__hint" id={id('results-public-hint')}>
            {t(surveyLike ? 'projects.phases.resultsPublicSurveyHint' : 'projects.phases.resultsPublicHint')}
          </p>
        </div>
      ) : null}
      <div className="form__actions">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

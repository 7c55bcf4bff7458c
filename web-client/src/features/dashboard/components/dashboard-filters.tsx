import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureScopeType, type ListDashboardScopesResponse } from '@contracts/participation-client';
import type { ApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextField } from '@/components/ui/text-field';
import { oneOf } from '@/lib/closed-sets';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { SCOPE_TYPES } from '../api/dashboard';
import {
  DEFAULT_WAITING_DAYS,
  MAX_PERIOD_DAYS,
  MAX_WAITING_DAYS,
  PRESETS,
  periodProblems,
  cityToday,
  presetOf,
  presetRange,
  type Period,
  type PresetKey,
} from '../api/period';

export interface ScopeChoice {
  scopeType: FigureScopeType;
  scopeId?: string;
}

export interface DashboardFiltersProps {
  scopes: ListDashboardScopesResponse;
  /** The dashboard shown, with its name (it may be one reached by a link rather than listed, e.g. a phase). */
  current: ScopeChoice & { name: string };
  /** The period in the address bar (absent days: the default, the last quarter). */
  period: Period;
  /** The API's answer to the period, when it refused it (its field errors are shown beside the fields). */
  apiError: ApiError | null;
  onApply: (scope: ScopeChoice, period: Required<Period>) => void;
}

const key = (s: ScopeChoice) => (s.scopeType === FigureScopeType.Platform ? 'platform' : `${s.scopeType}:${s.scopeId ?? ''}`);

function parseKey(value: string): ScopeChoice | null {
  const [type, id] = value.split(':');
  const scopeType = oneOf(SCOPE_TYPES, type);
  if (!scopeType) return null;
  return scopeType === FigureScopeType.Platform ? { scopeType } : { scopeType, scopeId: id };
}

/**
 * Which dashboard and which period: the scope (those the API lists, and the one shown), a preset or two days, the
 * threshold of « waiting for an answer », applied with one button. Nothing changes before the button is pressed.
 */
export function DashboardFilters({ scopes, current, period, apiError, onApply }: DashboardFiltersProps) {
  const { t } = useTranslation();
  const [today] = useState(() => cityToday());
  const initial = presetRange('quarter', today);
  const [scope, setScope] = useState(key(current));
  const [from, setFrom] = useState(period.from ?? initial.from);
  const [to, setTo] = useState(period.to ?? initial.to);
  const [waitingDays, setWaitingDays] = useState(String(period.waitingDays ?? DEFAULT_WAITING_DAYS));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  // « Dates choisies » may be picked before the days are changed: the choice is kept, not derived from the days.
  const [preset, setPreset] = useState<PresetKey | 'custom'>(() => presetOf(from, to, today));

  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'from', id: 'dashboard-from', label: t('dashboard.filters.from') },
    { key: 'to', id: 'dashboard-to', label: t('dashboard.filters.to') },
    { key: 'waitingDays', id: 'dashboard-waiting', label: t('dashboard.filters.waitingDays') },
  ];
  const invalid = erroredFields(errors, fields);

  const listed = [
    ...(scopes.platform ? [{ scopeType: FigureScopeType.Platform, name: t('dashboard.scope.platform') }] : []),
    ...scopes.departments.map((d) => ({ scopeType: d.type, scopeId: d.id, name: d.name })),
    ...scopes.projects.map((p) => ({ scopeType: p.type, scopeId: p.id, name: p.name })),
  ];
  const unlisted = listed.some((s) => key(s) === key(current)) ? null : current;

  function choosePreset(value: PresetKey) {
    const range = presetRange(value, today);
    setPreset(value);
    setFrom(range.from);
    setTo(range.to);
  }

  function changeDay(field: 'from' | 'to', value: string) {
    if (field === 'from') setFrom(value);
    else setTo(value);
    setPreset(presetOf(field === 'from' ? value : from, field === 'to' ? value : to, today));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = periodProblems(from, to, waitingDays);
    const found: FieldErrors = {};
    for (const [field, problem] of Object.entries(problems)) {
      found[field] = [t(`dashboard.filters.problems.${problem}`, { max: MAX_PERIOD_DAYS, maxWaiting: MAX_WAITING_DAYS })];
    }
    setClientErrors(found);
    const chosen = parseKey(scope);
    if (Object.keys(found).length > 0 || !chosen) return;
    onApply(chosen, { from, to, waitingDays: Number(waitingDays) });
  }

  return (
    <form className="form dashboard-filters" noValidate onSubmit={onSubmit} aria-labelledby="dashboard-filters-title">
      <h2 id="dashboard-filters-title" className="visually-hidden">
        {t('dashboard.filters.title')}
      </h2>
      <FormErrorSummary message={invalid.length > 0 ? t('errors.fieldsInvalid') : null} fields={invalid} />
      <div className="field">
        <label className="field__label" htmlFor="dashboard-scope">
          {t('dashboard.filters.scope')}
        </label>
        <select id="dashboard-scope" className="field__input field__select" value={scope} onChange={(e) => setScope(e.target.value)}>
          {unlisted ? <option value={key(unlisted)}>{unlisted.name}</option> : null}
          {scopes.platform ? <option value="platform">{t('dashboard.scope.platform')}</option> : null}
          {scopes.departments.length > 0 ? (
            <optgroup label={t('dashboard.scope.departments')}>
              {scopes.departments.map((d) => (
                <option key={d.id} value={key({ scopeType: d.type, scopeId: d.id })}>
                  {d.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {scopes.projects.length > 0 ? (
            <optgroup label={t('dashboard.scope.projects')}>
              {scopes.projects.map((p) => (
                <option key={p.id} value={key({ scopeType: p.type, scopeId: p.id })}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('dashboard.filters.period')}</legend>
        <div className="dashboard-filters__presets">
          {PRESETS.map((value) => (
            <div className="choice" key={value}>
              <input
                type="radio"
                id={`dashboard-preset-${value}`}
                name="dashboard-preset"
                value={value}
                checked={preset === value}
                onChange={() => choosePreset(value)}
              />
              <label htmlFor={`dashboard-preset-${value}`}>{t(`dashboard.filters.presets.${value}`)}</label>
            </div>
          ))}
          <div className="choice">
            <input
              type="radio"
              id="dashboard-preset-custom"
              name="dashboard-preset"
              value="custom"
              checked={preset === 'custom'}
              onChange={() => setPreset('custom')}
            />
            <label htmlFor="dashboard-preset-custom">{t('dashboard.filters.presets.custom')}</label>
          </div>
        </div>
        <div className="dashboard-filters__dates">
          <TextField
            id="dashboard-from"
            type="date"
            label={t('dashboard.filters.from')}
            value={from}
            onChange={(e) => changeDay('from', e.target.value)}
            errors={errors.from}
          />
          <TextField
            id="dashboard-to"
            type="date"
            label={t('dashboard.filters.to')}
            value={to}
            onChange={(e) => changeDay('to', e.target.value)}
            errors={errors.to}
          />
        </div>
      </fieldset>
      <TextField
        id="dashboard-waiting"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_WAITING_DAYS}
        label={t('dashboard.filters.waitingDays')}
        hint={t('dashboard.filters.waitingHint')}
        value={waitingDays}
        onChange={(e) => setWaitingDays(e.target.value)}
        errors={errors.waitingDays}
        className="dashboard-filters__waiting"
      />
      <div className="form__actions">
        <Button type="submit">{t('dashboard.filters.apply')}</Button>
      </div>
    </form>
  );
}

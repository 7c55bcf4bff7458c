import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportFormat, ExportKind, ScopeType, type Export } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField } from '@/components/ui/select-field';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { oneOf } from '@/lib/closed-sets';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { exportPeriod, periodInvalid, useRequestExport } from '../api/exports';

export const EXPORT_KINDS = Object.values(ExportKind);
export const EXPORT_FORMATS = Object.values(ExportFormat);

/** A department or project the caller may export. */
export interface ScopeOption {
  id: string;
  label: string;
}

/** The scopes the caller's roles cover (the API checks again). */
export interface ExportScopes {
  platform: boolean;
  departments: ScopeOption[];
  projects: ScopeOption[];
}

export interface ExportFormProps {
  scopes: ExportScopes;
  /** A scope chosen beforehand (e.g. from a project's page). */
  initial?: { scopeType: ScopeType; scopeId: string };
  /** Whether the participants' e-mail addresses would be in the file (admins). */
  withEmails: boolean;
  onRequested?: (item: Export) => void;
}

/** What to export, in which format, for which scope and period; then the export is queued and listed below. */
export function ExportForm({ scopes, initial, withEmails, onRequested }: ExportFormProps) {
  const { t } = useTranslation();
  const request = useRequestExport();
  const scopeTypes = [
    ...(scopes.platform ? [ScopeType.Platform] : []),
    ...(scopes.departments.length > 0 ? [ScopeType.Department] : []),
    ...(scopes.projects.length > 0 ? [ScopeType.Project] : []),
  ];
  const [kind, setKind] = useState<ExportKind>(ExportKind.Ideas);
  const [format, setFormat] = useState<ExportFormat>(ExportFormat.Xlsx);
  const [scopeType, setScopeType] = useState<ScopeType | ''>(initial?.scopeType ?? scopeTypes[0] ?? '');
  const [scopeId, setScopeId] = useState(initial?.scopeId ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);

  const choices = scopeType === ScopeType.Department ? scopes.departments : scopeType === ScopeType.Project ? scopes.projects : [];
  const apiError = request.error ? toApiError(request.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'kind', id: 'export-kind', label: t('exports.form.kind') },
    { key: 'format', id: 'export-format', label: t('exports.form.format') },
    { key: 'scopeType', id: 'export-scope-type', label: t('exports.form.scopeType') },
    { key: 'scopeId', id: 'export-scope-id', label: t('exports.form.scopeId') },
    { key: 'from', id: 'export-from', label: t('exports.form.from') },
    { key: 'to', id: 'export-to', label: t('exports.form.to') },
  ];
  const summary = Object.keys(clientErrors).length > 0 ? t('exports.form.invalid') : apiError ? describeError(t, apiError) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const found: FieldErrors = {};
    if (!scopeType) found.scopeType = [t('forms.required')];
    else if (scopeType !== ScopeType.Platform && !scopeId) found.scopeId = [t('forms.required')];
    if (periodInvalid(from, to)) found.to = [t('exports.form.periodInvalid')];
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !scopeType) return;
    const period = exportPeriod(from, to);
    request.mutate(
      { kind, format, scopeType, scopeId: scopeType === ScopeType.Platform ? undefined : scopeId, ...period },
      {
        onSuccess: (item) => {
          setDone(t('exports.form.requested', { kind: t(`exports.kinds.${item.kind}`) }));
          onRequested?.(item);
        },
      },
    );
  }

  if (scopeTypes.length === 0) return <p className="empty-state">{t('exports.form.noScope')}</p>;

  return (
    <form className="panel stack" aria-labelledby="export-form-title" noValidate onSubmit={submit}>
      <h2 id="export-form-title">{t('exports.form.title')}</h2>
      <FormErrorSummary message={summary} fields={erroredFields(errors, fields)} />
      <StatusMessage>{done}</StatusMessage>
      <SelectField
        id="export-kind"
        label={t('exports.form.kind')}
        value={kind}
        errors={errors.kind}
        onChange={(e) => setKind(oneOf(EXPORT_KINDS, e.target.value) ?? ExportKind.Ideas)}
        options={EXPORT_KINDS.map((k) => ({ value: k, label: t(`exports.kinds.${k}`) }))}
      />
      <p className="field__hint">{t(`exports.kindHints.${kind}`)}</p>
      {kind === ExportKind.Participants ? (
        <p className="field__hint">{withEmails ? t('exports.form.emailsIncluded') : t('exports.form.namesOnly')}</p>
      ) : null}
      <SelectField
        id="export-format"
        label={t('exports.form.format')}
        value={format}
        errors={errors.format}
        onChange={(e) => setFormat(oneOf(EXPORT_FORMATS, e.target.value) ?? ExportFormat.Xlsx)}
        options={EXPORT_FORMATS.map((f) => ({ value: f, label: t(`exports.formats.${f}`) }))}
      />
      <SelectField
        id="export-scope-type"
        label={t('exports.form.scopeType')}
        value={scopeType}
        errors={errors.scopeType}
        onChange={(e) => {
          setScopeType(oneOf(scopeTypes, e.target.value) ?? '');
          setScopeId('');
        }}
        options={scopeTypes.map((s) => ({ value: s, label: t(`exports.scopeTypes.${s}`) }))}
      />
      {scopeType === ScopeType.Department || scopeType === ScopeType.Project ? (
        <SelectField
          id="export-scope-id"
          label={t(scopeType === ScopeType.Department ? 'exports.form.department' : 'exports.form.project')}
          value={scopeId}
          errors={errors.scopeId}
          onChange={(e) => setScopeId(e.target.value)}
          options={[
            { value: '', label: t(scopeType === ScopeType.Department ? 'exports.form.chooseDepartment' : 'exports.form.chooseProject') },
            ...choices.map((c) => ({ value: c.id, label: c.label })),
          ]}
        />
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('exports.form.period')}</legend>
        <p className="field__hint">{t('exports.form.periodHint')}</p>
        <div className="filters">
          <TextField
            id="export-from"
            type="date"
            label={t('exports.form.from')}
            value={from}
            errors={errors.from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <TextField
            id="export-to"
            type="date"
            label={t('exports.form.to')}
            value={to}
            errors={errors.to}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={request.isPending}>
          {t('exports.form.submit')}
        </Button>
      </div>
    </form>
  );
}

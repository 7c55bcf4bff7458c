import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationReport, Role } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { RoleScopePicker, type DepartmentOption, type ProjectOption } from '@/components/ui/role-scope-picker';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { currentLanguage } from '@/lib/i18n';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '@/lib/i18n/languages';
import { initialRoleScope, roleScopeProblems, scopeFieldId, toGrant, type RoleScope } from '@/lib/roles';
import { useCreateInvitations } from '../api/invitations';
import { InvitationReportView, useRowErrorText } from './invitation-report';

export const MESSAGE_MAX_LENGTH = 2000;

interface InviteeRow {
  key: number;
  email: string;
  firstName: string;
  lastName: string;
  locale: string;
  /** Why the API refused this row last time (translated). */
  error?: string;
}

export interface InviteFormProps {
  roles: readonly Role[];
  departments: readonly DepartmentOption[];
  /** The projects whose moderators may be invited (when project_moderator is offered). */
  projects?: readonly ProjectOption[];
}

/** Invite one or more people (one row each) to one role and scope, with an optional personal message. */
export function InviteForm({ roles, departments, projects = [] }: InviteFormProps) {
  const { t } = useTranslation();
  const create = useCreateInvitations();
  const errorText = useRowErrorText();
  const nextKey = useRef(1);
  const newRow = (): InviteeRow => ({ key: nextKey.current++, email: '', firstName: '', lastName: '', locale: currentLanguage() });
  const [rows, setRows] = useState<InviteeRow[]>(() => [newRow()]);
  const [grant, setGrant] = useState<RoleScope>(() => initialRoleScope(roles));
  const [message, setMessage] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [report, setReport] = useState<InvitationReport | null>(null);

  const apiError = create.error ? toApiError(create.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    ...rows.map((row, index) => ({
      key: `row-${row.key}`,
      id: `invite-${row.key}-email`,
      label: t('invitations.form.personN', { n: index + 1 }),
    })),
    { key: 'invitees', id: `invite-${rows[0]?.key}-email`, label: t('invitations.form.people') },
    { key: 'role', id: 'invite-role', label: t('roleScope.role') },
    { key: 'scopeType', id: 'invite-role', label: t('roleScope.scope') },
    {
      key: 'scopeId',
      id: scopeFieldId('invite', grant),
      label: t(grant.scopeType === 'project' ? 'roleScope.project' : 'roleScope.department'),
    },
    { key: 'message', id: 'invite-message', label: t('invitations.form.message') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);

  const setRow = (key: number, patch: Partial<InviteeRow>) =>
    setRows((current) =>
      current.map((row) => (row.key === key ? { ...row, ...patch, error: patch.email !== undefined ? undefined : row.error } : row)),
    );

  function addRow() {
    const row = newRow();
    setRows((current) => [...current, row]);
    // Focus the new row's first field once it is rendered.
    window.setTimeout(() => document.getElementById(`invite-${row.key}-email`)?.focus(), 0);
  }

  function removeRow(key: number) {
    const index = rows.findIndex((row) => row.key === key);
    setRows((current) => current.filter((row) => row.key !== key));
    const neighbour = rows[index + 1] ?? rows[index - 1];
    window.setTimeout(() => document.getElementById(neighbour ? `invite-${neighbour.key}-email` : 'invite-add')?.focus(), 0);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    const filled = rows.filter((row) => row.email.trim() || row.firstName.trim() || row.lastName.trim());
    for (const row of filled) if (!row.email.trim()) found[`row-${row.key}`] = [t('forms.required')];
    if (filled.length === 0) found[`row-${rows[0].key}`] = [t('invitations.form.atLeastOne')];
    for (const [field, problem] of Object.entries(roleScopeProblems(grant))) found[field] = [t(`forms.${problem}`)];
    if (message.length > MESSAGE_MAX_LENGTH) found.message = [t('forms.tooLong', { max: MESSAGE_MAX_LENGTH })];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      create.reset();
      return;
    }
    const sent = filled;
    create.mutate(
      {
        invitees: sent.map((row) => ({
          email: row.email.trim(),
          firstName: row.firstName.trim() || undefined,
          lastName: row.lastName.trim() || undefined,
          locale: row.locale,
        })),
        ...toGrant(grant),
        message: message.trim() || undefined,
      },
      {
        onSuccess: (result) => {
          setReport(result);
          // Keep only the refused rows, with their reason beside them, so they can be fixed and sent again.
          const refused = new Map(result.errors.map((e) => [e.row, errorText(e.code, e.message)]));
          const kept = sent.flatMap((row, index) => (refused.has(index + 1) ? [{ ...row, error: refused.get(index + 1) }] : []));
          setRows(kept.length > 0 ? kept : [newRow()]);
          if (kept.length === 0) setMessage('');
        },
      },
    );
  }

  return (
    <div className="stack">
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="invite-title">
        <h2 id="invite-title">{t('invitations.form.title')}</h2>
        <p className="form__note">{t('invitations.form.intro')}</p>
        <FormErrorSummary message={summary} fields={summary ? dedupe(erroredFields(errors, fields)) : []} />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('invitations.form.people')}</legend>
          {errors.invitees ? <p className="field__error">{errors.invitees.join(' ')}</p> : null}
          {rows.map((row, index) => {
            const rowErrors = [...(errors[`row-${row.key}`] ?? []), ...(row.error ? [row.error] : [])];
            return (
              <fieldset className="invitee" key={row.key}>
                <legend className="invitee__legend">{t('invitations.form.personN', { n: index + 1 })}</legend>
                <div className="invitee__fields">
                  <TextField
                    id={`invite-${row.key}-email`}
                    className="invitee__email"
                    type="email"
                    inputMode="email"
                    autoComplete="off"
                    label={t('fields.email')}
                    value={row.email}
                    onChange={(e) => setRow(row.key, { email: e.target.value })}
                    errors={rowErrors.length > 0 ? rowErrors : undefined}
                  />
                  <TextField
                    id={`invite-${row.key}-first-name`}
                    autoComplete="off"
                    label={t('invitations.form.firstNameOptional')}
                    value={row.firstName}
                    onChange={(e) => setRow(row.key, { firstName: e.target.value })}
                  />
                  <TextField
                    id={`invite-${row.key}-last-name`}
                    autoComplete="off"
                    label={t('invitations.form.lastNameOptional')}
                    value={row.lastName}
                    onChange={(e) => setRow(row.key, { lastName: e.target.value })}
                  />
                  <SelectField
                    id={`invite-${row.key}-locale`}
                    label={t('invitations.form.language')}
                    value={row.locale}
                    onChange={(e) => setRow(row.key, { locale: e.target.value })}
                    options={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
                  />
                </div>
                {rows.length > 1 ? (
                  <Button variant="link" onClick={() => removeRow(row.key)}>
                    {t('invitations.form.removePerson', { n: index + 1 })}
                  </Button>
                ) : null}
              </fieldset>
            );
          })}
          <Button id="invite-add" variant="secondary" onClick={addRow}>
            {t('invitations.form.addPerson')}
          </Button>
        </fieldset>
        <RoleScopePicker
          idPrefix="invite"
          legend={t('invitations.form.roleLegend')}
          value={grant}
          onChange={setGrant}
          roles={roles}
          departments={departments}
          projects={projects}
          errors={{ role: errors.role, scopeType: errors.scopeType, scopeId: errors.scopeId }}
        />
        <TextAreaField
          id="invite-message"
          label={t('invitations.form.message')}
          hint={t('invitations.form.messageHint', { max: MESSAGE_MAX_LENGTH })}
          rows={4}
          maxLength={MESSAGE_MAX_LENGTH}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          errors={errors.message}
        />
        <div className="form__actions">
          <Button type="submit" pending={create.isPending}>
            {t('invitations.form.submit')}
          </Button>
        </div>
      </form>
      {report ? <InvitationReportView report={report} rowLabel={t('invitations.report.person')} /> : null}
    </div>
  );
}

function dedupe<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationReport, Role } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { RoleScopePicker, type DepartmentOption, type ProjectOption } from '@/components/ui/role-scope-picker';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { initialRoleScope, roleScopeProblems, scopeFieldId, toGrant, type RoleScope } from '@/lib/roles';
import { useImportInvitations } from '../api/invitations';
import { InvitationReportView } from './invitation-report';
import { MESSAGE_MAX_LENGTH } from './invite-form';

export const MAX_CSV_ROWS = 1000;

export const EXAMPLE_CSV = [
  'email,first_name,last_name,locale',
  'marie.dubois@example.org,Marie,Dubois,fr',
  'jan.peeters@example.org,Jan,Peeters,nl',
  'sam.taylor@example.org,Sam,Taylor,en',
  '',
].join('\r\n');

/** A downloadable example made in the browser (a data: URL: no request, no inline script). */
const exampleHref = `data:text/csv;charset=utf-8,${encodeURIComponent(EXAMPLE_CSV)}`;

export interface ImportInvitationsFormProps {
  roles: readonly Role[];
  departments: readonly DepartmentOption[];
  /** The projects whose moderators may be invited (when project_moderator is offered). */
  projects?: readonly ProjectOption[];
}

export function ImportInvitationsForm({ roles, departments, projects = [] }: ImportInvitationsFormProps) {
  const { t } = useTranslation();
  const upload = useImportInvitations();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [grant, setGrant] = useState<RoleScope>(() => initialRoleScope(roles));
  const [message, setMessage] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [report, setReport] = useState<InvitationReport | null>(null);

  const apiError = upload.error ? toApiError(upload.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'file', id: 'import-file', label: t('invitations.import.file') },
    { key: 'role', id: 'import-role', label: t('roleScope.role') },
    { key: 'scopeType', id: 'import-role', label: t('roleScope.scope') },
    {
      key: 'scopeId',
      id: scopeFieldId('import', grant),
      label: t(grant.scopeType === 'project' ? 'roleScope.project' : 'roleScope.department'),
    },
    { key: 'message', id: 'import-message', label: t('invitations.form.message') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!file) found.file = [t('invitations.import.fileRequired')];
    for (const [field, problem] of Object.entries(roleScopeProblems(grant))) found[field] = [t(`forms.${problem}`)];
    if (message.length > MESSAGE_MAX_LENGTH) found.message = [t('forms.tooLong', { max: MESSAGE_MAX_LENGTH })];
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !file) {
      upload.reset();
      return;
    }
    const { role, scopeType, scopeId } = toGrant(grant);
    upload.mutate(
      { file, role, scopeType, scopeId, message: message.trim() },
      {
        onSuccess: (result) => {
          setReport(result);
          setFile(null);
          if (fileInput.current) fileInput.current.value = '';
        },
      },
    );
  }

  return (
    <div className="stack">
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="import-title">
        <h2 id="import-title">{t('invitations.import.title')}</h2>
        <div className="form__note">
          <p>{t('invitations.import.intro', { max: MAX_CSV_ROWS })}</p>
          <ul>
            <li>
              <code>email</code> — {t('invitations.import.columns.email')}
            </li>
            <li>
              <code>first_name</code>, <code>last_name</code> — {t('invitations.import.columns.names')}
            </li>
            <li>
              <code>locale</code> — {t('invitations.import.columns.locale')}
            </li>
          </ul>
          <p>
            <a href={exampleHref} download="invitations-example.csv">
              {t('invitations.import.example')}
            </a>
          </p>
        </div>
        <FormErrorSummary
          message={summary}
          fields={summary ? erroredFields(errors, fields).filter((f, i, all) => all.findIndex((g) => g.id === f.id) === i) : []}
        />
        <TextField
          ref={fileInput}
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          label={t('invitations.import.file')}
          hint={t('invitations.import.fileHint')}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          errors={errors.file}
        />
        <RoleScopePicker
          idPrefix="import"
          legend={t('invitations.form.roleLegend')}
          value={grant}
          onChange={setGrant}
          roles={roles}
          departments={departments}
          projects={projects}
          errors={{ role: errors.role, scopeType: errors.scopeType, scopeId: errors.scopeId }}
        />
        <TextAreaField
          id="import-message"
          label={t('invitations.form.message')}
          hint={t('invitations.form.messageHint', { max: MESSAGE_MAX_LENGTH })}
          rows={3}
          maxLength={MESSAGE_MAX_LENGTH}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          errors={errors.message}
        />
        <div className="form__actions">
          <Button type="submit" pending={upload.isPending}>
            {t('invitations.import.submit')}
          </Button>
        </div>
      </form>
      {report ? <InvitationReportView report={report} rowLabel={t('invitations.report.line')} /> : null}
    </div>
  );
}

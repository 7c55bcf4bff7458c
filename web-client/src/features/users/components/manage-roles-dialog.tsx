import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListUsersRoleGrant, ListUsersUser } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { RoleScopePicker, type DepartmentOption } from '@/components/ui/role-scope-picker';
import { StatusMessage } from '@/components/ui/status-message';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { EMPTY_ROLE_SCOPE, GRANTABLE_ROLES, roleScopeProblems, toGrant, type RoleScope } from '@/lib/roles';
import { useGrantRole, useRevokeRole } from '../api/users';
import { describeGrant } from './role-chips';

export interface ManageRolesDialogProps {
  user: ListUsersUser | null;
  departments: readonly DepartmentOption[];
  onClose: () => void;
}

/** Add roles to a person and take them away (after a confirmation), with the API's refusals explained. */
export function ManageRolesDialog({ user, departments, onClose }: ManageRolesDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={user !== null}
      title={user ? t('users.manage.title', { name: `${user.firstName} ${user.lastName}` }) : ''}
      onClose={onClose}
    >
      {user ? <ManageRoles user={user} departments={departments} /> : null}
    </Dialog>
  );
}

function ManageRoles({ user, departments }: { user: ListUsersUser; departments: readonly DepartmentOption[] }) {
  const { t } = useTranslation();
  const grant = useGrantRole();
  const revoke = useRevokeRole();
  const [value, setValue] = useState<RoleScope>(EMPTY_ROLE_SCOPE);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState<ListUsersRoleGrant | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.label ?? t('users.unknownDepartment');

  const apiError = grant.error ? toApiError(grant.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'role', id: 'grant-role', label: t('roleScope.role') },
    { key: 'scopeType', id: 'grant-role', label: t('roleScope.scope') },
    { key: 'scopeId', id: 'grant-department', label: t('roleScope.department') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);
  const revokeError = revoke.error ? toApiError(revoke.error) : null;

  function onGrant(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    for (const [field, problem] of Object.entries(roleScopeProblems(value))) found[field] = [t(`forms.${problem}`)];
    setClientErrors(found);
    setNotice(null);
    if (Object.keys(found).length > 0) {
      grant.reset();
      return;
    }
    const request = toGrant(value);
    grant.mutate(
      { userId: user.id, grant: request },
      {
        onSuccess: () => {
          setNotice(t('users.manage.granted', { role: describeGrant(t, request, departmentName) }));
          setValue(EMPTY_ROLE_SCOPE);
        },
      },
    );
  }

  function onRevoke() {
    if (!confirming) return;
    const removed = confirming;
    revoke.mutate(
      { userId: user.id, grantId: removed.id },
      {
        onSuccess: () => {
          setConfirming(null);
          setNotice(t('users.manage.revoked', { role: describeGrant(t, removed, departmentName) }));
          window.setTimeout(() => document.getElementById('grant-role')?.focus(), 0);
        },
      },
    );
  }

  return (
    <div className="stack">
      <StatusMessage>{notice}</StatusMessage>
      <section aria-labelledby="current-roles-title">
        <h3 id="current-roles-title">{t('users.manage.current')}</h3>
        {user.roles.length === 0 ? (
          <p>{t('users.noRole')}</p>
        ) : (
          <ul className="role-list">
            {user.roles.map((role) => {
              const label = describeGrant(t, role, departmentName);
              return (
                <li key={role.id} className="role-list__item">
                  <span>{label}</span>
                  {confirming?.id === role.id ? (
                    <span className="role-list__confirm">
                      <span id={`confirm-${role.id}`}>{t('users.manage.confirmRevoke', { role: label })}</span>
                      <Button
                        className="button--danger button--small"
                        autoFocus
                        aria-describedby={`confirm-${role.id}`}
                        pending={revoke.isPending}
                        onClick={onRevoke}
                      >
                        {t('users.manage.confirmRevokeButton')}
                      </Button>
                      <Button variant="secondary" className="button--small" onClick={() => setConfirming(null)}>
                        {t('common.cancel')}
                      </Button>
                    </span>
                  ) : (
                    <Button
                      variant="secondary"
                      className="button--small"
                      aria-label={t('users.manage.revokeLabel', { role: label })}
                      onClick={() => {
                        revoke.reset();
                        setNotice(null);
                        setConfirming(role);
                      }}
                    >
                      {t('common.remove')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <div role="alert">
          {revokeError ? <p className="field__error">{describeError(t, revokeError, { 409: t('users.manage.lastAdmin') })}</p> : null}
        </div>
      </section>
      <form className="form" noValidate onSubmit={onGrant} aria-labelledby="grant-title">
        <h3 id="grant-title">{t('users.manage.add')}</h3>
        <FormErrorSummary
          message={summary}
          fields={summary ? erroredFields(errors, fields).filter((f, i, all) => all.findIndex((g) => g.id === f.id) === i) : []}
        />
        <RoleScopePicker
          idPrefix="grant"
          legend={t('users.manage.addLegend')}
          value={value}
          onChange={setValue}
          roles={GRANTABLE_ROLES}
          departments={departments}
          errors={{ role: errors.role, scopeType: errors.scopeType, scopeId: errors.scopeId }}
        />
        <p className="form__note">{t('users.manage.emailNote')}</p>
        <div className="form__actions">
          <Button type="submit" pending={grant.isPending}>
            {t('users.manage.addSubmit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { Role } from '@contracts/participation-client';
import { oneOf } from '@/lib/closed-sets';
import { ROLE_SCOPES, type RoleScope } from '@/lib/roles';
import { SelectField } from './select-field';

export interface ScopeOption {
  id: string;
  label: string;
}

export type DepartmentOption = ScopeOption;
export type ProjectOption = ScopeOption;

export interface RoleScopePickerProps {
  idPrefix: string;
  legend: string;
  value: RoleScope;
  onChange: (value: RoleScope) => void;
  /** The roles the current user may give. */
  roles: readonly Role[];
  departments: readonly DepartmentOption[];
  /** The projects a project moderator may be given (only needed when that role is offered). */
  projects?: readonly ProjectOption[];
  errors?: Partial<Record<keyof RoleScope, string[]>>;
}

/**
 * Choose a role, then its scope: nothing more for platform roles, a department for department heads,
 * the whole platform or a department for elected officials, a project for project moderators.
 */
export function RoleScopePicker({
  idPrefix,
  legend,
  value,
  onChange,
  roles,
  departments,
  projects = [],
  errors = {},
}: RoleScopePickerProps) {
  const { t } = useTranslation();
  const scopes = value.role ? ROLE_SCOPES[value.role] : [];
  const choosesScope = scopes.length > 1;
  const needsDepartment = value.scopeType === 'department';
  const needsProject = value.scopeType === 'project';
  const scopeErrors = errors.scopeType && errors.scopeType.length > 0 ? errors.scopeType : undefined;

  function changeRole(text: string) {
    const role = oneOf(roles, text);
    const allowed = role ? ROLE_SCOPES[role] : [];
    onChange({ role: role ?? '', scopeType: allowed.length === 1 ? allowed[0] : '', scopeId: '' });
  }

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{legend}</legend>
      <SelectField
        id={`${idPrefix}-role`}
        label={t('roleScope.role')}
        value={value.role}
        onChange={(e) => changeRole(e.target.value)}
        errors={errors.role ?? (!choosesScope ? scopeErrors : undefined)}
        options={[{ value: '', label: t('roleScope.chooseRole') }, ...roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))]}
      />
      {value.role ? <p className="field__hint">{t(`roleScope.describe.${value.role}`)}</p> : null}
      {choosesScope ? (
        <fieldset
          className={['fieldset fieldset--plain', scopeErrors ? 'field--invalid' : ''].join(' ').trim()}
          aria-describedby={scopeErrors ? `${idPrefix}-scope-error` : undefined}
        >
          <legend className="field__label">{t('roleScope.scope')}</legend>
          {scopeErrors ? (
            <p className="field__error" id={`${idPrefix}-scope-error`}>
              {scopeErrors.join(' ')}
            </p>
          ) : null}
          {scopes.map((scope) => (
            <div className="choice" key={scope}>
              <input
                type="radio"
                id={`${idPrefix}-scope-${scope}`}
                name={`${idPrefix}-scope`}
                value={scope}
                checked={value.scopeType === scope}
                onChange={() => onChange({ ...value, scopeType: scope, scopeId: '' })}
              />
              <label htmlFor={`${idPrefix}-scope-${scope}`}>{t(`roleScope.scopeChoice.${scope}`)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {needsDepartment ? (
        departments.length > 0 ? (
          <SelectField
            id={`${idPrefix}-department`}
            label={t('roleScope.department')}
            value={value.scopeId}
            onChange={(e) => onChange({ ...value, scopeId: e.target.value })}
            errors={errors.scopeId}
            options={[{ value: '', label: t('roleScope.chooseDepartment') }, ...departments.map((d) => ({ value: d.id, label: d.label }))]}
          />
        ) : (
          <p className="notice" id={`${idPrefix}-department`}>
            {t('roleScope.noDepartments')}
          </p>
        )
      ) : null}
      {needsProject ? (
        projects.length > 0 ? (
          <SelectField
            id={`${idPrefix}-project`}
            label={t('roleScope.project')}
            value={value.scopeId}
            onChange={(e) => onChange({ ...value, scopeId: e.target.value })}
            errors={errors.scopeId}
            options={[{ value: '', label: t('roleScope.chooseProject') }, ...projects.map((p) => ({ value: p.id, label: p.label }))]}
          />
        ) : (
          <p className="notice" id={`${idPrefix}-project`}>
            {t('roleScope.noProjects')}
          </p>
        )
      ) : null}
      {!needsDepartment && !needsProject && errors.scopeId && errors.scopeId.length > 0 ? (
        <p className="field__error">{errors.scopeId.join(' ')}</p>
      ) : null}
    </fieldset>
  );
}

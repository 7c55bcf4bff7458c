import type { GrantRoleRequest, Role as ContractRole, ScopeType as ContractScopeType } from '@contracts/participation-client';

/*
 * The contract's Role and ScopeType (generated enums) with their values written out: importing the enums themselves
 * would bring the whole generated client into the home page's first load (src/api/first-load.ts). TypeScript checks
 * each value against its member, roles.test.ts that none is missing.
 */
type Role = ContractRole;
const Role = {
  Admin: 'admin' as ContractRole.Admin,
  DepartmentHead: 'department_head' as ContractRole.DepartmentHead,
  ProjectModerator: 'project_moderator' as ContractRole.ProjectModerator,
  CommunicationManager: 'communication_manager' as ContractRole.CommunicationManager,
  ItManager: 'it_manager' as ContractRole.ItManager,
  ElectedOfficial: 'elected_official' as ContractRole.ElectedOfficial,
} as const;
type ScopeType = ContractScopeType;
const ScopeType = {
  Platform: 'platform' as ContractScopeType.Platform,
  Department: 'department' as ContractScopeType.Department,
  Project: 'project' as ContractScopeType.Project,
} as const;

/** The staff roles (the generated enum) and the scopes each may have (mirrors the API's Roles.ScopeAllowed). */
export const ROLES: Role[] = Object.values(Role);

export const ROLE_SCOPES: Record<Role, ScopeType[]> = {
  [Role.Admin]: [ScopeType.Platform],
  [Role.DepartmentHead]: [ScopeType.Department],
  [Role.ProjectModerator]: [ScopeType.Project],
  [Role.CommunicationManager]: [ScopeType.Platform],
  [Role.ItManager]: [ScopeType.Platform],
  [Role.ElectedOfficial]: [ScopeType.Platform, ScopeType.Department],
};

/** Roles the user dialog gives (it has no project picker: project moderators are invited or named from their project). */
export const GRANTABLE_ROLES: Role[] = ROLES.filter((role) => !ROLE_SCOPES[role].every((scope) => scope === ScopeType.Project));

/** Roles an admin may invite: all of them, project moderators included. */
export const INVITABLE_ROLES: Role[] = [...ROLES];

/** Roles a department head may invite: moderators for their department's projects. */
export const HEAD_INVITABLE_ROLES: Role[] = [Role.ProjectModerator];

export interface RoleGrantLike {
  role: string;
  scopeType: string;
  scopeId?: string | undefined;
}

/** Staff = anyone with at least one role (every registered user is also a resident). */
export function isStaff(roles: readonly RoleGrantLike[] | undefined): boolean {
  return !!roles && roles.length > 0;
}

export function hasRole(roles: readonly RoleGrantLike[] | undefined, role: Role): boolean {
  return !!roles && roles.some((grant) => grant.role === role);
}

/** Who reads dashboards (the API decides which scopes: GET /dashboard/scopes). */
export const DASHBOARD_ROLES: Role[] = [Role.Admin, Role.ElectedOfficial, Role.DepartmentHead, Role.ProjectModerator];

/**
 * Where someone lands after signing in (when no page asked for the sign-in): elected officials on the dashboard of
 * their scope, other staff on their workspace (the staff area), residents on their profile.
 */
export function landingPath(roles: readonly RoleGrantLike[] | undefined): string {
  if (hasRole(roles, Role.ElectedOfficial)) return '/dashboard';
  if (isStaff(roles)) return '/admin';
  return '/profile';
}

/** The departments a user heads. */
export function headedDepartments(roles: readonly RoleGrantLike[] | undefined): string[] {
  return (roles ?? []).filter((g) => g.role === 'department_head' && g.scopeId).map((g) => g.scopeId!);
}

/** A role and scope being chosen in a form; '' while not chosen. */
export interface RoleScope {
  role: Role | '';
  scopeType: ScopeType | '';
  scopeId: string;
}

export const EMPTY_ROLE_SCOPE: RoleScope = { role: '', scopeType: '', scopeId: '' };

/** The starting choice: the role (and its scope type) already chosen when only one may be given. */
export function initialRoleScope(roles: readonly Role[]): RoleScope {
  if (roles.length !== 1) return EMPTY_ROLE_SCOPE;
  const scopes = ROLE_SCOPES[roles[0]];
  return { role: roles[0], scopeType: scopes.length === 1 ? scopes[0] : '', scopeId: '' };
}

/** The id of the picker's scope field, for error summaries: the department or the project list. */
export function scopeFieldId(idPrefix: string, value: RoleScope): string {
  return `${idPrefix}-${value.scopeType === 'project' ? 'project' : 'department'}`;
}

/** The API's shape: no scope id for platform roles. Only once `roleScopeProblems` finds nothing missing. */
export function toGrant(value: RoleScope): GrantRoleRequest & { scopeId: string | undefined } {
  const { role, scopeType, scopeId } = value;
  if (!role || !scopeType) throw new Error('toGrant: the role or its scope is not chosen yet (check roleScopeProblems first)');
  return { role, scopeType, scopeId: scopeType === ScopeType.Platform ? undefined : scopeId || undefined };
}

/** What is still missing before a role and scope can be sent: field → translation key. */
export function roleScopeProblems(value: RoleScope): Partial<Record<keyof RoleScope, 'required'>> {
  const problems: Partial<Record<keyof RoleScope, 'required'>> = {};
  if (!value.role) problems.role = 'required';
  else if (!value.scopeType) problems.scopeType = 'required';
  else if (value.scopeType !== 'platform' && !value.scopeId) problems.scopeId = 'required';
  return problems;
}

/** Multilingual names (French required): the current language, else French, else any. */
export function localizedName(name: Record<string, string> | undefined | null, language: string): string {
  if (!name) return '';
  return name[language] || name.fr || Object.values(name)[0] || '';
}

import { describe, expect, it } from 'vitest';
import { Role, ScopeType } from '@contracts/participation-client';
import { landingPath, ROLE_SCOPES, ROLES } from './roles';

describe('the roles and scope types written out', () => {
  it('are all the contract’s', () => {
    expect(ROLES).toEqual(Object.values(Role));
    expect(new Set(Object.values(ROLE_SCOPES).flat())).toEqual(new Set(Object.values(ScopeType)));
  });
});

const grant = (role: string, scopeType = 'platform', scopeId?: string) => ({ role, scopeType, scopeId });

describe('landingPath', () => {
  it('sends elected officials to their dashboard, even with another role', () => {
    expect(landingPath([grant('elected_official', 'department', 'd-1')])).toBe('/dashboard');
    expect(landingPath([grant('admin'), grant('elected_official')])).toBe('/dashboard');
  });

  it('sends other staff to their workspace and residents to their profile', () => {
    expect(landingPath([grant('department_head', 'department', 'd-1')])).toBe('/admin');
    expect(landingPath([grant('communication_manager')])).toBe('/admin');
    expect(landingPath([])).toBe('/profile');
    expect(landingPath(undefined)).toBe('/profile');
  });
});

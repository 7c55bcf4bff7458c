import { describe, expect, it } from 'vitest';
import { landingPath } from './roles';

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

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Role, ScopeType } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { EMPTY_ROLE_SCOPE, GRANTABLE_ROLES, roleScopeProblems, toGrant, type RoleScope } from '@/lib/roles';
import { RoleScopePicker } from './role-scope-picker';

const departments = [
  { id: 'd-1', label: 'Urbanisme' },
  { id: 'd-2', label: 'Mobilité' },
];

function Harness({ onChange, errors }: { onChange?: (value: RoleScope) => void; errors?: Partial<Record<keyof RoleScope, string[]>> }) {
  const [value, setValue] = useState<RoleScope>(EMPTY_ROLE_SCOPE);
  return (
    <RoleScopePicker
      idPrefix="t"
      legend="Rôle proposé"
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange?.(next);
      }}
      roles={GRANTABLE_ROLES}
      departments={departments}
      errors={errors}
    />
  );
}

describe('RoleScopePicker', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('offers the roles that can be given today, not project moderators', () => {
    render(<Harness />);
    const options = Array.from(screen.getByLabelText<HTMLSelectElement>('Rôle').options).map((o) => o.value);
    expect(options).toEqual(['', 'admin', 'department_head', 'communication_manager', 'it_manager', 'elected_official']);
    expect(screen.getByRole('group', { name: 'Rôle proposé' })).toBeInTheDocument();
  });

  it('needs nothing more for a platform role', async () => {
    const onChange = vi.fn<(value: RoleScope) => void>();
    render(<Harness onChange={onChange} />);
    await userEvent.setup().selectOptions(screen.getByLabelText('Rôle'), 'it_manager');
    expect(onChange).toHaveBeenLastCalledWith({ role: 'it_manager', scopeType: 'platform', scopeId: '' });
    expect(screen.queryByLabelText('Service')).not.toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(toGrant(onChange.mock.lastCall![0])).toEqual({ role: 'it_manager', scopeType: 'platform', scopeId: undefined });
    // Nothing chosen yet is no grant (the forms check roleScopeProblems first).
    expect(() => toGrant(EMPTY_ROLE_SCOPE)).toThrow();
  });

  it('asks for a department for a department head', async () => {
    const onChange = vi.fn<(value: RoleScope) => void>();
    render(<Harness onChange={onChange} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Rôle'), 'department_head');
    expect(roleScopeProblems(onChange.mock.lastCall![0])).toEqual({ scopeId: 'required' });
    await user.selectOptions(screen.getByLabelText('Service'), 'Mobilité');
    expect(onChange).toHaveBeenLastCalledWith({ role: 'department_head', scopeType: 'department', scopeId: 'd-2' });
    expect(roleScopeProblems(onChange.mock.lastCall![0])).toEqual({});
  });

  it('lets an elected official cover the whole platform or one department', async () => {
    const onChange = vi.fn<(value: RoleScope) => void>();
    render(<Harness onChange={onChange} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Rôle'), 'elected_official');
    expect(screen.getByRole('group', { name: 'Périmètre' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Service')).not.toBeInTheDocument();
    expect(roleScopeProblems(onChange.mock.lastCall![0])).toEqual({ scopeType: 'required' });

    await user.click(screen.getByLabelText('Un service'));
    await user.selectOptions(screen.getByLabelText('Service'), 'Urbanisme');
    expect(onChange).toHaveBeenLastCalledWith({ role: 'elected_official', scopeType: 'department', scopeId: 'd-1' });

    await user.click(screen.getByLabelText('Toute la plateforme'));
    expect(onChange).toHaveBeenLastCalledWith({ role: 'elected_official', scopeType: 'platform', scopeId: '' });
    expect(screen.queryByLabelText('Service')).not.toBeInTheDocument();
  });

  it('shows errors beside the fields they concern', () => {
    render(<Harness errors={{ role: ['Rôle inconnu.'] }} />);
    const role = screen.getByLabelText('Rôle');
    expect(role).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById(role.getAttribute('aria-describedby')!)).toHaveTextContent('Rôle inconnu.');
  });

  it('explains that departments must exist first', () => {
    render(
      <RoleScopePicker
        idPrefix="t"
        legend="Rôle"
        value={{ role: Role.DepartmentHead, scopeType: ScopeType.Department, scopeId: '' }}
        onChange={() => {}}
        roles={GRANTABLE_ROLES}
        departments={[]}
      />,
    );
    expect(screen.getByText(/Aucun service n’existe encore/)).toBeInTheDocument();
  });
});

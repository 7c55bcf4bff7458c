import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Role, SegmentKind, type Segment } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { SegmentPicker } from './segment-picker';

const projects = [
  { id: 'p1', label: 'Parc du centre' },
  { id: 'p2', label: 'Rue piétonne' },
];

function Harness({ onChange }: { onChange: (s: Segment) => void }) {
  const [value, setValue] = useState<Segment>({ kind: SegmentKind.Newsletter });
  return (
    <SegmentPicker
      value={value}
      projects={projects}
      areas={[
        { id: 'a1', label: 'Gare' },
        { id: 'a2', label: 'Marolles' },
      ]}
      errors={{ 'segment.roles': ['Choisissez au moins un rôle.'] }}
      onChange={(s) => {
        setValue(s);
        onChange(s);
      }}
    />
  );
}

describe('SegmentPicker', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('asks for a project for project segments and for roles for staff segments', async () => {
    const onChange = vi.fn();
    render(
      <TestProviders>
        <Harness onChange={onChange} />
      </TestProviders>,
    );
    const user = userEvent.setup();
    expect(screen.queryByLabelText('Projet')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Envoyer à'), SegmentKind.ProjectFollowers);
    expect(onChange).toHaveBeenLastCalledWith({ kind: SegmentKind.ProjectFollowers, projectId: 'p1', roles: undefined });
    await user.selectOptions(screen.getByLabelText('Projet'), 'p2');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ projectId: 'p2' }));

    await user.selectOptions(screen.getByLabelText('Envoyer à'), SegmentKind.StaffRoles);
    expect(screen.queryByLabelText('Projet')).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Rôles' })).toHaveAccessibleDescription('Choisissez au moins un rôle.');
    await user.click(screen.getByRole('checkbox', { name: 'Responsable communication' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: SegmentKind.StaffRoles, projectId: undefined, roles: [Role.CommunicationManager] });
  });

  it('asks for an area for an area segment and says who its residents are', async () => {
    const onChange = vi.fn();
    render(
      <TestProviders>
        <Harness onChange={onChange} />
      </TestProviders>,
    );
    const user = userEvent.setup();
    expect(screen.queryByLabelText('Quartier')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Envoyer à'), SegmentKind.Area);
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ kind: SegmentKind.Area, areaId: 'a1' }));
    expect(screen.getByLabelText('Envoyer à')).toHaveAccessibleDescription(expect.stringContaining('proposé une idée dans ce quartier'));
    await user.selectOptions(screen.getByLabelText('Quartier'), 'a2');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ kind: SegmentKind.Area, areaId: 'a2' }));
  });
});

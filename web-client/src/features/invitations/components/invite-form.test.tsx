import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { InvitationRowErrorCode, InvitationSkipReason, type Role } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { GRANTABLE_ROLES, HEAD_INVITABLE_ROLES, INVITABLE_ROLES } from '@/lib/roles';
import { TestProviders } from '@/test/providers';
import { InviteForm } from './invite-form';

vi.mock('@/api/client', () => ({
  api: { createInvitations: vi.fn() },
}));

const createInvitations = vi.mocked(api.createInvitations);
const departments = [{ id: 'd-1', label: 'Urbanisme' }];
const projects = [
  { id: 'p-1', label: 'Fête de quartier' },
  { id: 'p-2', label: 'Parc Josaphat' },
];

function renderForm(roles: readonly Role[] = GRANTABLE_ROLES) {
  render(
    <TestProviders>
      <MemoryRouter>
        <InviteForm roles={roles} departments={departments} projects={projects} />
      </MemoryRouter>
    </TestProviders>,
  );
  return userEvent.setup();
}

function person(n: number) {
  return within(screen.getByRole('group', { name: `Personne ${n}` }));
}

function errorOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('InviteForm', () => {
  beforeEach(async () => {
    createInvitations.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('checks the addresses and the role before calling the API', async () => {
    const user = renderForm();
    await user.click(screen.getByRole('button', { name: 'Envoyer les invitations' }));

    const email = person(1).getByLabelText('Adresse e-mail');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(email)).toBe('Indiquez au moins une adresse e-mail.');
    expect(screen.getByLabelText('Rôle')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Certains champs ne sont pas valides.');
    expect(createInvitations).not.toHaveBeenCalled();
  });

  it('sends every row with the role, scope and message, and renders the per-row report', async () => {
    createInvitations.mockResolvedValue({
      invited: [{ row: 1, id: 'i-1', email: 'marie@example.test' }],
      skips: [{ row: 2, email: 'jan@example.test', reason: InvitationSkipReason.AlreadyInvited }],
      errors: [{ row: 3, email: 'not-an-address', code: InvitationRowErrorCode.InvalidEmail, message: 'Not a valid e-mail address.' }],
    });
    const user = renderForm();
    await user.type(person(1).getByLabelText('Adresse e-mail'), 'marie@example.test');
    await user.type(person(1).getByLabelText('Prénom (facultatif)'), 'Marie');
    await user.click(screen.getByRole('button', { name: 'Ajouter une personne' }));
    await user.type(person(2).getByLabelText('Adresse e-mail'), 'jan@example.test');
    await user.selectOptions(person(2).getByLabelText('Langue de l’e-mail'), 'nl');
    await user.click(screen.getByRole('button', { name: 'Ajouter une personne' }));
    await user.type(person(3).getByLabelText('Adresse e-mail'), 'not-an-address');
    await user.selectOptions(screen.getByLabelText('Rôle'), 'department_head');
    await user.selectOptions(screen.getByLabelText('Service'), 'Urbanisme');
    await user.type(screen.getByLabelText('Message personnel (facultatif)'), 'Bienvenue !');
    await user.click(screen.getByRole('button', { name: 'Envoyer les invitations' }));

    expect(createInvitations).toHaveBeenCalledWith({
      invitees: [
        { email: 'marie@example.test', firstName: 'Marie', lastName: undefined, locale: 'fr' },
        { email: 'jan@example.test', firstName: undefined, lastName: undefined, locale: 'nl' },
        { email: 'not-an-address', firstName: undefined, lastName: undefined, locale: 'fr' },
      ],
      role: 'department_head',
      scopeType: 'department',
      scopeId: 'd-1',
      message: 'Bienvenue !',
    });

    expect(await screen.findByRole('heading', { name: 'Résultat' })).toHaveFocus();
    expect(screen.getByText('Invitations envoyées : 1 · ignorées : 1 · erreurs : 1.')).toBeInTheDocument();
    const invited = screen.getByRole('table', { name: 'Invitations envoyées (1)' });
    expect(within(invited).getByRole('row', { name: /marie@example\.test/ })).toHaveTextContent('1');
    const skipped = screen.getByRole('table', { name: 'Lignes ignorées (1)' });
    expect(within(skipped).getByRole('row', { name: /jan@example\.test/ })).toHaveTextContent(
      'Une invitation est déjà en attente : renvoyez-la depuis la liste.',
    );
    const errors = screen.getByRole('table', { name: 'Lignes en erreur (1)' });
    expect(within(errors).getByRole('row', { name: /not-an-address/ })).toHaveTextContent('3not-an-addressAdresse e-mail non valide.');

    // Only the refused row stays in the form, with its reason beside the address.
    expect(screen.queryByRole('group', { name: 'Personne 2' })).not.toBeInTheDocument();
    const kept = person(1).getByLabelText('Adresse e-mail');
    expect(kept).toHaveValue('not-an-address');
    expect(kept).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(kept)).toBe('Adresse e-mail non valide.');
  });

  it('shows the API field errors beside the fields', async () => {
    createInvitations.mockRejectedValue({
      status: 400,
      title: 'One or more fields are invalid.',
      errors: { scopeId: ['Périmètre inconnu.'], message: ['Les caractères de contrôle ne sont pas acceptés.'] },
    });
    const user = renderForm();
    await user.type(person(1).getByLabelText('Adresse e-mail'), 'marie@example.test');
    await user.selectOptions(screen.getByLabelText('Rôle'), 'department_head');
    await user.selectOptions(screen.getByLabelText('Service'), 'Urbanisme');
    await user.type(screen.getByLabelText('Message personnel (facultatif)'), 'x');
    await user.click(screen.getByRole('button', { name: 'Envoyer les invitations' }));

    const department = screen.getByLabelText('Service');
    await vi.waitFor(() => expect(department).toHaveAttribute('aria-invalid', 'true'));
    expect(errorOf(department)).toBe('Périmètre inconnu.');
    expect(errorOf(screen.getByLabelText('Message personnel (facultatif)'))).toBe('Les caractères de contrôle ne sont pas acceptés.');
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('Certains champs ne sont pas valides.');
    expect(within(summary).getByRole('link', { name: 'Service' })).toBeInTheDocument();
    // Nothing was invited: the rows stay as typed.
    expect(person(1).getByLabelText('Adresse e-mail')).toHaveValue('marie@example.test');
  });

  it('says when the user may not invite', async () => {
    createInvitations.mockRejectedValue({ status: 403, title: 'You are not allowed to do this.' });
    const user = renderForm();
    await user.type(person(1).getByLabelText('Adresse e-mail'), 'marie@example.test');
    await user.selectOptions(screen.getByLabelText('Rôle'), 'it_manager');
    await user.click(screen.getByRole('button', { name: 'Envoyer les invitations' }));
    expect(await screen.findByText('Vous n’avez pas accès à cette action.')).toBeInTheDocument();
  });

  it('invites a project moderator for the chosen project, the project required beside its list', async () => {
    createInvitations.mockResolvedValue({ invited: [{ row: 1, id: 'i-1', email: 'maelle@example.test' }], skips: [], errors: [] });
    const user = renderForm(INVITABLE_ROLES);
    await user.type(person(1).getByLabelText('Adresse e-mail'), 'maelle@example.test');
    await user.selectOptions(screen.getByLabelText('Rôle'), 'project_moderator');
    expect(screen.queryByLabelText('Service')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Envoyer les invitations' }));

    const project = screen.getByLabelText('Projet');
    expect(project).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(project)).toBe('Ce champ est obligatoire.');
    expect(within(screen.getByRole('alert')).getByRole('link', { name: 'Projet' })).toHaveAttribute('href', '#invite-project');
    expect(createInvitations).not.toHaveBeenCalled();

    await user.selectOptions(project, 'Parc Josaphat');
    await user.click(screen.getByRole('button', { name: 'Envoyer les invitations' }));
    expect(createInvitations).toHaveBeenCalledWith({
      invitees: [{ email: 'maelle@example.test', firstName: undefined, lastName: undefined, locale: 'fr' }],
      role: 'project_moderator',
      scopeType: 'project',
      scopeId: 'p-2',
      message: undefined,
    });
  });

  it('offers a department head only project moderators, already chosen, and shows API errors beside the project', async () => {
    createInvitations.mockRejectedValue({
      status: 400,
      title: 'One or more fields are invalid.',
      errors: { scopeId: ['Projet inconnu.'] },
    });
    const user = renderForm(HEAD_INVITABLE_ROLES);
    const role = screen.getByLabelText('Rôle');
    expect(role).toHaveValue('project_moderator');
    expect(
      within(role)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choisissez un rôle', 'Modérateur de projet']);
    await user.type(person(1).getByLabelText('Adresse e-mail'), 'maelle@example.test');
    await user.selectOptions(screen.getByLabelText('Projet'), 'Fête de quartier');
    await user.click(screen.getByRole('button', { name: 'Envoyer les invitations' }));

    expect(createInvitations).toHaveBeenCalledWith(
      expect.objectContaining({ role: 'project_moderator', scopeType: 'project', scopeId: 'p-1' }),
    );
    const project = screen.getByLabelText('Projet');
    await vi.waitFor(() => expect(project).toHaveAttribute('aria-invalid', 'true'));
    expect(errorOf(project)).toBe('Projet inconnu.');
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OperatorAccount, OperatorAccountState, OperatorRole } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { AddOperatorForm, OperatorPeople } from './operator-people';

const calls = vi.hoisted(() => ({
  listOperators: vi.fn(),
  createOperator: vi.fn(),
  changeOperatorRole: vi.fn(),
  disableOperator: vi.fn(),
  enableOperator: vi.fn(),
  setOperatorPassword: vi.fn(),
  resendOperatorInvitation: vi.fn(),
  revokeOperatorInvitation: vi.fn(),
}));

vi.mock('@contracts/participation-client', () => ({
  ParticipationClient: class {
    listOperators = calls.listOperators;
    createOperator = calls.createOperator;
    changeOperatorRole = calls.changeOperatorRole;
    disableOperator = calls.disableOperator;
    enableOperator = calls.enableOperator;
    setOperatorPassword = calls.setOperatorPassword;
    resendOperatorInvitation = calls.resendOperatorInvitation;
    revokeOperatorInvitation = calls.revokeOperatorInvitation;
  },
}));

const person = (id: string, displayName: string, role: string, disabledAt?: string): OperatorAccount => ({
  id,
  email: `${id}@vendor.test`,
  displayName,
  role: role as OperatorRole,
  createdAt: '2026-12-01T10:00:00Z',
  disabledAt,
});

const olivia = person('o1', 'Olivia', 'operator');
const sam = person('s1', 'Sam', 'support');
const otto = person('o2', 'Otto', 'operator', '2026-12-02T10:00:00Z');

function renderIn(ui: React.ReactNode) {
  return render(
    <TestProviders>
      <MemoryRouter>{ui}</MemoryRouter>
    </TestProviders>,
  );
}

describe('the console’s people', () => {
  beforeEach(async () => {
    Object.values(calls).forEach((call) => call.mockReset());
    await i18n.changeLanguage('fr');
  });

  it('lists the people, offers no action on oneself, and disables another after a confirmation, with the keyboard', async () => {
    calls.listOperators.mockResolvedValue({ items: [olivia, sam, otto] });
    calls.disableOperator.mockResolvedValue({ ...sam, disabledAt: '2026-12-07T10:00:00Z' });
    renderIn(<OperatorPeople selfId="o1" />);
    const self = (await screen.findByRole('rowheader', { name: 'Olivia (vous)' })).closest('tr')!;
    expect(within(self).queryByRole('button')).toBeNull();
    const ottoRow = screen.getByRole('rowheader', { name: 'Otto' }).closest('tr')!;
    expect(within(ottoRow).getByText('désactivé')).toBeInTheDocument();
    expect(within(ottoRow).getByRole('button', { name: 'Réactiver – Otto' })).toBeInTheDocument();

    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Désactiver – Sam' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Désactiver Sam \?/)).toBeInTheDocument();
    expect(calls.disableOperator).not.toHaveBeenCalled();
    within(dialog).getByRole('button', { name: 'Désactiver' }).focus();
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(calls.disableOperator).toHaveBeenCalledWith('s1'));
  });

  it('gives another person a new password from a dialog: too short is said on the field, then it is sent and confirmed', async () => {
    calls.listOperators.mockResolvedValue({ items: [olivia, sam] });
    calls.setOperatorPassword.mockResolvedValue(undefined);
    renderIn(<OperatorPeople selfId="o1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Nouveau mot de passe – Sam' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau mot de passe pour Sam' });
    expect(within(dialog).getByText(/Sam sera déconnecté·e tout de suite/)).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText(/^Nouveau mot de passe/), 'court');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(await within(dialog).findByText('Le mot de passe doit compter au moins 12 caractères.')).toBeInTheDocument();
    expect(calls.setOperatorPassword).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText(/^Nouveau mot de passe/), ' mais plus long');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le mot de passe' }));
    await vi.waitFor(() => expect(calls.setOperatorPassword).toHaveBeenCalledWith('s1', { password: 'court mais plus long' }));
    expect(await screen.findByText('Nouveau mot de passe enregistré pour Sam.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says so when the change would leave no enabled operator', async () => {
    calls.listOperators.mockResolvedValue({ items: [olivia, person('o3', 'Oscar', 'operator')] });
    calls.changeOperatorRole.mockRejectedValue({ status: 409, title: 'This is the last enabled operator.' });
    renderIn(<OperatorPeople selfId="o1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Passer au support – Oscar' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Passer au support' }));
    expect(await within(dialog).findByText('C’est le dernier opérateur actif : nommez-en un autre d’abord.')).toBeInTheDocument();
    expect(calls.changeOperatorRole).toHaveBeenCalledWith('o3', { role: 'support' });
  });

  it('shows who is still invited until when, and resends or withdraws their invitation after a confirmation, with the keyboard', async () => {
    const inès: OperatorAccount = {
      ...person('i1', 'Inès', 'support'),
      state: 'invited' as OperatorAccountState,
      invitationExpiresAt: '2099-12-14T10:00:00Z',
    };
    const ivan: OperatorAccount = {
      ...person('i2', 'Ivan', 'operator'),
      state: 'invited' as OperatorAccountState,
      invitationExpiresAt: '2020-01-01T10:00:00Z',
    };
    calls.listOperators.mockResolvedValue({ items: [olivia, inès, ivan] });
    calls.resendOperatorInvitation.mockResolvedValue({ ...ivan, invitationExpiresAt: '2099-12-20T10:00:00Z' });
    calls.revokeOperatorInvitation.mockResolvedValue(undefined);
    renderIn(<OperatorPeople selfId="o1" />);
    const inèsRow = (await screen.findByRole('rowheader', { name: 'Inès' })).closest('tr')!;
    expect(within(inèsRow).getByText('invitation envoyée, valable jusqu’au 14 décembre 2099')).toBeInTheDocument();
    expect(within(inèsRow).queryByRole('button', { name: 'Désactiver – Inès' })).toBeNull();
    const ivanRow = screen.getByRole('rowheader', { name: 'Ivan' }).closest('tr')!;
    expect(within(ivanRow).getByText('invitation expirée le 1 janvier 2020')).toBeInTheDocument();

    const user = userEvent.setup();
    within(ivanRow).getByRole('button', { name: 'Renvoyer l’invitation – Ivan' }).focus();
    await user.keyboard('{Enter}');
    let dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Envoyer un nouveau lien à Ivan \?/)).toBeInTheDocument();
    within(dialog).getByRole('button', { name: 'Renvoyer l’invitation' }).focus();
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(calls.resendOperatorInvitation).toHaveBeenCalledWith('i2'));
    expect(await screen.findByText('Nouvelle invitation envoyée à Ivan.')).toBeInTheDocument();

    await user.click(within(inèsRow).getByRole('button', { name: 'Retirer l’invitation – Inès' }));
    dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/son compte, jamais utilisé, est supprimé/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Retirer l’invitation' }));
    await vi.waitFor(() => expect(calls.revokeOperatorInvitation).toHaveBeenCalledWith('i1'));
    expect(await screen.findByText('Invitation de Inès retirée.')).toBeInTheDocument();
  });

  it('invites a person by e-mail by default: no password asked, the e-mail’s language sent', async () => {
    calls.createOperator.mockResolvedValueOnce(person('n1', 'Nina', 'support'));
    renderIn(<AddOperatorForm />);
    const user = userEvent.setup();
    expect(screen.queryByLabelText(/^Mot de passe initial/)).toBeNull();
    await user.type(screen.getByLabelText(/^Adresse e-mail/), 'nina@vendor.test');
    await user.type(screen.getByLabelText(/^Nom/), 'Nina');
    await user.selectOptions(screen.getByLabelText(/^Langue de l’e-mail/), 'nl');
    await user.click(screen.getByRole('button', { name: 'Envoyer l’invitation' }));
    expect(await screen.findByText('Invitation envoyée à Nina (n1@vendor.test).')).toBeInTheDocument();
    expect(calls.createOperator).toHaveBeenLastCalledWith({
      email: 'nina@vendor.test',
      displayName: 'Nina',
      role: 'support',
      locale: 'nl',
    });
  });

  it('adds a person with a first password when asked, and shows the API’s field errors next to the fields', async () => {
    calls.createOperator.mockRejectedValueOnce({
      status: 400,
      title: 'One or more validation errors occurred.',
      errors: { password: ['Au moins 12 caractères.'] },
    });
    calls.createOperator.mockResolvedValueOnce(person('n1', 'Nina', 'support'));
    renderIn(<AddOperatorForm />);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Donner plutôt un mot de passe initial, à transmettre par un autre canal'));
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(await screen.findByText('Certains champs ne sont pas valides.')).toBeInTheDocument();
    expect(calls.createOperator).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(/^Adresse e-mail/), 'nina@vendor.test');
    await user.type(screen.getByLabelText(/^Nom/), 'Nina');
    await user.type(screen.getByLabelText(/^Mot de passe initial/), 'court');
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(await screen.findByText('Au moins 12 caractères.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText(/^Mot de passe initial/));
    await user.type(screen.getByLabelText(/^Mot de passe initial/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(await screen.findByText('Nina a été ajouté·e.')).toBeInTheDocument();
    expect(calls.createOperator).toHaveBeenLastCalledWith({
      email: 'nina@vendor.test',
      displayName: 'Nina',
      role: 'support',
      password: 'correct horse battery',
    });
  });
});

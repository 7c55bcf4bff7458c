import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { operatorSession } from '../api/operator-session';
import { OperatorInvitation } from './operator-invitation';

const calls = vi.hoisted(() => ({
  lookupOperatorInvitation: vi.fn(),
  acceptOperatorInvitation: vi.fn(),
}));

vi.mock('@contracts/participation-client', () => ({
  ParticipationClient: class {
    lookupOperatorInvitation = calls.lookupOperatorInvitation;
    acceptOperatorInvitation = calls.acceptOperatorInvitation;
  },
}));

const invitation = { displayName: 'Inès', email: 'ines@vendor.test', role: 'support', expiresAt: '2099-12-14T10:00:00Z' };

function renderPage(onAccepted = vi.fn()) {
  render(
    <TestProviders>
      <MemoryRouter>
        <OperatorInvitation token="the-token" onAccepted={onAccepted} />
      </MemoryRouter>
    </TestProviders>,
  );
  return onAccepted;
}

describe('a console invitation’s page', () => {
  beforeEach(async () => {
    Object.values(calls).forEach((call) => call.mockReset());
    operatorSession.clear();
    await i18n.changeLanguage('fr');
  });

  it('says who is invited, asks the password twice, then signs the person in', async () => {
    calls.lookupOperatorInvitation.mockResolvedValue(invitation);
    const session = {
      accessToken: 'token',
      expiresAt: '2099-12-07T11:00:00Z',
      operator: { id: 'i1', email: 'ines@vendor.test', displayName: 'Inès', role: 'support', passwordChangeRequired: false },
      tokenType: 'Bearer',
    };
    calls.acceptOperatorInvitation.mockResolvedValue(session);
    const onAccepted = renderPage();
    expect(
      await screen.findByText('Bonjour Inès, vous êtes invité·e dans la console de l’éditeur en tant que support.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/ines@vendor.test. Ce lien est valable jusqu’au 14 décembre 2099/)).toBeInTheDocument();
    expect(calls.lookupOperatorInvitation).toHaveBeenCalledWith({ token: 'the-token' }, expect.anything());

    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Mot de passe/), 'court');
    await user.click(screen.getByRole('button', { name: 'Activer mon compte' }));
    expect(await screen.findByText('Le mot de passe doit compter au moins 12 caractères.')).toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Mot de passe/), ' mais plus long');
    await user.type(screen.getByLabelText(/^Confirmez le mot de passe/), 'autre chose encore');
    await user.click(screen.getByRole('button', { name: 'Activer mon compte' }));
    expect(await screen.findByText('Les deux mots de passe ne sont pas identiques.')).toBeInTheDocument();
    expect(calls.acceptOperatorInvitation).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText(/^Confirmez le mot de passe/));
    await user.type(screen.getByLabelText(/^Confirmez le mot de passe/), 'court mais plus long');
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(onAccepted).toHaveBeenCalled());
    expect(calls.acceptOperatorInvitation).toHaveBeenCalledWith({ token: 'the-token', password: 'court mais plus long' });
    expect(operatorSession.get()?.operator.displayName).toBe('Inès');
  });

  it('says the link is no longer valid when the API answers 410', async () => {
    calls.lookupOperatorInvitation.mockRejectedValue({ status: 410, title: 'This link is no longer valid.' });
    renderPage();
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce lien n’est plus valable');
    expect(screen.getByRole('link', { name: 'Aller à la connexion de la console' })).toBeInTheDocument();
  });

  it('says the link is no longer valid when it was used meanwhile', async () => {
    calls.lookupOperatorInvitation.mockResolvedValue(invitation);
    calls.acceptOperatorInvitation.mockRejectedValue({ status: 410, title: 'This link is no longer valid.' });
    renderPage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Mot de passe/), 'correct horse battery');
    await user.type(screen.getByLabelText(/^Confirmez le mot de passe/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Activer mon compte' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce lien n’est plus valable');
  });
});

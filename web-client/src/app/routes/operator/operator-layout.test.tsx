import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OperatorProfile, OperatorRole } from '@contracts/participation-client';
import { operatorSession } from '@/features/operator/api/operator-session';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { OperatorLayout } from './operator-layout';

const calls = vi.hoisted(() => ({ changeOwnOperatorPassword: vi.fn() }));

vi.mock('@contracts/participation-client', () => ({
  ParticipationClient: class {
    changeOwnOperatorPassword = calls.changeOwnOperatorPassword;
  },
}));

const nina = (passwordChangeRequired: boolean): OperatorProfile => ({
  id: 'n1',
  email: 'nina@vendor.test',
  displayName: 'Nina',
  role: 'operator' as OperatorRole,
  passwordChangeRequired,
});

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

function renderConsole() {
  return render(
    <TestProviders>
      <MemoryRouter initialEntries={['/operator']}>
        <Routes>
          <Route path="/operator" element={<OperatorLayout />}>
            <Route index element={<p>Les villes</p>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </TestProviders>,
  );
}

describe('a console person’s own password', () => {
  beforeEach(async () => {
    calls.changeOwnOperatorPassword.mockReset();
    operatorSession.clear();
    await i18n.changeLanguage('fr');
  });

  it('must be chosen first when another operator set it: nothing else shows until it is replaced', async () => {
    operatorSession.set({ accessToken: 'first-token', expiresAt: inAnHour(), operator: nina(true) });
    calls.changeOwnOperatorPassword
      .mockRejectedValueOnce({ status: 400, title: 'Invalid', errors: { currentPassword: ['Le mot de passe actuel est incorrect.'] } })
      .mockResolvedValueOnce({ accessToken: 'own-token', expiresAt: inAnHour(), operator: nina(false), tokenType: 'Bearer' });
    renderConsole();

    expect(screen.getByRole('heading', { level: 1, name: 'Choisissez votre mot de passe' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Console' })).toBeNull();
    expect(screen.queryByText('Les villes')).toBeNull();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Mot de passe actuel/), 'not the one');
    await user.type(screen.getByLabelText(/^Nouveau mot de passe/), 'mon propre mot de passe');
    await user.keyboard('{Enter}');
    expect(await screen.findAllByText('Le mot de passe actuel est incorrect.')).not.toHaveLength(0);

    await user.clear(screen.getByLabelText(/^Mot de passe actuel/));
    await user.type(screen.getByLabelText(/^Mot de passe actuel/), 'the first password');
    await user.keyboard('{Enter}');
    await vi.waitFor(() =>
      expect(calls.changeOwnOperatorPassword).toHaveBeenLastCalledWith({
        currentPassword: 'the first password',
        newPassword: 'mon propre mot de passe',
      }),
    );
    // The new token replaces the first one, and the console opens.
    expect(await screen.findByText('Les villes')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Console' })).toBeInTheDocument();
    expect(operatorSession.get()?.accessToken).toBe('own-token');
  });

  it('refuses the same password again before asking the API', async () => {
    operatorSession.set({ accessToken: 'first-token', expiresAt: inAnHour(), operator: nina(true) });
    renderConsole();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Mot de passe actuel/), 'the very same password');
    await user.type(screen.getByLabelText(/^Nouveau mot de passe/), 'the very same password');
    await user.keyboard('{Enter}');
    expect(await screen.findAllByText('Choisissez un mot de passe différent de l’actuel.')).not.toHaveLength(0);
    expect(calls.changeOwnOperatorPassword).not.toHaveBeenCalled();
  });
});

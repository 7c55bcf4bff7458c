import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GetMeResponse } from '@contracts/participation-client';
import { api } from '@/api/client';
import { sessionStore } from '@/lib/auth/session-store';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { LoginRoute, safeFrom } from './login-route';

vi.mock('@/api/client', () => ({ api: { login: vi.fn(), getMe: vi.fn() } }));

const tokens = { accessToken: 'a', refreshToken: 'r', accessTokenExpiresAt: '', refreshTokenExpiresAt: '', tokenType: 'Bearer' };

function me(roles: { role: string; scopeType: string; scopeId?: string }[]): GetMeResponse {
  return { roles } as unknown as GetMeResponse;
}

async function logIn(state?: unknown) {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginRoute /> },
      { path: '/dashboard', element: <p>Page du tableau de bord</p> },
      { path: '/admin', element: <p>Page de l’espace du personnel</p> },
      { path: '/profile', element: <p>Page du profil</p> },
      { path: '/projects/p-1', element: <p>Page du projet</p> },
    ],
    { initialEntries: [{ pathname: '/login', state }] },
  );
  render(
    <TestProviders>
      <RouterProvider router={router} />
    </TestProviders>,
  );
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/Adresse e-mail/), 'elu@example.test');
  await user.type(screen.getByLabelText(/Mot de passe/), 'un mot de passe assez long');
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
  return router;
}

describe('after signing in', () => {
  beforeEach(async () => {
    vi.mocked(api.login).mockReset().mockResolvedValue(tokens);
    vi.mocked(api.getMe).mockReset();
    sessionStore.clear();
    await i18n.changeLanguage('fr');
  });

  it('an elected official lands on the dashboard of their scope', async () => {
    vi.mocked(api.getMe).mockResolvedValue(me([{ role: 'elected_official', scopeType: 'department', scopeId: 'd-1' }]));
    const router = await logIn();
    expect(await screen.findByText('Page du tableau de bord')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dashboard');
  });

  it('other staff land on their workspace, residents on their profile', async () => {
    vi.mocked(api.getMe).mockResolvedValue(me([{ role: 'department_head', scopeType: 'department', scopeId: 'd-1' }]));
    await logIn();
    expect(await screen.findByText('Page de l’espace du personnel')).toBeInTheDocument();
  });

  it('a resident lands on the profile', async () => {
    vi.mocked(api.getMe).mockResolvedValue(me([]));
    await logIn();
    expect(await screen.findByText('Page du profil')).toBeInTheDocument();
  });

  it('everyone goes back to the page that asked them to sign in', async () => {
    vi.mocked(api.getMe).mockResolvedValue(me([{ role: 'elected_official', scopeType: 'platform' }]));
    await logIn({ from: '/projects/p-1' });
    expect(await screen.findByText('Page du projet')).toBeInTheDocument();
    expect(api.getMe).not.toHaveBeenCalled();
  });

  it('only follows paths of this site', () => {
    expect(safeFrom({ from: '/dashboard/platform?from=2026-01-01' })).toBe('/dashboard/platform?from=2026-01-01');
    expect(safeFrom({ from: '//evil.example' })).toBeNull();
    expect(safeFrom({ from: 'https://evil.example' })).toBeNull();
    expect(safeFrom({ from: '/login' })).toBeNull();
    expect(safeFrom(null)).toBeNull();
  });
});

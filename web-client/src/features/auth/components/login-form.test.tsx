import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/api/client';
import { RateLimitedError } from '@/api/errors';
import { i18n } from '@/lib/i18n';
import { sessionStore } from '@/lib/auth/session-store';
import { TestProviders } from '@/test/providers';
import { LoginForm } from './login-form';

vi.mock('@/api/client', () => ({
  api: { login: vi.fn() },
}));

const login = vi.mocked(api.login);

async function submit(onLoggedIn = vi.fn()) {
  render(
    <TestProviders>
      <MemoryRouter>
        <LoginForm onLoggedIn={onLoggedIn} />
      </MemoryRouter>
    </TestProviders>,
  );
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/Adresse e-mail/), 'amelie@example.test');
  await user.type(screen.getByLabelText(/Mot de passe/), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
  return onLoggedIn;
}

describe('LoginForm', () => {
  beforeEach(async () => {
    login.mockReset();
    sessionStore.clear();
    await i18n.changeLanguage('fr');
  });

  it('shows a form-level error on 401', async () => {
    login.mockRejectedValue({ status: 401, title: 'Wrong e-mail address or password.' });
    await submit();
    expect(await screen.findByText('Adresse e-mail ou mot de passe incorrect.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Adresse e-mail ou mot de passe incorrect.');
  });

  it('says how long to wait on 429', async () => {
    login.mockRejectedValue(new RateLimitedError(14));
    await submit();
    expect(await screen.findByText('Trop de tentatives. Réessayez dans 14 secondes.')).toBeInTheDocument();
  });

  it('stores the session and reports success', async () => {
    login.mockResolvedValue({
      accessToken: 'a',
      refreshToken: 'r',
      accessTokenExpiresAt: '',
      refreshTokenExpiresAt: '',
      tokenType: 'Bearer',
    });
    const onLoggedIn = await submit();
    await vi.waitFor(() => expect(onLoggedIn).toHaveBeenCalled());
    expect(sessionStore.getStatus()).toBe('authenticated');
    expect(sessionStore.getRefreshToken()).toBe('r');
  });
});

import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { sessionStore } from '@/lib/auth/session-store';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { SupportSessionRoute } from './support-session-route';

function renderAt(path: string) {
  return render(
    <TestProviders>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/support-session" element={<SupportSessionRoute />} />
          <Route path="/admin" element={<p>Espace du personnel</p>} />
        </Routes>
      </MemoryRouter>
    </TestProviders>,
  );
}

describe('the support session page', () => {
  beforeEach(async () => {
    sessionStore.clear();
    await i18n.changeLanguage('fr');
  });

  it('turns the token of the address into the tab’s session and opens the staff area', async () => {
    window.localStorage.setItem('participation.refreshToken', 'someone-else');
    renderAt('/support-session#token=support-token');
    expect(await screen.findByText('Espace du personnel')).toBeInTheDocument();
    expect(sessionStore.getAccessToken()).toBe('support-token');
    expect(sessionStore.getStatus()).toBe('authenticated');
    expect(sessionStore.getRefreshToken()).toBeNull();
  });

  it('explains a link without a token', async () => {
    renderAt('/support-session');
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce lien de session d’assistance n’est pas valable.');
  });
});

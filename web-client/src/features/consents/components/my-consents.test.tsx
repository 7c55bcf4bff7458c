import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GetMyConsentsResponse } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { MyConsents } from './my-consents';
import { TermsBanner } from './terms-banner';

vi.mock('@/api/client', () => ({
  api: { getMyConsents: vi.fn(), acceptTerms: vi.fn(), setNewsletterConsent: vi.fn() },
}));

const getMine = vi.mocked(api.getMyConsents);
const accept = vi.mocked(api.acceptTerms);
const setNewsletter = vi.mocked(api.setNewsletterConsent);

const consents = (over: Partial<GetMyConsentsResponse> = {}): GetMyConsentsResponse => ({
  terms: { currentVersion: '2', acceptedVersion: '1', acceptedAt: '2026-03-01T09:30:00Z', upToDate: false },
  newsletter: { consented: true, changedAt: '2026-03-01T09:30:00Z' },
  history: [
    { kind: 'newsletter', given: true, source: 'registration', recordedAt: '2026-03-01T09:30:00Z' },
    { kind: 'terms', termsVersion: '1', given: true, source: 'registration', recordedAt: '2026-03-01T09:30:00Z' },
  ],
  ...over,
});

function renderIt(node: React.ReactNode) {
  render(
    <TestProviders>
      <MemoryRouter>{node}</MemoryRouter>
    </TestProviders>,
  );
}

describe('MyConsents', () => {
  beforeEach(async () => {
    getMine.mockReset();
    accept.mockReset();
    setNewsletter.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('shows the terms version accepted and the newsletter choice with their dates, and the history', async () => {
    getMine.mockResolvedValue(consents());
    renderIt(<MyConsents />);

    const section = await screen.findByRole('region', { name: 'Mes consentements' });
    expect(await within(section).findByText(/Vous avez accepté la version 1 le/)).toBeInTheDocument();
    expect(within(section).getByRole('checkbox', { name: /recevoir les nouvelles/ })).toBeChecked();
    expect(within(section).getByText(/^Oui, depuis le/)).toBeInTheDocument();
    expect(within(section).getByText('Historique (2 enregistrements)')).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Lire les conditions d’utilisation' })).toHaveAttribute(
      'href',
      '/pages/conditions-utilisation',
    );
  });

  it('accepts the current version and changes the newsletter choice', async () => {
    getMine.mockResolvedValue(consents());
    accept.mockResolvedValue(
      consents({ terms: { currentVersion: '2', acceptedVersion: '2', acceptedAt: '2026-03-02T10:00:00Z', upToDate: true } }),
    );
    setNewsletter.mockResolvedValue({ consented: false, givenAt: '2026-03-01T09:30:00Z', withdrawnAt: '2026-03-02T10:00:00Z' });
    renderIt(<MyConsents />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'J’accepte les conditions d’utilisation (version 2)' }));
    expect(accept).toHaveBeenCalledWith({ version: '2' });
    expect(await screen.findByText(/Vous avez accepté la version 2 le/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /J’accepte/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: /recevoir les nouvelles/ }));
    expect(setNewsletter).toHaveBeenCalledWith({ consented: false });
  });
});

describe('TermsBanner', () => {
  beforeEach(async () => {
    getMine.mockReset();
    accept.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('asks to accept a changed version and goes away once accepted', async () => {
    getMine.mockResolvedValue(consents());
    accept.mockResolvedValue(
      consents({ terms: { currentVersion: '2', acceptedVersion: '2', acceptedAt: '2026-03-02T10:00:00Z', upToDate: true } }),
    );
    renderIt(<TermsBanner />);

    expect(await screen.findByText(/Les conditions d’utilisation ont changé \(version 2\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'J’accepte les conditions d’utilisation (version 2)' }));
    expect(accept).toHaveBeenCalledWith({ version: '2' });
    await vi.waitFor(() => expect(screen.queryByText(/ont changé/)).not.toBeInTheDocument());
  });

  it('says nothing when the current version is accepted', async () => {
    getMine.mockResolvedValue(
      consents({ terms: { currentVersion: '1', acceptedVersion: '1', acceptedAt: '2026-03-01T09:30:00Z', upToDate: true } }),
    );
    // MyConsents reads the same query: once it shows the answer, the banner has had it too.
    renderIt(
      <>
        <TermsBanner />
        <MyConsents />
      </>,
    );
    expect(await screen.findByText(/Vous avez accepté la version 1 le/)).toBeInTheDocument();
    expect(document.querySelector('.terms-banner')).toBeNull();
    expect(screen.queryByRole('button', { name: /J’accepte/ })).not.toBeInTheDocument();
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { supportSessionUrl } from '../api/operator';
import { SupportCities } from './support-cities';

const calls = vi.hoisted(() => ({ listSupportCities: vi.fn(), openSupportSession: vi.fn() }));

vi.mock('@contracts/participation-client', () => ({
  ParticipationClient: class {
    listSupportCities = calls.listSupportCities;
    openSupportSession = calls.openSupportSession;
  },
}));

const grantEndsAt = '2026-12-09T10:00:00Z';

function renderIn(ui: React.ReactNode, path = '/') {
  return render(
    <TestProviders>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </TestProviders>,
  );
}

describe('support sessions from the console', () => {
  beforeEach(async () => {
    Object.values(calls).forEach((call) => call.mockReset());
    await i18n.changeLanguage('fr');
  });

  it('lists the cities granting access and opens a session on the city’s own address', async () => {
    calls.listSupportCities.mockResolvedValue({
      items: [
        { id: 'c1', slug: 'liege', name: 'Ville de Liège', host: 'participation.liege.test', grantId: 'g1', grantEndsAt },
        { id: 'c2', slug: 'seule', name: 'Ville seule', host: null, grantId: 'g2', grantEndsAt },
      ],
    });
    calls.openSupportSession.mockResolvedValue({ accessToken: 'city+token/1', cityId: 'c1', grantId: 'g1', grantEndsAt });
    const go = vi.fn();
    renderIn(<SupportCities go={go} />);

    const table = await screen.findByRole('table', { name: 'Villes qui ouvrent l’accès à l’assistance maintenant' });
    const liege = within(table).getByRole('row', { name: /Ville de Liège/ });
    expect(liege).toHaveTextContent('participation.liege.test');
    expect(within(table).getByRole('row', { name: /Ville seule/ })).toHaveTextContent('Cette adresse');

    await userEvent.setup().click(within(liege).getByRole('button', { name: 'Ouvrir une session d’assistance à Ville de Liège' }));
    expect(calls.openSupportSession).toHaveBeenCalledWith({ cityId: 'c1' });
    await vi.waitFor(() => expect(go).toHaveBeenCalledTimes(1));
    const url = new URL(go.mock.calls[0][0] as string);
    expect(url.hostname).toBe('participation.liege.test');
    expect(url.pathname).toBe('/support-session');
    expect(url.search).toBe('');
    expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe('city+token/1');
  });

  it('says so when no city grants access', async () => {
    calls.listSupportCities.mockResolvedValueOnce({ items: [] });
    renderIn(<SupportCities go={vi.fn()} />);
    expect(await screen.findByText('Aucune ville n’ouvre l’accès à l’assistance pour l’instant.')).toBeInTheDocument();
  });

  it('builds the address on the console’s scheme and port, or on its host for a city without one', () => {
    const here = { protocol: 'https:', hostname: 'console.vendor.test', port: '8443' } as Location;
    expect(supportSessionUrl('participation.liege.test', 'a b', here)).toBe(
      'https://participation.liege.test:8443/support-session#token=a%20b',
    );
    expect(supportSessionUrl(null, 't', { ...here, port: '' })).toBe('https://console.vendor.test/support-session#token=t');
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CitySummary } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { operatorSession } from '../api/operator-session';
import { CityDetail } from './city-detail';
import { CityList } from './city-list';
import { CreateCityForm } from './create-city-form';
import { OperatorLoginForm } from './operator-login-form';

const calls = vi.hoisted(() => ({
  operatorLogin: vi.fn(),
  listCities: vi.fn(),
  getCity: vi.fn(),
  createCity: vi.fn(),
  suspendCity: vi.fn(),
}));

vi.mock('@contracts/participation-client', () => ({
  ParticipationClient: class {
    operatorLogin = calls.operatorLogin;
    listCities = calls.listCities;
    getCity = calls.getCity;
    createCity = calls.createCity;
    suspendCity = calls.suspendCity;
  },
}));

const city: CitySummary = {
  id: 'c1',
  slug: 'liege',
  name: 'Ville de Liège',
  status: 'active' as CitySummary['status'],
  createdAt: '2026-12-01T10:00:00Z',
  statusAt: '2026-12-01T10:00:00Z',
  domains: ['participation.liege.test'],
  languages: ['fr'],
  defaultLanguage: 'fr',
  health: {
    users: 12,
    staff: 3,
    ideas30Days: 4,
    comments30Days: 7,
    votes30Days: 9,
    email: { sent: 20, failed: 1, pending: 2 },
    storageBytes: 1536,
    errors7Days: 1,
  },
};

function renderIn(ui: React.ReactNode) {
  return render(
    <TestProviders>
      <MemoryRouter>{ui}</MemoryRouter>
    </TestProviders>,
  );
}

describe('the operator console', () => {
  beforeEach(async () => {
    Object.values(calls).forEach((call) => call.mockReset());
    operatorSession.clear();
    await i18n.changeLanguage('fr');
  });

  it('signs in with the console’s own session and says when the credentials are wrong', async () => {
    calls.operatorLogin.mockRejectedValueOnce({ status: 401, title: 'Wrong e-mail address or password.' });
    calls.operatorLogin.mockResolvedValueOnce({
      accessToken: 'op-token',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      tokenType: 'Bearer',
      operator: { id: 'o1', email: 'operator@vendor.test', displayName: 'Olivia', role: 'operator' },
    });
    renderIn(<OperatorLoginForm />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Adresse e-mail/), 'operator@vendor.test');
    await user.type(screen.getByLabelText(/Mot de passe/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Adresse e-mail ou mot de passe incorrect.');
    expect(operatorSession.get()).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    await vi.waitFor(() => expect(operatorSession.get()?.accessToken).toBe('op-token'));
  });

  it('lists each city with its health', async () => {
    calls.listCities.mockResolvedValue({ items: [city] });
    renderIn(<CityList />);
    const row = (await screen.findByRole('link', { name: 'Ville de Liège' })).closest('tr')!;
    expect(within(row).getByText('participation.liege.test')).toBeInTheDocument();
    expect(within(row).getByText('4 idées, 7 commentaires, 9 votes')).toBeInTheDocument();
    expect(within(row).getByText('20 envoyés, 1 en échec, 2 en attente')).toBeInTheDocument();
    expect(within(row).getByText('active')).toBeInTheDocument();
  });

  it('creates a city with its addresses and languages, and shows a taken address', async () => {
    calls.createCity.mockRejectedValueOnce({ status: 409, title: 'Another city answers on one of these addresses.' });
    calls.createCity.mockResolvedValueOnce(city);
    const onCreated = vi.fn();
    renderIn(<CreateCityForm onCreated={onCreated} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Créer la ville' }));
    expect(await screen.findByText('Certains champs ne sont pas valides.')).toBeInTheDocument();
    expect(calls.createCity).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(/^Nom/), 'Ville de Liège');
    await user.type(screen.getByLabelText(/^Identifiant/), 'liege');
    await user.type(screen.getByLabelText(/^Adresses/), 'Participation.Liege.test{Enter}www.liege.test');
    await user.click(screen.getByLabelText('Néerlandais'));
    await user.selectOptions(screen.getByLabelText(/^Langue par défaut/), 'nl');
    await user.type(screen.getByLabelText(/^E-mail du premier administrateur/), 'admin@liege.test');
    await user.click(screen.getByRole('button', { name: 'Créer la ville' }));
    expect(await screen.findByText('Cet identifiant ou une de ces adresses est déjà utilisé par une autre ville.')).toBeInTheDocument();
    expect(calls.createCity).toHaveBeenCalledWith({
      name: 'Ville de Liège',
      slug: 'liege',
      domains: ['participation.liege.test', 'www.liege.test'],
      languages: ['fr', 'nl'],
      defaultLanguage: 'nl',
      adminEmail: 'admin@liege.test',
    });

    await user.click(screen.getByRole('button', { name: 'Créer la ville' }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith(city));
  });

  it('asks before suspending a city', async () => {
    calls.getCity.mockResolvedValue(city);
    calls.suspendCity.mockResolvedValue({ ...city, status: 'suspended' });
    renderIn(<CityDetail id="c1" canChange />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Suspendre' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Suspendre Ville de Liège \?/)).toBeInTheDocument();
    expect(calls.suspendCity).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Suspendre' }));
    await vi.waitFor(() => expect(calls.suspendCity).toHaveBeenCalledWith('c1'));
  });

  it('shows support staff the addresses without changing them', async () => {
    calls.getCity.mockResolvedValue(city);
    renderIn(<CityDetail id="c1" canChange={false} />);
    expect(await screen.findByText('participation.liege.test')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Suspendre' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Enregistrer les adresses' })).toBeNull();
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FigureScopeType } from '@contracts/participation-client';
import { api } from '@/api/client';
import { dashboardResponse, officialScopes } from '@/features/dashboard/components/dashboard-fixtures';
import { presetRange } from '@/features/dashboard/api/period';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { DashboardRoute } from './dashboard-route';

vi.mock('@/api/client', () => ({ api: { listDashboardScopes: vi.fn(), getDashboard: vi.fn() } }));

const getDashboard = vi.mocked(api.getDashboard);

function open(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/dashboard', element: <DashboardRoute /> },
      { path: '/dashboard/:scopeType/:scopeId?', element: <DashboardRoute /> },
    ],
    { initialEntries: [path] },
  );
  render(
    <TestProviders>
      <RouterProvider router={router} />
    </TestProviders>,
  );
  return router;
}

describe('DashboardRoute', () => {
  beforeEach(async () => {
    vi.mocked(api.listDashboardScopes).mockReset().mockResolvedValue(officialScopes);
    getDashboard.mockReset().mockResolvedValue(dashboardResponse());
    await i18n.changeLanguage('fr');
  });

  it('opens the reader’s own dashboard at /dashboard, its period in words, read-only', async () => {
    const router = open('/dashboard');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tableau de bord : Culture' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dashboard/department/d-1');
    expect(getDashboard).toHaveBeenCalledWith(FigureScopeType.Department, 'd-1', undefined, undefined, undefined, expect.anything());
    expect(
      screen.getByText('Du 2 mars 2026 au 31 mai 2026 (91 jours), comparé à la période précédente, du 1 décembre 2025 au 1 mars 2026.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Consultation seule/)).toBeInTheDocument();
    // Nothing to change here: the only buttons apply the filter or show tables.
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons.filter((b) => b !== 'Afficher' && !b?.startsWith('Afficher le tableau'))).toEqual([]);
    // The department's projects lead to their own dashboards.
    const related = screen.getByRole('region', { name: 'Tableaux de bord des projets de ce service' });
    expect(within(related).getByRole('link', { name: 'Programme culturel' })).toHaveAttribute('href', '/dashboard/project/p-2');
    // A voting, budgeting, survey or poll phase links to its provisional results.
    await userEvent.setup().click(screen.getByRole('button', { name: 'Afficher le tableau des phases' }));
    const phases = screen.getByRole('table', { name: 'Participation par phase pendant la période' });
    expect(within(phases).getByRole('link', { name: 'Résultats de Fête de quartier – Sondage' })).toHaveAttribute(
      'href',
      '/projects/p-1/phases/ph-1/results',
    );
    expect(within(phases).getByRole('link', { name: 'Sondage' })).toHaveAttribute('href', '/dashboard/phase/ph-1');
  });

  it('applies a preset period with the button, kept in the address', async () => {
    const router = open('/dashboard/department/d-1');
    await screen.findByRole('heading', { level: 1, name: 'Tableau de bord : Culture' });
    const user = userEvent.setup();
    expect(screen.getByRole('radio', { name: 'Dernier trimestre (91 jours)' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: '30 derniers jours' }));
    expect(getDashboard).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Afficher' }));
    const range = presetRange('last30', new Date());
    await vi.waitFor(() => expect(router.state.location.search).toBe(`?from=${range.from}&to=${range.to}`));
    await vi.waitFor(() =>
      expect(getDashboard).toHaveBeenLastCalledWith(FigureScopeType.Department, 'd-1', range.from, range.to, undefined, expect.anything()),
    );
    expect(await screen.findByRole('radio', { name: '30 derniers jours' })).toBeChecked();
  });

  it('checks the days before sending them, the message beside the field', async () => {
    const router = open('/dashboard/department/d-1?from=2026-03-01&to=2026-05-31');
    await screen.findByRole('heading', { level: 1, name: 'Tableau de bord : Culture' });
    const user = userEvent.setup();
    expect(screen.getByRole('radio', { name: 'Dates choisies' })).toBeChecked();
    await user.clear(screen.getByLabelText('Du (inclus)'));
    await user.type(screen.getByLabelText('Du (inclus)'), '2026-06-15');
    await user.click(screen.getByRole('button', { name: 'Afficher' }));
    expect(screen.getByLabelText('Du (inclus)')).toHaveAccessibleDescription('La date de début doit précéder la date de fin.');
    expect(router.state.location.search).toBe('?from=2026-03-01&to=2026-05-31');
  });

  it('shows the API’s refusal of a period beside the field', async () => {
    getDashboard.mockRejectedValue({ status: 400, title: 'Invalid', errors: { from: ['La période est trop longue.'] } });
    open('/dashboard/department/d-1?from=2020-01-01&to=2026-05-31');
    expect(await screen.findByLabelText('Du (inclus)')).toHaveAccessibleDescription('La période est trop longue.');
    expect(screen.getByRole('alert')).toHaveTextContent('Certains champs ne sont pas valides.');
  });

  it('says so when the reader may not open a dashboard, or has none', async () => {
    getDashboard.mockRejectedValue({ status: 403, title: 'Forbidden' });
    open('/dashboard/platform');
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès réservé' })).toBeInTheDocument();
  });

  it('tells people without any dashboard who reads them', async () => {
    vi.mocked(api.listDashboardScopes).mockResolvedValue({ platform: false, departments: [], projects: [] });
    open('/dashboard');
    expect(await screen.findByText('Aucun tableau de bord pour vos rôles')).toBeInTheDocument();
    expect(getDashboard).not.toHaveBeenCalled();
  });
});

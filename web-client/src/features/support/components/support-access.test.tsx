import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SupportGrantStatus, type SupportGrant } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { SupportAccess } from './support-access';

vi.mock('@/api/client', () => ({
  api: { listSupportGrants: vi.fn(), grantSupport: vi.fn(), revokeSupport: vi.fn() },
}));

const listSupportGrants = vi.mocked(api.listSupportGrants);
const grantSupport = vi.mocked(api.grantSupport);
const revokeSupport = vi.mocked(api.revokeSupport);

const ada = { id: 'a0000000-0000-4000-8000-000000000001', firstName: 'Ada', lastName: 'Admin' };

const active: SupportGrant = {
  id: 'g0000000-0000-4000-8000-000000000002',
  grantedBy: ada,
  reason: 'Import bloqué',
  startsAt: '2026-03-03T10:00:00Z',
  endsAt: '2026-03-05T10:00:00Z',
  status: SupportGrantStatus.Active,
};

const old: SupportGrant = {
  id: 'g0000000-0000-4000-8000-000000000001',
  grantedBy: ada,
  startsAt: '2026-02-01T10:00:00Z',
  endsAt: '2026-02-03T10:00:00Z',
  revokedAt: '2026-02-01T12:00:00Z',
  revokedBy: ada,
  status: SupportGrantStatus.Revoked,
};

function show() {
  render(
    <TestProviders>
      <SupportAccess />
    </TestProviders>,
  );
  return userEvent.setup();
}

describe('SupportAccess', () => {
  beforeEach(async () => {
    listSupportGrants.mockReset();
    grantSupport.mockReset();
    revokeSupport.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('grants access for the chosen duration with the reason, 48 hours by default', async () => {
    listSupportGrants.mockResolvedValue({ items: [] });
    grantSupport.mockResolvedValue(active);
    const user = show();

    expect(await screen.findByText('L’assistance n’a pas accès à l’espace du personnel.')).toBeInTheDocument();
    expect(screen.getByLabelText('Durée (à partir de maintenant)')).toHaveValue('48');
    await user.selectOptions(screen.getByLabelText('Durée (à partir de maintenant)'), '1 semaine');
    await user.type(screen.getByLabelText('Motif (facultatif)'), 'Import bloqué');
    await user.click(screen.getByRole('button', { name: 'Ouvrir l’accès' }));

    expect(grantSupport).toHaveBeenCalledWith({ hours: 168, reason: 'Import bloqué' });
    expect(await screen.findByRole('status')).toHaveTextContent('L’assistance a accès jusqu’au');
  });

  it('shows the active grant, its end and the history, and revokes after confirmation', async () => {
    listSupportGrants.mockResolvedValue({ active, items: [active, old] });
    revokeSupport.mockResolvedValue(undefined);
    const user = show();

    expect(await screen.findByText('L’assistance a accès à l’espace du personnel')).toBeInTheDocument();
    expect(screen.getByText('Motif : Import bloqué')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Historique des accès de l’assistance, les plus récents d’abord' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Actif');
    expect(rows[1]).toHaveTextContent('Retiré');
    expect(rows[1]).toHaveTextContent('Ada Admin');
    expect(screen.getByRole('button', { name: 'Changer la fin de l’accès' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retirer l’accès' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retirer l’accès de l’assistance ?' });
    expect(revokeSupport).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Retirer l’accès' }));

    expect(revokeSupport).toHaveBeenCalledWith(active.id);
    expect(await screen.findByText('L’accès de l’assistance est retiré.')).toBeInTheDocument();
  });

  it('shows a reason that is too long next to its field without calling the API', async () => {
    listSupportGrants.mockResolvedValue({ items: [] });
    const user = show();
    await screen.findByText('L’assistance n’a pas accès à l’espace du personnel.');

    const reason = screen.getByLabelText('Motif (facultatif)');
    await user.click(reason);
    await user.paste('x'.repeat(501));
    await user.click(screen.getByRole('button', { name: 'Ouvrir l’accès' }));

    expect(grantSupport).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Motif (facultatif)')).toHaveAttribute('aria-invalid', 'true');
  });
});

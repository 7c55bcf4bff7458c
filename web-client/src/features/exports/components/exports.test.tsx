import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportFormat, ExportKind, ExportStatus, ScopeType, type Export } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { ExportForm } from './export-form';
import { ExportList } from './export-list';

vi.mock('@/api/client', () => ({
  api: { listExports: vi.fn(), requestExport: vi.fn(), downloadExport: vi.fn() },
}));

const listExports = vi.mocked(api.listExports);
const requestExport = vi.mocked(api.requestExport);

const item = (over: Partial<Export>): Export => ({
  id: 'e-1',
  kind: ExportKind.Ideas,
  format: ExportFormat.Xlsx,
  scopeType: ScopeType.Department,
  scopeId: 'd-1',
  scopeName: 'Espaces verts',
  language: 'fr',
  status: ExportStatus.Running,
  rowsDone: 450,
  rowsTotal: 1000,
  progress: 45,
  withEmails: false,
  fileName: 'ideas-20260301-1412.xlsx',
  downloadedCount: 0,
  createdAt: '2026-03-01T14:12:00Z',
  ...over,
});

describe('ExportList', () => {
  beforeEach(async () => {
    listExports.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('shows a labelled progress bar while an export runs and the download with its expiry once ready', async () => {
    listExports.mockResolvedValue({
      items: [
        item({}),
        item({ id: 'e-2', status: ExportStatus.Ready, progress: 100, rowsDone: 1000, expiresAt: '2026-03-02T14:12:00Z', sizeBytes: 20480 }),
        item({
          id: 'e-3',
          kind: ExportKind.Votes,
          status: ExportStatus.Failed,
          error: 'access_revoked' as Export['error'],
          progress: undefined,
        }),
      ],
    });
    render(
      <TestProviders>
        <ExportList />
      </TestProviders>,
    );

    const [running, ready, failed] = await screen.findAllByRole('article');
    const bar = within(running).getByRole('progressbar', { name: 'Avancement : Idées — Espaces verts' });
    expect(bar).toHaveAttribute('aria-valuenow', '45');
    expect(bar).toHaveAttribute('aria-valuetext', '45 %');
    expect(within(running).getByText(/450 lignes sur 1[\s\u202f]000 \(45 %\)/)).toBeInTheDocument();
    expect(within(running).queryByRole('button')).toBeNull();
    expect(within(ready).getByRole('button', { name: 'Télécharger ideas-20260301-1412.xlsx' })).toBeEnabled();
    expect(within(ready).getByText(/^Disponible jusqu’au .* · 20 Ko$/)).toBeInTheDocument();
    expect(within(failed).getByText(/Votre rôle ne couvrait plus cette portée/)).toBeInTheDocument();
    expect(within(failed).queryByRole('progressbar')).toBeNull();
  });
});

describe('ExportForm', () => {
  beforeEach(async () => {
    requestExport.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('offers only the caller’s scopes, asks for the department and sends the period with the last day included', async () => {
    requestExport.mockResolvedValue(item({ status: ExportStatus.Queued, kind: ExportKind.Participants }));
    render(
      <TestProviders>
        <ExportForm scopes={{ platform: false, departments: [{ id: 'd-1', label: 'Espaces verts' }], projects: [] }} withEmails={false} />
      </TestProviders>,
    );
    const user = userEvent.setup();

    expect(
      within(screen.getByRole('combobox', { name: 'Portée' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Un service']);
    await user.click(screen.getByRole('button', { name: 'Lancer l’export' }));
    expect(requestExport).not.toHaveBeenCalled();
    expect(screen.getByRole('combobox', { name: 'Service' })).toHaveAccessibleDescription('Ce champ est obligatoire.');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Service' }), 'd-1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Données' }), 'participants');
    expect(screen.getByText(/leurs adresses e-mail ne sont fournies qu’aux administrateurs/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Du'), '2026-03-01');
    await user.type(screen.getByLabelText('Au (inclus)'), '2026-03-31');
    await user.click(screen.getByRole('button', { name: 'Lancer l’export' }));

    expect(requestExport).toHaveBeenCalledWith(
      {
        kind: 'participants',
        format: 'xlsx',
        scopeType: 'department',
        scopeId: 'd-1',
        from: new Date(2026, 2, 1).toISOString(),
        to: new Date(2026, 3, 1).toISOString(),
      },
      expect.any(String),
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Export « Participants » demandé');
  });
});

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PersonalExportStatus } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { MyData } from './my-data';

vi.mock('@/api/client', () => ({
  api: {
    listPersonalExports: vi.fn(),
    requestPersonalExport: vi.fn(),
    downloadPersonalExport: vi.fn(),
    deleteAccount: vi.fn(),
  },
}));

const list = vi.mocked(api.listPersonalExports);
const request = vi.mocked(api.requestPersonalExport);
const deleteAccount = vi.mocked(api.deleteAccount);

describe('MyData', () => {
  beforeEach(async () => {
    list.mockReset();
    request.mockReset();
    deleteAccount.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('requests an export and lists a ready one with its download', async () => {
    list.mockResolvedValue([
      {
        id: 'x-1',
        status: PersonalExportStatus.Ready,
        createdAt: '2026-03-01T14:12:00Z',
        expiresAt: '2026-03-08T14:12:00Z',
        sizeBytes: 2048,
      },
    ]);
    request.mockResolvedValue({ id: 'x-2', status: PersonalExportStatus.Queued, createdAt: '2026-03-02T10:00:00Z' });
    render(
      <TestProviders>
        <MemoryRouter>
          <MyData />
        </MemoryRouter>
      </TestProviders>,
    );

    expect(await screen.findByRole('button', { name: 'Télécharger' })).toBeInTheDocument();
    expect(screen.getByText('prêt')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Demander un export' }));
    expect(request).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Export demandé : il est en préparation.')).toBeInTheDocument();
  });

  it('does not delete the account until the password and the typed word are given', async () => {
    list.mockResolvedValue([]);
    render(
      <TestProviders>
        <MemoryRouter>
          <MyData />
        </MemoryRouter>
      </TestProviders>,
    );

    await userEvent.type(screen.getByLabelText('Tapez SUPPRIMER pour confirmer'), 'supprimer');
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer définitivement mon compte' }));

    expect(await screen.findByText('Tapez exactement SUPPRIMER.')).toBeInTheDocument();
    expect(deleteAccount).not.toHaveBeenCalled();
  });
});

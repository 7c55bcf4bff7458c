import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListUsersUser } from '@contracts/participation-client';
import { api } from '@/api/client';
import { formatDate } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { UserDirectory } from './user-directory';

vi.mock('@/api/client', () => ({
  api: { listUsers: vi.fn(), blockUser: vi.fn(), unblockUser: vi.fn() },
}));

const listUsers = vi.mocked(api.listUsers);

const person = (over: Partial<ListUsersUser>): ListUsersUser => ({
  id: 'u-1',
  firstName: 'Rémi',
  lastName: 'Résident',
  email: 'remi@example.test',
  emailConfirmed: true,
  roles: [],
  createdAt: '2026-01-01T10:00:00Z',
  ...over,
});

// The block ends at the midnight after its last day: that day is the one shown.
const until = new Date(2099, 2, 4).toISOString();
const lastDay = formatDate(new Date(2099, 2, 3, 12).toISOString(), 'fr');

function renderDirectory() {
  render(
    <TestProviders>
      <UserDirectory departments={[]} />
    </TestProviders>,
  );
  return userEvent.setup();
}

describe('UserDirectory', () => {
  beforeEach(async () => {
    listUsers.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('marks a blocked person with the last day of the block and offers to unblock them', async () => {
    listUsers.mockResolvedValue({
      items: [
        person({ id: 'u-1', blockedUntil: until, blockReason: 'Propos injurieux répétés.' }),
        person({ id: 'u-2', firstName: 'Alice', lastName: 'Autre', email: 'alice@example.test' }),
      ],
    });
    const user = renderDirectory();
    const table = await screen.findByRole('table', { name: 'Personnes inscrites' });
    const blocked = within(table).getByRole('row', { name: /Rémi Résident/ });
    expect(within(blocked).getByText(`Bloquée jusqu’au ${lastDay}`)).toBeInTheDocument();
    const free = within(table).getByRole('row', { name: /Alice Autre/ });
    expect(within(free).queryByText(/Bloquée jusqu’au/)).not.toBeInTheDocument();
    expect(within(free).getByRole('button', { name: 'Bloquer Alice Autre' })).toHaveTextContent('Bloquer…');

    await user.click(within(blocked).getByRole('button', { name: 'Voir le blocage de Rémi Résident ou le lever' }));
    const dialog = screen.getByRole('dialog', { name: 'Blocage de Rémi Résident' });
    expect(within(dialog).getByText(`Cette personne ne peut pas participer jusqu’au ${lastDay} inclus.`)).toBeInTheDocument();
    expect(within(dialog).getByText('Propos injurieux répétés.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Débloquer' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Bloquer' })).not.toBeInTheDocument();
  });

  it('offers the block form, not unblocking, to someone who is not blocked', async () => {
    listUsers.mockResolvedValue({ items: [person({})] });
    const user = renderDirectory();
    await user.click(await screen.findByRole('button', { name: 'Bloquer Rémi Résident' }));
    const dialog = screen.getByRole('dialog', { name: 'Blocage de Rémi Résident' });
    expect(within(dialog).getByLabelText('Bloquée jusqu’au (inclus)')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Bloquer' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Débloquer' })).not.toBeInTheDocument();
  });
});

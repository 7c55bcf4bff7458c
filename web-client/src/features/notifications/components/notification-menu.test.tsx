import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NotificationCategory, type ListNotificationsNotification } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { NotificationMenu } from './notification-menu';

vi.mock('@/api/client', () => ({
  api: { getNotificationSummary: vi.fn(), listNotifications: vi.fn(), markNotificationsRead: vi.fn() },
}));

const summary = vi.mocked(api.getNotificationSummary);
const list = vi.mocked(api.listNotifications);
const markRead = vi.mocked(api.markNotificationsRead);

const items: ListNotificationsNotification[] = [
  {
    id: 7,
    category: NotificationCategory.CommentOnMyIdea,
    createdAt: '2026-03-03T10:00:00Z',
    projectId: 'p-1',
    projectTitle: { fr: 'Parc communal' },
    ideaId: 'i-1',
    ideaTitle: 'Un banc',
    data: { actorName: 'Bruno' },
  },
  {
    id: 6,
    category: NotificationCategory.IdeaStatusMine,
    createdAt: '2026-03-02T10:00:00Z',
    readAt: '2026-03-02T11:00:00Z',
    projectId: 'p-1',
    ideaId: 'i-2',
    ideaTitle: 'Des arbres',
    data: { status: 'accepted', previousStatus: 'proposed' },
  },
];

function renderMenu() {
  render(
    <TestProviders>
      <MemoryRouter>
        <NotificationMenu />
        <a href="#after">Après</a>
      </MemoryRouter>
    </TestProviders>,
  );
}

describe('NotificationMenu', () => {
  beforeEach(async () => {
    summary.mockReset();
    list.mockReset();
    markRead.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('says how many are unread in the button’s name', async () => {
    summary.mockResolvedValue({ unread: 3 });
    renderMenu();
    expect(await screen.findByRole('button', { name: 'Notifications, 3 non lues' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('uses the singular for one and says none for zero', async () => {
    summary.mockResolvedValueOnce({ unread: 1 });
    renderMenu();
    expect(await screen.findByRole('button', { name: 'Notifications, 1 non lue' })).toBeInTheDocument();
    expect(i18n.getFixedT('fr')('notifications.menu.label', { count: 0 })).toBe('Notifications, aucune non lue');
    expect(i18n.getFixedT('en')('notifications.menu.label', { count: 2 })).toBe('Notifications, 2 unread');
  });

  it('opens the latest notifications, marks unread ones in words, and closes on Escape with focus back on the button', async () => {
    summary.mockResolvedValue({ unread: 1 });
    list.mockResolvedValue({ items, unread: 1 });
    renderMenu();
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'Notifications, 1 non lue' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const region = await screen.findByRole('region', { name: 'Dernières notifications' });
    const entries = await within(region).findAllByRole('listitem');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('Non lue');
    expect(within(entries[0]).getByRole('link', { name: 'Bruno a commenté votre idée « Un banc ».' })).toHaveAttribute(
      'href',
      '/projects/p-1/ideas/i-1',
    );
    expect(entries[0]).toHaveTextContent('Parc communal');
    expect(entries[1]).not.toHaveTextContent('Non lue');
    expect(within(region).getByRole('link', { name: 'Voir toutes les notifications' })).toHaveAttribute('href', '/notifications');
    expect(list).toHaveBeenCalledWith(undefined, undefined, 8, expect.anything());

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Dernières notifications' })).not.toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });

  it('is not a focus trap: tabbing out closes it', async () => {
    summary.mockResolvedValue({ unread: 0 });
    list.mockResolvedValue({ items: [], unread: 0 });
    renderMenu();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Notifications, aucune non lue' }));
    expect(await screen.findByText('Aucune notification pour le moment.')).toBeInTheDocument();
    await user.tab(); // "see all"
    expect(screen.getByRole('link', { name: 'Voir toutes les notifications' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Après' })).toHaveFocus();
    expect(screen.queryByRole('region', { name: 'Dernières notifications' })).not.toBeInTheDocument();
  });

  it('marks everything read and updates the count', async () => {
    summary.mockResolvedValue({ unread: 1 });
    list.mockResolvedValue({ items, unread: 1 });
    markRead.mockResolvedValue({ unread: 0 });
    renderMenu();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 non lue' }));
    await user.click(await screen.findByRole('button', { name: 'Tout marquer comme lu' }));
    expect(markRead).toHaveBeenCalledWith({ all: true });
    expect(await screen.findByRole('button', { name: 'Notifications, aucune non lue' })).toBeInTheDocument();
  });

  it('marks a notification read when it is opened', async () => {
    summary.mockResolvedValue({ unread: 1 });
    list.mockResolvedValue({ items, unread: 1 });
    markRead.mockResolvedValue({ unread: 0 });
    renderMenu();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 non lue' }));
    await user.click(await screen.findByRole('link', { name: /Bruno a commenté/ }));
    expect(markRead).toHaveBeenCalledWith({ ids: [7] });
  });
});

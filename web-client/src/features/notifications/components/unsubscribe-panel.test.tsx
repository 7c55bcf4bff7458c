import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NotificationCategory, NotificationChannel } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { UnsubscribePanel } from './unsubscribe-panel';

vi.mock('@/api/client', () => ({
  api: { unsubscribe: vi.fn() },
}));

const unsubscribe = vi.mocked(api.unsubscribe);

function renderPanel(token: string | null) {
  render(
    <TestProviders>
      <MemoryRouter>
        <UnsubscribePanel token={token} />
      </MemoryRouter>
    </TestProviders>,
  );
}

describe('UnsubscribePanel', () => {
  beforeEach(async () => {
    unsubscribe.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('does nothing until the button is pressed (mail scanners open links)', () => {
    renderPanel('tok.en');
    expect(screen.getByRole('button', { name: 'Me désabonner' })).toBeInTheDocument();
    expect(unsubscribe).not.toHaveBeenCalled();
  });

  it('confirms which e-mails stop, with a link to the settings', async () => {
    unsubscribe.mockResolvedValue({ category: NotificationCategory.CommentOnMyIdea, channel: NotificationChannel.InApp });
    renderPanel('tok.en');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Me désabonner' }));
    expect(unsubscribe).toHaveBeenCalledWith('tok.en');
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Vous ne recevrez plus d’e-mails pour : commentaires sur vos idées.');
    expect(status).toHaveTextContent('Ces notifications restent visibles dans l’application.');
    expect(screen.getByRole('link', { name: 'Gérer toutes mes notifications' })).toHaveAttribute('href', '/notifications/settings');
    expect(screen.queryByRole('button', { name: 'Me désabonner' })).not.toBeInTheDocument();
  });

  it('says when the category was already off', async () => {
    unsubscribe.mockResolvedValue({ category: NotificationCategory.ContentHidden, channel: NotificationChannel.Off });
    renderPanel('tok.en');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Me désabonner' }));
    expect(await screen.findByRole('status')).toHaveTextContent('déjà désactivées');
  });

  it('says the link is no longer valid on 410', async () => {
    unsubscribe.mockRejectedValue({ status: 410, title: 'Gone' });
    renderPanel('tok.en');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Me désabonner' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce lien n’est plus valable');
    expect(screen.queryByRole('button', { name: 'Me désabonner' })).not.toBeInTheDocument();
  });

  it('keeps the button for another try when the server fails', async () => {
    unsubscribe.mockRejectedValue({ status: 500 });
    renderPanel('tok.en');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Me désabonner' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/de notre côté|serveur/);
    expect(screen.getByRole('button', { name: 'Me désabonner' })).toBeEnabled();
  });

  it('says the link is not valid when it has no token', () => {
    renderPanel(null);
    expect(screen.getByRole('alert')).toHaveTextContent('Ce lien n’est plus valable');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

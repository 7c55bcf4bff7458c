import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NotificationCategory, NotificationChannel, type NotificationPreference } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { NotificationPreferencesForm } from './notification-preferences-form';

vi.mock('@/api/client', () => ({
  api: { setNotificationPreferences: vi.fn() },
}));

const save = vi.mocked(api.setNotificationPreferences);

const preferences: NotificationPreference[] = [
  { category: NotificationCategory.IdeaStatusMine, channel: NotificationChannel.Email, defaultChannel: NotificationChannel.Email },
  { category: NotificationCategory.IdeaStatusFollowed, channel: NotificationChannel.InApp, defaultChannel: NotificationChannel.InApp },
  { category: NotificationCategory.CommentOnMyIdea, channel: NotificationChannel.Email, defaultChannel: NotificationChannel.Email },
  { category: NotificationCategory.ReplyToMyComment, channel: NotificationChannel.Off, defaultChannel: NotificationChannel.Email },
  { category: NotificationCategory.NewIdeaToModerate, channel: NotificationChannel.Email, defaultChannel: NotificationChannel.Email },
  { category: NotificationCategory.ContentHidden, channel: NotificationChannel.Email, defaultChannel: NotificationChannel.Email },
  { category: NotificationCategory.Mention, channel: NotificationChannel.Email, defaultChannel: NotificationChannel.Email },
];

function renderForm(staff = false) {
  render(
    <TestProviders>
      <MemoryRouter>
        <NotificationPreferencesForm preferences={preferences} staff={staff} />
      </MemoryRouter>
    </TestProviders>,
  );
}

describe('NotificationPreferencesForm', () => {
  beforeEach(async () => {
    save.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('shows a radio group per category with the current choice, explained in plain words', () => {
    renderForm();
    const comments = screen.getByRole('group', { name: 'Commentaires sur vos idées' });
    expect(comments).toHaveAccessibleDescription(/Quand quelqu’un commente une de vos idées\./);
    expect(within(comments).getByRole('radio', { name: 'E-mail et dans l’application' })).toBeChecked();
    expect(within(comments).getByRole('radio', { name: 'Dans l’application seulement' })).not.toBeChecked();
    expect(within(comments).getByRole('radio', { name: 'Désactivé' })).not.toBeChecked();
    const replies = screen.getByRole('group', { name: 'Réponses à vos commentaires' });
    expect(within(replies).getByRole('radio', { name: 'Désactivé' })).toBeChecked();
    expect(replies).toHaveAccessibleDescription(/Réglage par défaut : « E-mail et dans l’application »\./);
    // Residents do not see the staff's categories.
    expect(screen.queryByRole('group', { name: 'Nouvelles idées à modérer' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('group')).toHaveLength(5);
  });

  it('shows the staff’s categories to the staff', () => {
    renderForm(true);
    expect(screen.getByRole('heading', { name: 'Pour l’équipe des projets' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Nouvelles idées à modérer' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Mentions' })).toBeInTheDocument();
  });

  it('saves every shown category with its channel and confirms', async () => {
    save.mockImplementation(({ preferences: changes }) =>
      Promise.resolve(preferences.map((p) => ({ ...p, channel: changes.find((c) => c.category === p.category)?.channel ?? p.channel }))),
    );
    renderForm();
    const user = userEvent.setup();
    await user.click(within(screen.getByRole('group', { name: 'Commentaires sur vos idées' })).getByRole('radio', { name: 'Désactivé' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Idées que vous suivez' })).getByRole('radio', { name: 'E-mail et dans l’application' }),
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer mes préférences' }));
    expect(save).toHaveBeenCalledWith({
      preferences: [
        { category: 'idea_status_mine', channel: 'email' },
        { category: 'comment_on_my_idea', channel: 'off' },
        { category: 'reply_to_my_comment', channel: 'off' },
        { category: 'content_hidden', channel: 'email' },
        { category: 'idea_status_followed', channel: 'email' },
      ],
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Vos préférences de notification sont enregistrées.');
  });

  it('shows the API’s field errors beside the category they concern', async () => {
    save.mockRejectedValue({
      status: 400,
      title: 'One or more fields are invalid.',
      errors: { 'preferences[1].channel': ['Choisissez email, in_app ou off.'] },
    });
    renderForm();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Enregistrer mes préférences' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Certains champs ne sont pas valides.');
    const comments = screen.getByRole('group', { name: 'Commentaires sur vos idées' });
    expect(comments).toHaveAccessibleDescription(/Choisissez email, in_app ou off\./);
    expect(screen.getByRole('alert')).toHaveTextContent('Commentaires sur vos idées');
  });
});

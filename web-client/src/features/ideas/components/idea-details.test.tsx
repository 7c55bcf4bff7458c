import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IdeaStatus, IdeaVisibilityState } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { actions, anIdea, MAP, renderWithApp } from '@/test/idea-fixtures';
import { IdeaDetails } from './idea-details';

vi.mock('@/api/client', () => ({
  api: {
    listComments: vi.fn(),
    listIdeaNotes: vi.fn(),
    addIdeaNote: vi.fn(),
    changeIdeaStatus: vi.fn(),
    getIdea: vi.fn(),
    flagIdea: vi.fn(),
    withdrawIdea: vi.fn(),
    reviewIdea: vi.fn(),
  },
}));

const participate = () => screen.getByRole('region', { name: 'Participer' });

// The page holds a Leaflet map and many forms: give a busy machine time.
describe('IdeaDetails', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    vi.mocked(api.listComments).mockReset().mockResolvedValue({ items: [] });
    vi.mocked(api.listIdeaNotes).mockReset();
    vi.mocked(api.addIdeaNote).mockReset();
    vi.mocked(api.changeIdeaStatus).mockReset();
    vi.mocked(api.flagIdea).mockReset();
    vi.mocked(api.withdrawIdea).mockReset();
    vi.mocked(api.reviewIdea).mockReset();
    await i18n.changeLanguage('fr');
  });

  it('tells an anonymous visitor, beside each action, to log in', async () => {
    renderWithApp(<IdeaDetails idea={anIdea({ actions: actions('not_signed_in') })} map={MAP} dislikes />);
    const panel = participate();
    for (const button of within(panel).getAllByRole('button', { name: /J’aime|Je n’aime pas/ })) {
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription('Réagir : Connectez-vous pour participer. Se connecter');
    }
    expect(within(panel).getByText('Suivre cette idée :')).toBeInTheDocument();
    expect(within(panel).getByText('Signaler :')).toBeInTheDocument();
    expect(within(panel).getAllByText('Connectez-vous pour participer.')).toHaveLength(3);
    expect(within(panel).getAllByRole('link', { name: 'Se connecter' })[0]).toHaveAttribute('href', '/login');
    expect(within(panel).queryByRole('button', { name: 'Suivre cette idée' })).not.toBeInTheDocument();
    // Not the author: no edit or withdraw at all; not staff: no moderation, no notes.
    expect(screen.queryByText(/Modifier mon idée/)).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Modération' })).not.toBeInTheDocument();
    expect(api.listIdeaNotes).not.toHaveBeenCalled();

    const comments = screen.getByRole('region', { name: /Commentaires/ });
    expect(await within(comments).findByText('Aucun commentaire pour le moment.')).toBeInTheDocument();
    expect(within(comments).getByText('Commenter :').parentElement).toHaveTextContent('Commenter : Connectez-vous pour participer.');
    expect(within(comments).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('shows an idea’s address, not its coordinates, above a small map of its place', async () => {
    const location = { latitude: 50.8466, longitude: 4.3676, label: 'Rue de la Loi 16, 1000 Bruxelles' };
    renderWithApp(<IdeaDetails idea={anIdea({ location })} map={MAP} dislikes />);
    const where = screen.getByRole('region', { name: 'Emplacement' });
    expect(within(where).getByText('Rue de la Loi 16, 1000 Bruxelles')).toBeInTheDocument();
    expect(where).not.toHaveTextContent('Latitude');
    expect(
      await within(where).findByRole('region', { name: 'Emplacement de l’idée sur la carte : Rue de la Loi 16, 1000 Bruxelles' }),
    ).toBeInTheDocument();
  });

  it('shows the coordinates of a place without an address', async () => {
    renderWithApp(<IdeaDetails idea={anIdea({ location: { latitude: 50.8466, longitude: 4.3676 } })} map={MAP} dislikes />);
    const where = screen.getByRole('region', { name: 'Emplacement' });
    expect(where).toHaveTextContent('Latitude 50,8466, longitude 4,3676');
    expect(await within(where).findByRole('region', { name: 'Emplacement de l’idée sur la carte' })).toBeInTheDocument();
  });

  it('says when an action is not open in the current phase, and shows the buttons that are', () => {
    renderWithApp(
      <IdeaDetails
        idea={anIdea({ actions: actions('phase_not_active', { follow: null, flag: null, moderate: 'not_permitted' }) })}
        map={MAP}
        dislikes={false}
      />,
    );
    const panel = participate();
    expect(within(panel).getByText('Cette action n’est pas ouverte dans la phase en cours.')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Suivre cette idée' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(panel).getByRole('button', { name: 'Signaler' })).toBeEnabled();
    // Dislikes are off in this phase, but the one given earlier still shows.
    expect(within(panel).getByRole('button', { name: 'Je n’aime pas 1' })).toBeDisabled();
  });

  it('tells the author why their idea can no longer be edited or withdrawn', () => {
    renderWithApp(
      <IdeaDetails
        idea={anIdea({
          isMine: true,
          status: IdeaStatus.Accepted,
          actions: actions(null, { edit: 'idea_locked', withdraw: 'idea_locked', flag: 'not_permitted', moderate: 'not_permitted' }),
        })}
        map={MAP}
        dislikes
      />,
    );
    const panel = participate();
    expect(within(panel).getByText('Modifier mon idée :').parentElement).toHaveTextContent(
      'Modifier mon idée : La ville examine déjà cette idée : elle ne peut plus être modifiée ni retirée.',
    );
    expect(within(panel).getByText('Retirer mon idée :')).toBeInTheDocument();
    expect(within(panel).getByText('Vous ne pouvez pas signaler votre propre idée.')).toBeInTheDocument();
    expect(within(panel).queryByRole('link', { name: 'Modifier mon idée' })).not.toBeInTheDocument();
  });

  it('shows the official feedback signed by a service in the history', () => {
    renderWithApp(
      <IdeaDetails
        idea={anIdea({
          status: IdeaStatus.Accepted,
          history: [
            { toStatus: IdeaStatus.Proposed, at: '2026-03-03T10:00:00Z' },
            {
              fromStatus: IdeaStatus.Proposed,
              toStatus: IdeaStatus.Accepted,
              feedback: 'Le banc sera installé en mai.',
              signedAs: 'Service Mobilité',
              at: '2026-03-10T10:00:00Z',
            },
          ],
        })}
        map={MAP}
        dislikes
      />,
    );
    const history = screen.getByRole('region', { name: 'Suivi de l’idée' });
    expect(within(history).getByText('Proposée → Acceptée')).toBeInTheDocument();
    expect(within(history).getByText('Réponse officielle de Service Mobilité')).toBeInTheDocument();
    expect(within(history).getByText('Le banc sera installé en mai.')).toBeInTheDocument();
  });

  it('lets the staff set a status with official feedback, and write a note mentioning a colleague', async () => {
    const idea = anIdea({ actions: actions(null, { edit: 'not_author', withdraw: 'not_author' }) });
    vi.mocked(api.changeIdeaStatus).mockResolvedValue({ ...idea, status: IdeaStatus.Accepted });
    vi.mocked(api.listIdeaNotes).mockResolvedValue({
      items: [],
      mentionable: [
        { id: 'u-7', name: 'Chloé Chef' },
        { id: 'u-8', name: 'Marc Modérateur' },
      ],
    });
    vi.mocked(api.addIdeaNote).mockResolvedValue({
      id: 'n-1',
      body: 'À voir',
      mentions: [{ id: 'u-7', name: 'Chloé Chef' }],
      createdAt: '2026-03-05T10:00:00Z',
    });
    const { user } = renderWithApp(<IdeaDetails idea={idea} map={MAP} dislikes defaultSignature="Mobilité" />);

    const moderation = screen.getByRole('region', { name: 'Modération' });
    await user.selectOptions(within(moderation).getByLabelText('Statut'), 'Acceptée');
    // The feedback is a rich-text editor (ProseMirror, which jsdom cannot type into): its text is set through its commands.
    const feedback = within(moderation).getByRole<HTMLElement & { editor: { commands: { insertContent: (text: string) => boolean } } }>(
      'textbox',
      { name: 'Réponse officielle (facultatif)' },
    );
    act(() => {
      feedback.editor.commands.insertContent('Le banc sera installé en mai.');
    });
    expect(within(moderation).getByLabelText('Signé par')).toHaveAccessibleDescription(
      'Le service qui répond, pas une personne. Vide : « Mobilité ».',
    );
    await user.type(within(moderation).getByLabelText('Signé par'), 'Service Mobilité');
    await user.click(within(moderation).getByRole('button', { name: 'Enregistrer' }));
    expect(api.changeIdeaStatus).toHaveBeenCalledWith('i-1', {
      status: 'accepted',
      feedback: '<p>Le banc sera installé en mai.</p>',
      signedAs: 'Service Mobilité',
    });
    expect(await screen.findByText('Enregistré : l’idée est « Acceptée ».')).toBeInTheDocument();

    const notes = screen.getByRole('region', { name: 'Notes internes' });
    await user.type(await within(notes).findByLabelText('Nouvelle note'), 'À voir');
    await user.click(within(notes).getByRole('checkbox', { name: '@Chloé Chef' }));
    await user.click(within(notes).getByRole('button', { name: 'Ajouter la note' }));
    expect(api.addIdeaNote).toHaveBeenCalledWith('i-1', { body: 'À voir', mentions: ['u-7'] });
    expect(await within(notes).findByText('La note a été ajoutée ; 1 personne est prévenue.')).toBeInTheDocument();
  });

  it('asks for details when a report says « Autre »', async () => {
    vi.mocked(api.flagIdea).mockResolvedValue({ hidden: false });
    const { user } = renderWithApp(<IdeaDetails idea={anIdea()} map={MAP} dislikes />);
    await user.click(within(participate()).getByRole('button', { name: 'Signaler' }));
    const dialog = screen.getByRole('dialog', { name: 'Signaler cette idée' });
    await user.click(within(dialog).getByLabelText('Autre'));
    await user.click(within(dialog).getByRole('button', { name: 'Envoyer le signalement' }));
    expect(within(dialog).getByLabelText('Précisions')).toHaveAccessibleDescription(/Expliquez le problème\./);
    expect(api.flagIdea).not.toHaveBeenCalled();
    await user.type(within(dialog).getByLabelText('Précisions'), 'Ce banc existe déjà.');
    await user.click(within(dialog).getByRole('button', { name: 'Envoyer le signalement' }));
    expect(api.flagIdea).toHaveBeenCalledWith('i-1', { reason: 'other', details: 'Ce banc existe déjà.' });
    expect(await screen.findByText('Merci : votre signalement a été transmis à la modération.')).toBeInTheDocument();
  });

  it('lets the author withdraw their idea after confirming', async () => {
    vi.mocked(api.withdrawIdea).mockResolvedValue();
    const idea = anIdea({ isMine: true, actions: actions(null, { flag: 'not_permitted', moderate: 'not_permitted' }) });
    const { user } = renderWithApp(<IdeaDetails idea={idea} map={MAP} dislikes />);
    expect(within(participate()).getByRole('link', { name: 'Modifier mon idée' })).toHaveAttribute('href', '/projects/p-1/ideas/i-1/edit');
    await user.click(within(participate()).getByRole('button', { name: 'Retirer mon idée' }));
    const dialog = screen.getByRole('dialog', { name: 'Retirer cette idée ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Oui, retirer' }));
    expect(api.withdrawIdea).toHaveBeenCalledWith('i-1');
    expect(await screen.findByText('Votre idée a été retirée.')).toBeInTheDocument();
  });

  it('offers the staff to approve an idea awaiting review, or to reject it with a reason', async () => {
    vi.mocked(api.reviewIdea).mockResolvedValue();
    vi.mocked(api.listIdeaNotes).mockResolvedValue({ items: [], mentionable: [] });
    const idea = anIdea({
      status: IdeaStatus.Prescreening,
      visibility: { state: IdeaVisibilityState.Prescreening, hiddenByFlags: false },
      actions: actions('not_public', { edit: 'not_author', withdraw: 'not_author', moderate: null }),
    });
    const { user } = renderWithApp(<IdeaDetails idea={idea} map={MAP} dislikes />);
    expect(screen.getByText('Cette idée attend la relecture de la modération : elle n’est pas encore publique.')).toBeInTheDocument();
    const moderation = screen.getByRole('region', { name: 'Modération' });
    expect(within(moderation).queryByLabelText('Statut')).not.toBeInTheDocument();
    await user.click(within(moderation).getByRole('button', { name: 'Refuser' }));
    expect(api.reviewIdea).not.toHaveBeenCalled();
    expect(within(moderation).getByLabelText('Motif du refus')).toHaveAttribute('aria-invalid', 'true');
    await user.click(within(moderation).getByRole('button', { name: 'Approuver et publier' }));
    expect(api.reviewIdea).toHaveBeenCalledWith('i-1', { decision: 'approve', reason: undefined });
    expect(await screen.findByText('L’idée est approuvée et publiée.')).toBeInTheDocument();
  });
});

import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CommentState } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { aComment, actions, anIdea, renderWithApp } from '@/test/idea-fixtures';
import { CommentsSection } from './comments-section';

vi.mock('@/api/client', () => ({
  api: {
    listComments: vi.fn(),
    listReplies: vi.fn(),
    postComment: vi.fn(),
    editComment: vi.fn(),
    deleteComment: vi.fn(),
    getIdea: vi.fn(),
  },
}));

const region = () => screen.getByRole('region', { name: /^Commentaires/ });

describe('CommentsSection', () => {
  beforeEach(async () => {
    for (const fn of [api.listComments, api.listReplies, api.postComment, api.editComment, api.deleteComment]) vi.mocked(fn).mockReset();
    await i18n.changeLanguage('fr');
  });

  it('keeps the place of deleted and hidden comments, and shows the hidden text to its author only', async () => {
    vi.mocked(api.listComments).mockResolvedValue({
      items: [
        aComment({
          id: 'c-1',
          state: CommentState.Deleted,
          author: undefined,
          body: '',
          repliesCount: 1,
          replies: [aComment({ id: 'c-2', parentId: 'c-1', body: 'Je réponds quand même.' })],
        }),
        aComment({ id: 'c-3', state: CommentState.Hidden, body: '' }),
        aComment({ id: 'c-4', state: CommentState.Hidden, body: 'Mon texte masqué', isMine: true, hiddenReason: 'Propos hors sujet' }),
      ],
    });
    renderWithApp(<CommentsSection idea={anIdea({ comments: 2 })} />);
    expect(await within(region()).findByText('Commentaire supprimé')).toBeInTheDocument();
    expect(within(region()).getByText('Je réponds quand même.')).toBeInTheDocument();
    expect(within(region()).getAllByText('Masqué par la modération')).toHaveLength(2);
    expect(within(region()).getByText('Mon texte masqué')).toBeInTheDocument();
    expect(within(region()).getByText('Motif : Propos hors sujet')).toBeInTheDocument();
    // Nobody replies to, edits or reports a deleted or hidden comment.
    expect(within(region()).queryAllByRole('button', { name: 'Répondre' })).toHaveLength(0);
  });

  it('loads the other replies on « Voir plus de réponses »', async () => {
    const first = [1, 2, 3].map((n) => aComment({ id: `r-${n}`, parentId: 'c-1', body: `Réponse ${n}` }));
    vi.mocked(api.listComments).mockResolvedValue({ items: [aComment({ id: 'c-1', repliesCount: 5, replies: first })] });
    vi.mocked(api.listReplies).mockResolvedValue({
      items: [
        ...first,
        aComment({ id: 'r-4', parentId: 'c-1', body: 'Réponse 4' }),
        aComment({ id: 'r-5', parentId: 'c-1', body: 'Réponse 5' }),
      ],
    });
    const { user } = renderWithApp(<CommentsSection idea={anIdea()} />);
    await within(region()).findByText('Réponse 3');
    expect(within(region()).queryByText('Réponse 4')).not.toBeInTheDocument();
    await user.click(within(region()).getByRole('button', { name: 'Voir plus de réponses (2)' }));
    expect(api.listReplies).toHaveBeenCalledWith('c-1', undefined, 20, expect.anything());
    expect(await within(region()).findByText('Réponse 5')).toBeInTheDocument();
    expect(within(region()).getByRole('list', { name: 'Réponses (5)' })).toHaveFocus();
    expect(within(region()).queryByRole('button', { name: /Voir plus de réponses/ })).not.toBeInTheDocument();
  });

  it('posts a comment for an organisation, and a reply to a comment', async () => {
    vi.mocked(api.listComments).mockResolvedValue({ items: [aComment({ id: 'c-1' })] });
    vi.mocked(api.postComment).mockResolvedValue(aComment({ id: 'c-9' }));
    const { user } = renderWithApp(<CommentsSection idea={anIdea()} organisations={[{ id: 'o-1', name: 'Comité des Marolles' }]} />);
    await within(region()).findByText('Bonne idée !');
    await user.type(within(region()).getByLabelText('Votre commentaire'), 'Oui !');
    await user.selectOptions(within(region()).getByLabelText('Publier au nom de'), 'Comité des Marolles');
    await user.click(within(region()).getByRole('button', { name: 'Publier le commentaire' }));
    expect(api.postComment).toHaveBeenCalledWith('i-1', { body: 'Oui !', organisationId: 'o-1' });
    expect(await within(region()).findByText('Votre commentaire a été publié.')).toBeInTheDocument();
    expect(within(region()).getByLabelText('Votre commentaire')).toHaveValue('');

    await user.click(within(region()).getByRole('button', { name: 'Répondre' }));
    const reply = within(region()).getByLabelText('Votre réponse à Paul Martin');
    expect(reply).toHaveFocus();
    await user.type(reply, 'Merci');
    await user.click(within(region()).getByRole('button', { name: 'Publier la réponse' }));
    expect(api.postComment).toHaveBeenLastCalledWith('i-1', { body: 'Merci', organisationId: undefined, parentId: 'c-1' });
  });

  it('lets the author edit and delete their own comment', async () => {
    vi.mocked(api.listComments).mockResolvedValue({ items: [aComment({ id: 'c-1', isMine: true, body: 'Premier jet' })] });
    vi.mocked(api.editComment).mockResolvedValue(aComment({ id: 'c-1', isMine: true, body: 'Version revue' }));
    vi.mocked(api.deleteComment).mockResolvedValue();
    const { user } = renderWithApp(<CommentsSection idea={anIdea()} />);
    await within(region()).findByText('Premier jet');
    await user.click(within(region()).getByRole('button', { name: 'Modifier' }));
    const field = within(region()).getByRole('textbox', { name: 'Modifier votre commentaire' });
    expect(field).toHaveValue('Premier jet');
    await user.clear(field);
    await user.type(field, 'Version revue');
    await user.click(within(region()).getByRole('button', { name: 'Enregistrer' }));
    expect(api.editComment).toHaveBeenCalledWith('c-1', { body: 'Version revue' });

    await user.click(await within(region()).findByRole('button', { name: 'Supprimer' }));
    const dialog = screen.getByRole('dialog', { name: 'Supprimer ce commentaire ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Oui, supprimer' }));
    expect(api.deleteComment).toHaveBeenCalledWith('c-1');
  });

  it('replaces the form with the reason when commenting is closed', async () => {
    vi.mocked(api.listComments).mockResolvedValue({ items: [aComment()] });
    renderWithApp(<CommentsSection idea={anIdea({ actions: actions('email_not_confirmed', { flag: null }) })} />);
    await within(region()).findByText('Bonne idée !');
    expect(within(region()).getByText(/Confirmez d’abord votre adresse e-mail/)).toBeInTheDocument();
    expect(within(region()).queryByRole('button', { name: 'Répondre' })).not.toBeInTheDocument();
    expect(within(region()).queryByLabelText('Votre commentaire')).not.toBeInTheDocument();
    expect(within(region()).getByRole('button', { name: 'Signaler' })).toBeInTheDocument();
  });
});

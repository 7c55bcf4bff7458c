import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthorKind, FlagReason, IdeaStatus, ModerationItemKind, type GetModerationQueueItem } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { ModerationQueue } from './moderation-queue';

vi.mock('@/api/client', () => ({
  api: {
    getModerationQueue: vi.fn(),
    hideComment: vi.fn(),
    unhideComment: vi.fn(),
    hideIdea: vi.fn(),
    unhideIdea: vi.fn(),
    reviewIdea: vi.fn(),
  },
}));

const queue = vi.mocked(api.getModerationQueue);
const hideComment = vi.mocked(api.hideComment);
const unhideComment = vi.mocked(api.unhideComment);
const reviewIdea = vi.mocked(api.reviewIdea);

const flaggedComment: GetModerationQueueItem = {
  kind: ModerationItemKind.Comment,
  ideaId: 'i-1',
  commentId: 'c-1',
  ideaTitle: 'Un banc',
  excerpt: 'Propos douteux',
  status: IdeaStatus.Proposed,
  author: { kind: AuthorKind.Person, name: 'Bruno Martin', userId: 'u-2' },
  awaitingReview: false,
  hidden: true,
  hiddenByFlags: true,
  openFlags: 3,
  flags: [{ reason: FlagReason.Inappropriate, details: 'Insultant', at: '2026-03-03T10:00:00Z' }],
  since: '2026-03-03T10:00:00Z',
};

const ideaToReview: GetModerationQueueItem = {
  kind: ModerationItemKind.Idea,
  ideaId: 'i-2',
  ideaTitle: 'Des arbres',
  excerpt: 'Plantons des arbres',
  status: IdeaStatus.Prescreening,
  author: { kind: AuthorKind.Person, name: 'Ana Dupont', userId: 'u-3' },
  awaitingReview: true,
  hidden: false,
  hiddenByFlags: false,
  openFlags: 0,
  flags: [],
  since: '2026-03-04T10:00:00Z',
};

function renderQueue() {
  render(
    <TestProviders>
      <MemoryRouter>
        <ModerationQueue projectId="p-1" />
      </MemoryRouter>
    </TestProviders>,
  );
}

describe('ModerationQueue', () => {
  beforeEach(async () => {
    for (const mock of [queue, hideComment, unhideComment, reviewIdea]) mock.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('shows each item with its state, author, excerpt and flags', async () => {
    queue.mockResolvedValue({ items: [flaggedComment, ideaToReview] });
    renderQueue();
    const [comment, idea] = await screen.findAllByRole('article');
    expect(comment).toHaveTextContent('Commentaire');
    expect(comment).toHaveTextContent('Masqué provisoirement');
    expect(comment).toHaveTextContent('Par Bruno Martin');
    expect(comment).toHaveTextContent('Propos douteux');
    expect(comment).toHaveTextContent('3 signalements');
    expect(comment).toHaveTextContent('Contenu inapproprié — « Insultant »');
    expect(within(comment).getByRole('link', { name: 'Un banc' })).toHaveAttribute('href', '/projects/p-1/ideas/i-1');
    expect(within(comment).getByRole('button', { name: 'Masquer : commentaire sur l’idée « Un banc »' })).toBeInTheDocument();
    expect(within(comment).queryByRole('button', { name: /Approuver/ })).not.toBeInTheDocument();
    expect(idea).toHaveTextContent('En attente de pré-modération');
    expect(within(idea).getByRole('button', { name: 'Approuver : idée « Des arbres »' })).toBeInTheDocument();
    expect(within(idea).queryByRole('button', { name: /Masquer/ })).not.toBeInTheDocument();
    expect(queue).toHaveBeenCalledWith('p-1', undefined, 20, expect.anything());
  });

  it('asks for a reason before hiding, then confirms and reads the queue again', async () => {
    queue.mockResolvedValueOnce({ items: [flaggedComment] }).mockResolvedValue({ items: [] });
    hideComment.mockResolvedValue();
    renderQueue();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /^Masquer : / }));
    const dialog = screen.getByRole('dialog', { name: 'Masquer ce commentaire' });
    await user.click(within(dialog).getByRole('button', { name: 'Masquer' }));
    expect(within(dialog).getByLabelText(/Motif/)).toHaveAttribute('aria-invalid', 'true');
    expect(hideComment).not.toHaveBeenCalled();
    await user.type(within(dialog).getByLabelText(/Motif/), 'Propos injurieux');
    await user.click(within(dialog).getByRole('button', { name: 'Masquer' }));
    expect(hideComment).toHaveBeenCalledWith('c-1', { reason: 'Propos injurieux' });
    expect(await screen.findByText('Le commentaire sur l’idée « Un banc » est masqué ; son auteur en est informé.')).toBeInTheDocument();
    expect(await screen.findByText('Rien à modérer pour le moment.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'À traiter' })).toHaveFocus();
  });

  it('keeps a flagged item visible without a reason', async () => {
    queue.mockResolvedValueOnce({ items: [flaggedComment] }).mockResolvedValue({ items: [] });
    unhideComment.mockResolvedValue();
    renderQueue();
    await userEvent.setup().click(await screen.findByRole('button', { name: /^Garder visible : / }));
    expect(unhideComment).toHaveBeenCalledWith('c-1', {});
    expect(await screen.findByRole('status')).toHaveTextContent('reste visible ; ses signalements sont classés');
  });

  it('approves directly and rejects with a reason', async () => {
    queue.mockResolvedValue({ items: [ideaToReview] });
    reviewIdea.mockResolvedValue();
    renderQueue();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /^Approuver : / }));
    expect(reviewIdea).toHaveBeenCalledWith('i-2', { decision: 'approve' });
    expect(await screen.findByRole('status')).toHaveTextContent('L’idée « Des arbres » est approuvée et publiée.');
    await user.click(screen.getByRole('button', { name: /^Refuser : / }));
    const dialog = screen.getByRole('dialog', { name: 'Refuser cette idée' });
    await user.type(within(dialog).getByLabelText(/Motif/), 'Hors sujet');
    await user.click(within(dialog).getByRole('button', { name: 'Refuser l’idée' }));
    expect(reviewIdea).toHaveBeenLastCalledWith('i-2', { decision: 'reject', reason: 'Hors sujet' });
  });

  it('shows the API’s reason error beside the field', async () => {
    queue.mockResolvedValue({ items: [flaggedComment] });
    hideComment.mockRejectedValue({
      status: 400,
      title: 'One or more fields are invalid.',
      errors: { reason: ['Ce texte est trop long.'] },
    });
    renderQueue();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /^Masquer : / }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Motif/), 'x');
    await user.click(within(dialog).getByRole('button', { name: 'Masquer' }));
    expect(await within(dialog).findByText('Ce texte est trop long.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Motif/)).toHaveAttribute('aria-invalid', 'true');
  });
});

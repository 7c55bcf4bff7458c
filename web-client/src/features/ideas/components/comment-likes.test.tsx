import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommentSort } from '@contracts/participation-client';
import { api } from '@/api/client';
import { sessionStore } from '@/lib/auth/session-store';
import { i18n } from '@/lib/i18n';
import { aComment, anIdea, renderWithApp } from '@/test/idea-fixtures';
import { CommentsSection } from './comments-section';

vi.mock('@/api/client', () => ({
  api: {
    listComments: vi.fn(),
    listReplies: vi.fn(),
    likeComment: vi.fn(),
    unlikeComment: vi.fn(),
    getIdea: vi.fn(),
  },
}));

const region = () => screen.getByRole('region', { name: /^Commentaires/ });

describe('comment likes and sorting', () => {
  beforeEach(async () => {
    for (const fn of [api.listComments, api.likeComment, api.unlikeComment]) vi.mocked(fn).mockReset();
    await i18n.changeLanguage('fr');
  });
  afterEach(() => sessionStore.clear());

  it('lets a signed-in person like someone else’s comment (a pressed toggle) and only shows the count on their own', async () => {
    sessionStore.setTokens({ accessToken: 'a', refreshToken: 'r' });
    vi.mocked(api.listComments).mockResolvedValue({
      items: [aComment({ id: 'c-1', likes: 2 }), aComment({ id: 'c-2', body: 'Le mien', isMine: true, likes: 1 })],
    });
    vi.mocked(api.likeComment).mockResolvedValue({ likes: 3, likedByMe: true });
    const { user } = renderWithApp(<CommentsSection idea={anIdea({ comments: 2 })} />);
    const like = await within(region()).findByRole('button', { name: 'J’aime le commentaire de Paul Martin (2 j’aime)' });
    expect(like).toHaveAttribute('aria-pressed', 'false');
    expect(within(region()).getByText('1 j’aime')).toBeInTheDocument();
    expect(within(region()).getAllByRole('button', { name: /J’aime le commentaire/ })).toHaveLength(1);
    await user.click(like);
    expect(api.likeComment).toHaveBeenCalledWith('c-1');
  });

  it('takes a like back when the toggle is pressed, and anonymous visitors see counts only', async () => {
    sessionStore.setTokens({ accessToken: 'a', refreshToken: 'r' });
    vi.mocked(api.listComments).mockResolvedValue({ items: [aComment({ id: 'c-1', likes: 1, likedByMe: true })] });
    vi.mocked(api.unlikeComment).mockResolvedValue({ likes: 0, likedByMe: false });
    const { user } = renderWithApp(<CommentsSection idea={anIdea()} />);
    const like = await within(region()).findByRole('button', { name: /J’aime le commentaire/ });
    expect(like).toHaveAttribute('aria-pressed', 'true');
    await user.click(like);
    expect(api.unlikeComment).toHaveBeenCalledWith('c-1');
  });

  it('shows counts without a button to anonymous visitors', async () => {
    vi.mocked(api.listComments).mockResolvedValue({ items: [aComment({ id: 'c-1', likes: 4 })] });
    renderWithApp(<CommentsSection idea={anIdea()} />);
    expect(await within(region()).findByText('4 j’aime')).toBeInTheDocument();
    expect(within(region()).queryByRole('button', { name: /J’aime/ })).not.toBeInTheDocument();
  });

  it('sorts by most liked through the sort select', async () => {
    vi.mocked(api.listComments).mockResolvedValue({ items: [aComment({ id: 'c-1' })] });
    const { user } = renderWithApp(<CommentsSection idea={anIdea({ comments: 3 })} />);
    await within(region()).findByText('Bonne idée !');
    expect(api.listComments).toHaveBeenLastCalledWith('i-1', CommentSort.Oldest, undefined, 20, expect.anything());
    await user.selectOptions(within(region()).getByLabelText('Trier les commentaires'), 'Les plus aimés');
    expect(api.listComments).toHaveBeenLastCalledWith('i-1', CommentSort.MostLiked, undefined, 20, expect.anything());
  });
});

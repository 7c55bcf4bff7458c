import { useQuery } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReactionKind, type GetIdeaResponse, type ReactionState } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { anIdea, renderWithApp } from '@/test/idea-fixtures';
import { ideaQueryOptions, optimisticReaction } from '../api/ideas';
import { ReactionButtons } from './reaction-buttons';

vi.mock('@/api/client', () => ({
  api: { getIdea: vi.fn(), reactToIdea: vi.fn(), removeReaction: vi.fn(), listIdeas: vi.fn() },
}));

/** The buttons as the idea page shows them: fed by the cached idea, which the mutation updates. */
function Harness() {
  const idea = useQuery(ideaQueryOptions('i-1'));
  return idea.data ? <ReactionButtons idea={idea.data} dislikes /> : null;
}

function renderButtons(idea: GetIdeaResponse) {
  vi.mocked(api.getIdea).mockResolvedValue(idea);
  return renderWithApp(<Harness />);
}

const like = () => screen.getByRole('button', { name: /^J’aime/ });
const dislike = () => screen.getByRole('button', { name: /^Je n’aime pas/ });

describe('ReactionButtons', () => {
  beforeEach(async () => {
    vi.mocked(api.getIdea).mockReset();
    vi.mocked(api.reactToIdea).mockReset();
    vi.mocked(api.removeReaction).mockReset();
    await i18n.changeLanguage('fr');
  });

  it('likes an idea: the button is pressed at once and shows the count the API answers', async () => {
    let answer: (value: ReactionState) => void = () => {};
    vi.mocked(api.reactToIdea).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const { user } = renderButtons(anIdea({ likes: 3, dislikes: 1 }));
    await user.click(await screen.findByRole('button', { name: 'J’aime 3' }));
    expect(api.reactToIdea).toHaveBeenCalledWith('i-1', { kind: 'like' });
    expect(api.removeReaction).not.toHaveBeenCalled();
    // Optimistic: pressed with one more like before the API answers.
    expect(like()).toHaveAttribute('aria-pressed', 'true');
    expect(like()).toHaveAccessibleName('J’aime 4');
    answer({ likes: 7, dislikes: 1, myReaction: ReactionKind.Like });
    await waitFor(() => expect(like()).toHaveAccessibleName('J’aime 7'));
    expect(dislike()).toHaveAttribute('aria-pressed', 'false');
  });

  it('takes a like back when the pressed button is pressed again', async () => {
    vi.mocked(api.removeReaction).mockResolvedValue({ likes: 2, dislikes: 1 });
    const { user } = renderButtons(anIdea({ likes: 3, dislikes: 1, myReaction: ReactionKind.Like }));
    await user.click(await screen.findByRole('button', { name: 'J’aime 3', pressed: true }));
    expect(api.removeReaction).toHaveBeenCalledWith('i-1');
    expect(api.reactToIdea).not.toHaveBeenCalled();
    await waitFor(() => expect(like()).toHaveAttribute('aria-pressed', 'false'));
    expect(like()).toHaveAccessibleName('J’aime 2');
  });

  it('switches a like to a dislike', async () => {
    vi.mocked(api.reactToIdea).mockResolvedValue({ likes: 2, dislikes: 2, myReaction: ReactionKind.Dislike });
    const { user } = renderButtons(anIdea({ likes: 3, dislikes: 1, myReaction: ReactionKind.Like }));
    await user.click(await screen.findByRole('button', { name: 'Je n’aime pas 1' }));
    expect(api.reactToIdea).toHaveBeenCalledWith('i-1', { kind: 'dislike' });
    await waitFor(() => expect(dislike()).toHaveAttribute('aria-pressed', 'true'));
    expect(like()).toHaveAttribute('aria-pressed', 'false');
  });

  it('puts the counts back and says why when the API refuses', async () => {
    vi.mocked(api.reactToIdea).mockRejectedValue({ status: 403, title: 'Refused', action: 'react', reason: 'limit_reached' });
    const { user } = renderButtons(anIdea({ likes: 3 }));
    await user.click(await screen.findByRole('button', { name: 'J’aime 3' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Vous avez atteint la limite prévue pour cette phase.');
    expect(like()).toHaveAttribute('aria-pressed', 'false');
    expect(like()).toHaveAccessibleName('J’aime 3');
  });

  it('works with the keyboard', async () => {
    vi.mocked(api.reactToIdea).mockResolvedValue({ likes: 4, dislikes: 1, myReaction: ReactionKind.Like });
    const { user } = renderButtons(anIdea({ likes: 3 }));
    await screen.findByRole('button', { name: 'J’aime 3' });
    await user.tab();
    expect(like()).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(api.reactToIdea).toHaveBeenCalledWith('i-1', { kind: 'like' });
  });
});

describe('optimisticReaction', () => {
  it('moves the counters as the API will', () => {
    expect(optimisticReaction({ likes: 3, dislikes: 1 }, ReactionKind.Like)).toEqual({ likes: 4, dislikes: 1, myReaction: 'like' });
    expect(optimisticReaction({ likes: 3, dislikes: 1, myReaction: ReactionKind.Like }, ReactionKind.Dislike)).toEqual({
      likes: 2,
      dislikes: 2,
      myReaction: 'dislike',
    });
    expect(optimisticReaction({ likes: 3, dislikes: 1, myReaction: ReactionKind.Dislike }, null)).toEqual({
      likes: 3,
      dislikes: 0,
      myReaction: undefined,
    });
  });
});

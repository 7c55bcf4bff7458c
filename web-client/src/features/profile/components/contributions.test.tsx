import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContributionKind, type Contribution } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { contributionPath } from './contribution-list';
import { MyContributions } from './my-contributions';
import { PersonProfile } from './person-profile';

vi.mock('@/api/client', () => ({
  api: {
    listMyContributions: vi.fn(),
    getPerson: vi.fn(),
    listPersonContributions: vi.fn(),
  },
}));

const mine = vi.mocked(api.listMyContributions);
const person = vi.mocked(api.getPerson);
const theirs = vi.mocked(api.listPersonContributions);

const base = {
  at: '2026-03-01T10:00:00Z',
  projectId: 'p-1',
  projectSlug: 'parc-du-centre',
  projectTitle: 'Parc du centre',
} satisfies Partial<Contribution>;

const comment: Contribution = {
  ...base,
  kind: ContributionKind.Comment,
  title: 'Plus de bancs',
  excerpt: 'Bonne idée !',
  ideaId: 'i-1',
  ideaSlug: 'plus-de-bancs',
  commentId: 'c-1',
};
const vote: Contribution = {
  ...base,
  kind: ContributionKind.Vote,
  title: 'Un marché',
  ideaId: 'i-2',
  ideaSlug: 'un-marche',
  phaseId: 'ph-1',
};
const basket: Contribution = { ...base, kind: ContributionKind.Basket, title: 'Budget 2026', status: 'submitted', phaseId: 'ph-2' };

function renderAt(ui: React.ReactNode, path = '/profile/contributions') {
  return render(
    <TestProviders>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </TestProviders>,
  );
}

describe('contributions', () => {
  beforeEach(async () => {
    mine.mockReset();
    person.mockReset();
    theirs.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('links each kind to where it lives', () => {
    expect(contributionPath(comment)).toBe('/projects/parc-du-centre/ideas/plus-de-bancs#comment-c-1');
    expect(contributionPath(vote)).toBe('/projects/parc-du-centre/ideas/un-marche');
    expect(contributionPath(basket)).toBe('/projects/parc-du-centre');
    expect(contributionPath({ ...basket, kind: ContributionKind.SurveyResponse })).toBe('/projects/parc-du-centre/phases/ph-2/survey');
    expect(
      contributionPath({ kind: ContributionKind.EventRegistration, at: base.at, title: 'Fête', eventId: 'e-1', eventSlug: 'fete' }),
    ).toBe('/events/fete');
  });

  it('lists what I did with links, filters by kind and loads more pages', async () => {
    mine.mockImplementation((kind, cursor) =>
      Promise.resolve(
        kind === ContributionKind.Vote ? { items: [vote] } : cursor ? { items: [basket] } : { items: [comment], nextCursor: 'page-2' },
      ),
    );
    renderAt(<MyContributions />);

    const list = await screen.findByRole('list', { name: 'Mes contributions' });
    expect(within(list).getByRole('link', { name: 'Plus de bancs' })).toHaveAttribute(
      'href',
      '/projects/parc-du-centre/ideas/plus-de-bancs#comment-c-1',
    );
    expect(within(list).getByText('Bonne idée !')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Afficher plus' }));
    expect(await within(list).findByText('Budget 2026')).toBeInTheDocument();
    expect(within(list).getByText(/envoyé/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).not.toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Type de contribution'), 'Votes');
    const votes = await screen.findByRole('list', { name: 'Votes' });
    expect(within(votes).getByRole('link', { name: 'Un marché' })).toBeInTheDocument();
    expect(mine).toHaveBeenLastCalledWith(ContributionKind.Vote, undefined, undefined, expect.anything());
  });

  it('says so when there is nothing yet', async () => {
    mine.mockResolvedValue({ items: [] });
    renderAt(<MyContributions />, '/profile/contributions?kind=basket');
    expect(await screen.findByText('Aucune contribution de ce type pour le moment.')).toBeInTheDocument();
    expect(mine).toHaveBeenCalledWith(ContributionKind.Basket, undefined, undefined, expect.anything());
  });

  it('shows a public profile with its public contributions, or that it does not exist', async () => {
    person.mockResolvedValue({ id: 'u-1', displayName: 'Alice Martin', memberSince: '2025-01-15T10:00:00Z' });
    theirs.mockResolvedValue({ items: [comment] });
    const { unmount } = renderAt(<PersonProfile id="u-1" />, '/people/u-1');
    expect(await screen.findByText(/^Participe depuis le /)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Plus de bancs' })).toBeInTheDocument();
    expect(document.querySelector('.avatar--initials')?.getAttribute('data-initials')).toBe('AM');
    unmount();

    person.mockRejectedValue(Object.assign(new Error('Not found'), { status: 404 }));
    renderAt(<PersonProfile id="u-2" />, '/people/u-2');
    expect(await screen.findByRole('alert')).toHaveTextContent('Cette personne n’existe pas ou a supprimé son compte.');
  });

  it('says when a public profile has no contributions, and offers to retry when they fail to load', async () => {
    person.mockResolvedValue({ id: 'u-1', displayName: 'Alice Martin', memberSince: '2025-01-15T10:00:00Z' });
    theirs.mockResolvedValueOnce({ items: [] });
    const { unmount } = renderAt(<PersonProfile id="u-1" />, '/people/u-1');
    expect(await screen.findByText('Aucune contribution publique pour le moment.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Contributions publiques' })).not.toBeInTheDocument();
    unmount();

    theirs
      .mockReset()
      .mockRejectedValueOnce(new Error('network'))
      .mockResolvedValueOnce({ items: [comment] });
    renderAt(<PersonProfile id="u-3" />, '/people/u-3');
    await userEvent.click(await screen.findByRole('button', { name: 'Réessayer' }));
    const list = await screen.findByRole('list', { name: 'Contributions publiques' });
    expect(within(list).getByRole('link', { name: 'Plus de bancs' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  IdeaStatus,
  ParticipationAction,
  RefusalReason,
  type ActionPolicyDecision,
  type GetMyVotesResponse,
  type VoteState,
} from '@contracts/participation-client';
import { api } from '@/api/client';
import { sessionStore } from '@/lib/auth/session-store';
import { i18n } from '@/lib/i18n';
import { renderWithApp } from '@/test/idea-fixtures';
import { applyVoteState, voteRefusal } from '../api/votes';
import { VoteToggle } from './vote-toggle';
import { VotingSummary } from './voting-summary';

vi.mock('@/api/client', () => ({ api: { getMyVotes: vi.fn(), castVote: vi.fn(), removeVote: vi.fn() } }));

const allowed: ActionPolicyDecision = { action: ParticipationAction.Vote, allowed: true };
const ideas = [
  { id: 'i-1', title: 'Un banc', status: IdeaStatus.Proposed },
  { id: 'i-2', title: 'Un potager', status: IdeaStatus.Proposed },
  { id: 'i-3', title: 'Une fontaine', status: IdeaStatus.Proposed },
  { id: 'i-4', title: 'Un kiosque', status: IdeaStatus.Rejected },
];

const mine = (over: Partial<GetMyVotesResponse> = {}): GetMyVotesResponse => ({
  phaseId: 'ph-1',
  open: true,
  votesPerUser: 2,
  used: 1,
  left: 1,
  ideaIds: ['i-1'],
  ...over,
});

const state = (over: Partial<VoteState>): VoteState => ({
  phaseId: 'ph-1',
  ideaId: 'i-2',
  voted: true,
  votesPerUser: 2,
  used: 2,
  left: 0,
  ...over,
});

/** The voting view as the project page composes it: the counter above the list, a toggle per card. */
function VotingView({ decision, onChanged }: { decision: ActionPolicyDecision; onChanged?: () => void }) {
  return (
    <>
      <VotingSummary projectId="p-1" decision={decision} votesPerUser={2} resultsHref="/projects/p-1/phases/ph-1/results" />
      {ideas.map((idea) => (
        <article key={idea.id} aria-label={idea.title}>
          <VoteToggle projectId="p-1" idea={idea} decision={decision} onChanged={onChanged} />
        </article>
      ))}
    </>
  );
}

const counter = () => within(screen.getByRole('region', { name: 'Vos votes' })).getByRole('status');
const card = (title: string) => screen.getByRole('article', { name: title });

describe('Voting', () => {
  beforeEach(async () => {
    vi.mocked(api.getMyVotes).mockReset();
    vi.mocked(api.castVote).mockReset();
    vi.mocked(api.removeVote).mockReset();
    sessionStore.setTokens({ accessToken: 'token', refreshToken: 'refresh' });
    await i18n.changeLanguage('fr');
  });

  afterEach(() => sessionStore.clear());

  it('shows the votes left and which ideas have your vote', async () => {
    vi.mocked(api.getMyVotes).mockResolvedValue(mine());
    renderWithApp(<VotingView decision={allowed} />, '/projects/p-1');
    await waitFor(() => expect(counter()).toHaveTextContent('Il vous reste 1 vote sur 2'));
    expect(within(card('Un banc')).getByRole('button', { name: 'Retirer mon vote pour « Un banc »' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(card('Un potager')).getByRole('button', { name: 'Voter pour « Un potager »' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(card('Un potager')).getByRole('button', { name: 'Voter pour « Un potager »' })).toBeEnabled();
    expect(screen.getByRole('link', { name: 'Voir les résultats du vote' })).toHaveAttribute('href', '/projects/p-1/phases/ph-1/results');
    expect(api.getMyVotes).toHaveBeenCalledTimes(1);
  });

  it('votes with the toggle: the counter follows, and the other ideas say why they cannot be voted for', async () => {
    vi.mocked(api.getMyVotes).mockResolvedValue(mine());
    vi.mocked(api.castVote).mockResolvedValue(state({}));
    const onChanged = vi.fn();
    const { user } = renderWithApp(<VotingView decision={allowed} onChanged={onChanged} />, '/projects/p-1');
    const vote = await within(card('Un potager')).findByRole('button', { name: 'Voter pour « Un potager »' });
    await user.click(vote);
    expect(api.castVote).toHaveBeenCalledWith('i-2');
    await waitFor(() => expect(counter()).toHaveTextContent('Il vous reste 0 vote sur 2'));
    // The same button, now pressed: the focus stays on it.
    expect(vote).toHaveAttribute('aria-pressed', 'true');
    expect(vote).toHaveAccessibleName('Retirer mon vote pour « Un potager »');
    expect(vote).toHaveFocus();
    expect(onChanged).toHaveBeenCalled();
    const other = within(card('Une fontaine')).getByRole('button', { name: 'Voter pour « Une fontaine »' });
    expect(other).toBeDisabled();
    expect(other).toHaveAccessibleDescription('Vous avez utilisé tous vos votes.');
    expect(screen.getByRole('region', { name: 'Vos votes' })).toHaveTextContent(
      'Vous avez utilisé tous vos votes. Retirez-en un pour voter pour une autre idée.',
    );
    // Votes given can still be taken back.
    expect(within(card('Un banc')).getByRole('button', { name: 'Retirer mon vote pour « Un banc »' })).toBeEnabled();
  });

  it('takes a vote back: one more vote left, and the other ideas can be voted for again', async () => {
    vi.mocked(api.getMyVotes).mockResolvedValue(mine({ used: 2, left: 0, ideaIds: ['i-1', 'i-2'] }));
    vi.mocked(api.removeVote).mockResolvedValue(state({ ideaId: 'i-1', voted: false, used: 1, left: 1 }));
    // The project's actions said « limit reached » before the withdrawal: the votes left decide.
    const { user } = renderWithApp(
      <VotingView decision={{ action: ParticipationAction.Vote, allowed: false, reason: RefusalReason.LimitReached }} />,
      '/projects/p-1',
    );
    await waitFor(() => expect(counter()).toHaveTextContent('Il vous reste 0 vote sur 2'));
    expect(within(card('Une fontaine')).getByRole('button', { name: 'Voter pour « Une fontaine »' })).toBeDisabled();
    await user.click(within(card('Un banc')).getByRole('button', { name: 'Retirer mon vote pour « Un banc »' }));
    expect(api.removeVote).toHaveBeenCalledWith('i-1');
    await waitFor(() => expect(counter()).toHaveTextContent('Il vous reste 1 vote sur 2'));
    expect(within(card('Un banc')).getByRole('button', { name: 'Voter pour « Un banc »' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(card('Une fontaine')).getByRole('button', { name: 'Voter pour « Une fontaine »' })).toBeEnabled();
    expect(screen.queryByText('Vous avez utilisé tous vos votes.')).not.toBeInTheDocument();
  });

  it('says why a visitor cannot vote, with the way to log in, and does not ask for their votes', () => {
    sessionStore.clear();
    renderWithApp(
      <VotingView decision={{ action: ParticipationAction.Vote, allowed: false, reason: RefusalReason.NotSignedIn }} />,
      '/projects/p-1',
    );
    const summary = screen.getByRole('region', { name: 'Vos votes' });
    expect(summary).toHaveTextContent('Chaque personne dispose de 2 votes.');
    expect(summary).toHaveTextContent('Connectez-vous pour voter.');
    expect(within(summary).getByRole('link', { name: 'Se connecter pour voter' })).toHaveAttribute('href', '/login');
    const button = within(card('Un banc')).getByRole('button', { name: 'Voter pour « Un banc »' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Connectez-vous pour voter.');
    expect(api.getMyVotes).not.toHaveBeenCalled();
  });

  it('shows the reason of a refused vote, and marks ideas that cannot be voted on', async () => {
    vi.mocked(api.getMyVotes).mockResolvedValue(mine({ used: 0, left: 2, ideaIds: [] }));
    vi.mocked(api.castVote).mockRejectedValue({
      status: 403,
      title: 'Votre participation est suspendue.',
      reason: 'blocked',
      action: 'vote',
    });
    const { user } = renderWithApp(<VotingView decision={allowed} />, '/projects/p-1');
    await waitFor(() => expect(counter()).toHaveTextContent('Il vous reste 2 votes sur 2'));
    expect(within(card('Un kiosque')).getByRole('button', { name: 'Voter pour « Un kiosque »' })).toHaveAccessibleDescription(
      'On ne peut pas voter pour une idée refusée ou déjà réalisée.',
    );
    await user.click(within(card('Un banc')).getByRole('button', { name: 'Voter pour « Un banc »' }));
    expect(await within(card('Un banc')).findByRole('alert')).toHaveTextContent(
      'Votre compte ne peut pas participer pour le moment : un administrateur l’a bloqué.',
    );
    // The votes are read again after a refusal.
    await waitFor(() => expect(api.getMyVotes).toHaveBeenCalledTimes(2));
  });
});

describe('votes helpers', () => {
  it('folds the API’s answer into the cached votes', () => {
    expect(applyVoteState(mine(), state({}))).toEqual(mine({ used: 2, left: 0, ideaIds: ['i-1', 'i-2'] }));
    expect(applyVoteState(mine(), state({ ideaId: 'i-1', voted: false, used: 0, left: 2 }))).toEqual(
      mine({ used: 0, left: 2, ideaIds: [] }),
    );
  });

  it('takes the votes left over a stale « limit reached », but not over other refusals', () => {
    expect(voteRefusal({ action: ParticipationAction.Vote, allowed: false, reason: RefusalReason.LimitReached }, mine())).toBeNull();
    expect(voteRefusal(allowed, mine({ left: 0 }))).toBe('limit_reached');
    expect(voteRefusal({ action: ParticipationAction.Vote, allowed: false, reason: RefusalReason.EmailNotConfirmed }, mine())).toBe(
      'email_not_confirmed',
    );
    expect(voteRefusal(allowed, mine({ open: false }))).toBe('phase_not_active');
    expect(voteRefusal(allowed, mine({ votesPerUser: undefined, left: undefined }))).toBeNull();
  });
});

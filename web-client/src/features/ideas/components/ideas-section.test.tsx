import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthorKind, IdeaStatus, ParticipationAction, ReactionKind, RefusalReason } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { aListedIdea, MAP, renderWithApp } from '@/test/idea-fixtures';
import { ideaKeys } from '../api/ideas';
import { IdeasSection } from './ideas-section';

vi.mock('@/api/client', () => ({ api: { listIdeas: vi.fn() } }));

const listIdeas = vi.mocked(api.listIdeas);
/** The arguments of a listIdeas call by name (the generated client takes them in order). */
const call = (n: number) => {
  const [projectId, sort, topic, status, search, south, west, north, east, seed, cursor, limit] = listIdeas.mock.calls[n];
  return { projectId, sort, topic, status, search, south, west, north, east, seed, cursor, limit };
};

const section = () => screen.getByRole('region', { name: 'Idées' });

// The map view loads Leaflet: give a busy machine time.
describe('IdeasSection', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    listIdeas.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('shows each idea as a card with its status, author, counters and your reaction', async () => {
    listIdeas.mockResolvedValue({
      items: [
        aListedIdea({
          id: 'i-1',
          title: 'Un banc',
          status: IdeaStatus.Accepted,
          likes: 4,
          dislikes: 1,
          comments: 2,
          myReaction: ReactionKind.Like,
        }),
        aListedIdea({ id: 'i-2', title: 'Un potager', author: { kind: AuthorKind.Organisation, name: 'Comité des Marolles' } }),
      ],
      seed: 1,
    });
    renderWithApp(
      <IdeasSection projectId="p-1" postIdea={{ action: ParticipationAction.PostIdea, allowed: true }} map={MAP} />,
      '/projects/p-1',
    );
    const card = await within(section()).findByRole('article', { name: 'Un banc' });
    expect(within(card).getByRole('link', { name: 'Un banc' })).toHaveAttribute('href', '/projects/p-1/ideas/i-1');
    expect(card).toHaveTextContent('Acceptée');
    expect(card).toHaveTextContent('Par Jeanne Dupont');
    expect(within(card).getByRole('list', { name: 'Réactions et commentaires' })).toHaveTextContent(
      '4 j’aime1 je n’aime pas2 commentairesVous aimez',
    );
    expect(within(section()).getByRole('article', { name: 'Un potager' })).toHaveTextContent('Par Comité des Marolles (organisation)');
    expect(within(section()).getByRole('status')).toHaveTextContent('2 idées affichées.');
    expect(within(section()).getByRole('link', { name: 'Proposer une idée' })).toHaveAttribute('href', '/projects/p-1/ideas/new');
    expect(call(0)).toMatchObject({
      projectId: 'p-1',
      sort: 'trending',
      topic: undefined,
      south: undefined,
      seed: undefined,
      cursor: undefined,
      limit: 12,
    });
  });

  it('shows what the page puts above the list and in each card (a phase’s own actions)', async () => {
    listIdeas.mockResolvedValue({
      items: [aListedIdea({ id: 'i-1', title: 'Un banc' }), aListedIdea({ id: 'i-2', title: 'Un potager' })],
      seed: 1,
    });
    renderWithApp(
      <IdeasSection
        projectId="p-1"
        postIdea={undefined}
        map={MAP}
        beforeList={<p>Il vous reste 2 votes sur 3</p>}
        renderCardActions={(idea) => <button type="button">{`Voter pour ${idea.title}`}</button>}
      />,
      '/projects/p-1',
    );
    const card = await within(section()).findByRole('article', { name: 'Un potager' });
    expect(within(card).getByRole('button', { name: 'Voter pour Un potager' })).toBeInTheDocument();
    expect(within(section()).getByRole('article', { name: 'Un banc' })).toContainElement(
      screen.getByRole('button', { name: 'Voter pour Un banc' }),
    );
    expect(within(section()).getByText('Il vous reste 2 votes sur 3')).toBeInTheDocument();
  });

  it('says why an idea cannot be posted', async () => {
    listIdeas.mockResolvedValue({ items: [], seed: 1 });
    renderWithApp(
      <IdeasSection
        projectId="p-1"
        postIdea={{ action: ParticipationAction.PostIdea, allowed: false, reason: RefusalReason.EmailNotConfirmed }}
        map={MAP}
      />,
      '/projects/p-1',
    );
    expect(await within(section()).findByText('Aucune idée pour le moment.')).toBeInTheDocument();
    expect(within(section()).queryByRole('link', { name: 'Proposer une idée' })).not.toBeInTheDocument();
    expect(within(section()).getByText('Proposer une idée :').parentElement).toHaveTextContent(
      'Proposer une idée : Confirmez d’abord votre adresse e-mail avec le lien que nous vous avons envoyé.',
    );
  });

  it('loads the next page with the cursor on « Charger plus »', async () => {
    listIdeas
      .mockResolvedValueOnce({ items: [aListedIdea({ id: 'i-1', title: 'Un banc' })], nextCursor: 'page-2', seed: 1 })
      .mockResolvedValueOnce({ items: [aListedIdea({ id: 'i-2', title: 'Un potager' })], seed: 1 });
    const { user } = renderWithApp(<IdeasSection projectId="p-1" postIdea={undefined} map={MAP} />, '/projects/p-1');
    await within(section()).findByRole('article', { name: 'Un banc' });
    await user.click(within(section()).getByRole('button', { name: 'Charger plus' }));
    expect(await within(section()).findByRole('article', { name: 'Un potager' })).toBeInTheDocument();
    expect(call(1).cursor).toBe('page-2');
    expect(within(section()).queryByRole('button', { name: 'Charger plus' })).not.toBeInTheDocument();
  });

  it('keeps a random order stable: the seed the API chose goes back with the next requests', async () => {
    // Page 2 holds another idea than page 1.
    listIdeas.mockImplementation((...args) =>
      Promise.resolve(
        args[10]
          ? { items: [aListedIdea({ id: 'i-2', title: 'Un potager' })], seed: 4242 }
          : { items: [aListedIdea()], nextCursor: 'next', seed: 4242 },
      ),
    );
    const { user, queryClient } = renderWithApp(<IdeasSection projectId="p-1" postIdea={undefined} map={MAP} />, '/projects/p-1');
    await within(section()).findByRole('article', { name: 'Un banc place du Jeu de Balle' });
    await user.selectOptions(within(section()).getByLabelText('Trier par'), 'Ordre aléatoire');
    await waitFor(() => expect(listIdeas).toHaveBeenCalledTimes(2));
    expect(call(1)).toMatchObject({ sort: 'random', seed: undefined });
    // A refresh (e.g. after a reaction) asks for the same order again.
    await queryClient.invalidateQueries({ queryKey: ideaKeys.all });
    await waitFor(() => expect(listIdeas).toHaveBeenCalledTimes(3));
    expect(call(2)).toMatchObject({ sort: 'random', seed: 4242, cursor: undefined });
    await user.click(within(section()).getByRole('button', { name: 'Charger plus' }));
    await waitFor(() => expect(listIdeas).toHaveBeenCalledTimes(4));
    expect(call(3)).toMatchObject({ sort: 'random', seed: 4242, cursor: 'next' });
  });

  it('filters by text, topic, area and status', async () => {
    listIdeas.mockResolvedValue({ items: [], seed: 1 });
    const { user } = renderWithApp(
      <IdeasSection
        projectId="p-1"
        postIdea={undefined}
        map={MAP}
        topicOptions={[{ value: 't-1', label: 'Mobilité' }]}
        areaOptions={[{ value: 'a-1', label: 'Gare' }]}
      />,
      '/projects/p-1',
    );
    await within(section()).findByText('Aucune idée pour le moment.');
    await user.selectOptions(within(section()).getByLabelText('Statut'), 'À l’étude');
    await user.type(within(section()).getByLabelText('Rechercher une idée'), 'banc');
    await user.selectOptions(within(section()).getByLabelText('Thème'), 'Mobilité');
    await user.selectOptions(within(section()).getByLabelText('Quartier'), 'Gare');
    await waitFor(() =>
      expect(listIdeas).toHaveBeenLastCalledWith(
        'p-1',
        'trending',
        undefined,
        'under_consideration',
        'banc',
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        12,
        't-1',
        'a-1',
        expect.anything(),
      ),
    );
    expect(await within(section()).findByText('Aucune idée ne correspond à ces critères.')).toBeInTheDocument();
  });

  it('offers a map view whose pins are the ideas with a location, with the list below it', async () => {
    listIdeas.mockResolvedValue({
      items: [
        aListedIdea({ id: 'i-1', title: 'Un banc', location: { latitude: 50.84, longitude: 4.34 } }),
        aListedIdea({ id: 'i-2', title: 'Sans lieu' }),
      ],
      seed: 1,
    });
    const { user } = renderWithApp(<IdeasSection projectId="p-1" postIdea={undefined} map={MAP} />, '/projects/p-1');
    await within(section()).findByRole('article', { name: 'Un banc' });
    const mapButton = within(section()).getByRole('button', { name: 'Carte' });
    expect(mapButton).toHaveAttribute('aria-pressed', 'false');
    await user.click(mapButton);
    expect(mapButton).toHaveAttribute('aria-pressed', 'true');
    const map = await within(section()).findByRole('region', { name: 'Carte des idées' });
    expect(await within(map).findByRole('button', { name: 'Un banc' })).toBeInTheDocument();
    expect(within(map).queryByRole('button', { name: 'Sans lieu' })).not.toBeInTheDocument();
    expect(within(section()).getByRole('list', { name: 'Idées dans la zone de la carte' })).toBeInTheDocument();
    expect(call(listIdeas.mock.calls.length - 1).limit).toBe(100);
  });
});

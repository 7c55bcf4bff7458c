import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AuthorKind,
  BulkOutcome,
  IdeaStatus,
  IdeaVisibilityState,
  ManagedIdeaSort,
  ProjectStatus,
  StatusChangeRefusal,
  type GetProjectResponse,
  type ListManagedIdeasIdea,
} from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { IdeasManager } from './ideas-manager';

vi.mock('@/api/client', () => ({
  api: {
    listManagedIdeas: vi.fn(),
    listFeedbackTemplates: vi.fn(),
    changeIdeaStatuses: vi.fn(),
    assignIdea: vi.fn(),
    createFeedbackTemplate: vi.fn(),
    updateFeedbackTemplate: vi.fn(),
    deleteFeedbackTemplate: vi.fn(),
  },
}));

const list = vi.mocked(api.listManagedIdeas);
const templates = vi.mocked(api.listFeedbackTemplates);
const bulk = vi.mocked(api.changeIdeaStatuses);
const assign = vi.mocked(api.assignIdea);

const project = {
  id: 'p-1',
  department: { id: 'd-1', name: { fr: 'Espaces verts' } },
  title: { fr: 'Parc du centre' },
  summary: {},
  description: {},
  goals: {},
  targetAudience: {},
  topics: [],
  status: ProjectStatus.Published,
  updatedAt: '2026-03-01T10:00:00Z',
  phases: [],
  staff: { canManageModerators: true, previewLinkActive: false, moderators: [] },
} as unknown as GetProjectResponse;

const idea = (id: string, title: string, extra: Partial<ListManagedIdeasIdea> = {}): ListManagedIdeasIdea => ({
  id,
  title,
  status: IdeaStatus.Proposed,
  state: IdeaVisibilityState.Public,
  author: { kind: AuthorKind.Person, name: 'Alice Martin', userId: 'u-1' },
  topics: ['parc'],
  createdAt: '2026-03-01T10:00:00Z',
  likes: 3,
  dislikes: 0,
  comments: 1,
  openFlags: 0,
  waitingSince: '2026-03-01T10:00:00Z',
  waitingDays: 9,
  ...extra,
});

const staff = [
  { id: 's-1', name: 'Modé Rateur' },
  { id: 's-2', name: 'Cheffe Service' },
];

function renderManager() {
  render(
    <TestProviders>
      <MemoryRouter>
        <IdeasManager project={project} />
      </MemoryRouter>
    </TestProviders>,
  );
}

describe('IdeasManager', () => {
  beforeEach(async () => {
    for (const mock of [list, templates, bulk, assign]) mock.mockReset();
    await i18n.changeLanguage('fr');
    list.mockResolvedValue({
      items: [
        idea('i-1', 'Des bancs'),
        idea('i-2', 'Un kiosque', { state: IdeaVisibilityState.Prescreening, status: IdeaStatus.Prescreening, waitingDays: undefined }),
        idea('i-3', 'Une fontaine', { waitingDays: undefined, waitingSince: undefined, answeredAt: '2026-03-05T10:00:00Z' }),
      ],
      total: 3,
      staff,
    });
    templates.mockResolvedValue({
      items: [
        {
          id: 't-1',
          projectId: 'p-1',
          status: IdeaStatus.UnderConsideration,
          title: 'À l’étude',
          body: 'Le service étudie votre idée.',
          createdAt: '2026-03-01T10:00:00Z',
          updatedAt: '2026-03-01T10:00:00Z',
        },
        {
          id: 't-2',
          projectId: 'p-1',
          status: IdeaStatus.Rejected,
          title: 'Refus',
          body: 'Ce n’est pas possible.',
          createdAt: '2026-03-01T10:00:00Z',
          updatedAt: '2026-03-01T10:00:00Z',
        },
      ],
    });
  });

  it('shows every idea with its state, waiting time or answer, and the total', async () => {
    renderManager();
    const table = await screen.findByRole('table', { name: 'Idées de « Parc du centre »' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('9 jours');
    expect(rows[2]).toHaveTextContent('En pré-modération');
    expect(rows[3]).toHaveTextContent('répondu le 5 mars 2026');
    expect(screen.getByText('3 idées correspondent aux filtres.')).toBeInTheDocument();
    expect(within(rows[1]).getByRole('link', { name: 'Des bancs' })).toHaveAttribute('href', '/projects/p-1/ideas/i-1');
  });

  it('sorts by a column header, which says how the table is sorted', async () => {
    const user = userEvent.setup();
    renderManager();
    await screen.findByRole('table');
    const created = screen.getByRole('columnheader', { name: /Publiée le/ });
    expect(created).toHaveAttribute('aria-sort', 'descending');

    await user.click(within(created).getByRole('button'));
    await waitFor(() => expect(list.mock.lastCall?.[9]).toBe(ManagedIdeaSort.Oldest));
    // No filter: only the sort and the page size.
    expect(list.mock.lastCall?.slice(0, 12)).toEqual(['p-1', ...new Array<undefined>(8), ManagedIdeaSort.Oldest, undefined, 25]);
    expect(screen.getByRole('columnheader', { name: /Publiée le/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(screen.getByRole('columnheader', { name: /Attente d’une réponse/ })).getByRole('button'));
    await waitFor(() => expect(list.mock.lastCall?.[9]).toBe(ManagedIdeaSort.WaitingLongest));
    expect(screen.getByRole('columnheader', { name: /Attente d’une réponse/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: /Publiée le/ })).not.toHaveAttribute('aria-sort');
  });

  it('selects ideas with the keyboard and answers them in bulk from a template, announcing each outcome', async () => {
    const user = userEvent.setup();
    bulk.mockResolvedValue({
      results: [
        { ideaId: 'i-1', outcome: BulkOutcome.Changed },
        { ideaId: 'i-2', outcome: BulkOutcome.Refused, reason: StatusChangeRefusal.AwaitingPrescreening },
      ],
      changed: 1,
      refused: 1,
    });
    renderManager();
    await screen.findByRole('table');

    screen.getByRole('checkbox', { name: 'Sélectionner « Des bancs »' }).focus();
    await user.keyboard(' ');
    await user.tab();
    expect(screen.getByRole('checkbox', { name: 'Sélectionner « Des bancs »' })).toBeChecked();
    screen.getByRole('checkbox', { name: 'Sélectionner « Un kiosque »' }).focus();
    await user.keyboard(' ');
    expect(screen.getByText('2 idées sélectionnées.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Sélectionner toutes les idées de cette page' })).not.toBeChecked();

    await user.selectOptions(screen.getByLabelText('Nouveau statut'), IdeaStatus.UnderConsideration);
    // Only the templates for that status (or any) are offered; choosing one fills the feedback.
    const template = screen.getByLabelText('Modèle de réponse');
    expect(within(template).queryByRole('option', { name: 'Refus' })).not.toBeInTheDocument();
    await user.selectOptions(template, 't-1');
    expect(screen.getByRole('textbox', { name: 'Réponse officielle' })).toHaveTextContent('Le service étudie votre idée.');
    await user.type(screen.getByLabelText('Signé par'), 'Service des parcs{Enter}');

    const dialog = await screen.findByRole('dialog', { name: 'Confirmer la réponse en lot' });
    expect(dialog).toHaveTextContent('Passer 2 idées au statut « À l’étude » ?');
    await user.click(within(dialog).getByRole('button', { name: 'Confirmer pour 2 idées' }));

    await waitFor(() =>
      expect(bulk).toHaveBeenCalledWith(
        'p-1',
        {
          ideaIds: ['i-1', 'i-2'],
          status: IdeaStatus.UnderConsideration,
          feedback: 'Le service étudie votre idée.',
          templateId: undefined,
          signedAs: 'Service des parcs',
        },
        expect.any(String),
      ),
    );
    const outcomes = await screen.findByRole('heading', { name: 'Résultat : 1 modifiée(s), 1 refusée(s).' });
    const region = outcomes.closest('[role="status"]')!;
    expect(region).toHaveTextContent('« Des bancs » : modifiée.');
    expect(region).toHaveTextContent('« Un kiosque » : refusée (elle attend la pré-modération).');
    expect(screen.getByText('0 idée sélectionnée.')).toBeInTheDocument();
  });

  it('asks for a selection and something to apply before confirming', async () => {
    const user = userEvent.setup();
    renderManager();
    await screen.findByRole('table');

    await user.click(screen.getByRole('button', { name: 'Appliquer à 0 idée' }));
    expect(screen.getByText('Sélectionnez d’abord au moins une idée dans le tableau.')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Sélectionner toutes les idées de cette page' }));
    expect(screen.getByText('3 idées sélectionnées.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Appliquer aux 3 idées' }));
    expect(screen.getByText('Choisissez un nouveau statut ou rédigez une réponse officielle.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(bulk).not.toHaveBeenCalled();
  });

  it('assigns an idea to a staff member and says so', async () => {
    const user = userEvent.setup();
    assign.mockResolvedValue({ ideaId: 'i-1', assignee: staff[0] });
    renderManager();
    await screen.findByRole('table');

    await user.selectOptions(screen.getByLabelText('Responsable de « Des bancs »'), 's-1');

    expect(assign).toHaveBeenCalledWith('i-1', { assigneeId: 's-1' });
    expect(await screen.findByText('« Des bancs » est confiée à Modé Rateur.')).toBeInTheDocument();
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ActorType, EventType, SubjectType, type ListAuditLogEntry } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { en } from '@/lib/i18n/locales/en';
import { fr } from '@/lib/i18n/locales/fr';
import { nl } from '@/lib/i18n/locales/nl';
import { TestProviders } from '@/test/providers';
import { AuditLog } from './audit-log';

vi.mock('@/api/client', () => ({
  api: { listAuditLog: vi.fn() },
}));

const listAuditLog = vi.mocked(api.listAuditLog);

const ada = { id: 'a0000000-0000-4000-8000-000000000001', firstName: 'Ada', lastName: 'Admin' };

function entry(overrides: Partial<ListAuditLogEntry>): ListAuditLogEntry {
  return {
    id: 1,
    occurredAt: '2026-03-03T10:00:00Z',
    actorType: ActorType.User,
    actor: ada,
    action: EventType.ProjectEdited,
    targetType: SubjectType.Project,
    targetId: 'p0000000-0000-4000-8000-000000000001',
    data: {},
    viaSupport: false,
    ...overrides,
  };
}

const ENTRIES: ListAuditLogEntry[] = [
  entry({
    id: 5,
    action: EventType.ProjectStatusChanged,
    targetName: 'Parc du centre',
    project: { id: 'p0000000-0000-4000-8000-000000000001', title: 'Parc du centre' },
    department: { id: 'd1', name: 'Espaces verts' },
    before: { status: 'draft' },
    after: { status: 'published' },
    data: { before: 'draft', after: 'published' },
  }),
  entry({
    id: 4,
    action: EventType.PhaseChanged,
    targetName: 'Parc du centre',
    phase: { id: 'ph1', title: 'Idées' },
    before: { title: { fr: 'Idées', nl: 'Ideeën' }, endsAt: '2026-04-01T10:00:00Z', phaseId: 'ph1' },
    after: { title: { fr: 'Vos idées', nl: 'Jullie ideeën' }, endsAt: '2026-04-15T10:00:00Z', phaseId: 'ph1' },
  }),
  entry({
    id: 3,
    action: EventType.IdeaStatusChanged,
    actorType: ActorType.Client,
    actor: undefined,
    client: { id: 'c0000000-0000-4000-8000-000000000001', name: 'Gestion des demandes' },
    targetType: SubjectType.Idea,
    targetName: 'Des bancs',
    data: { from: 'proposed', to: 'accepted' },
  }),
  entry({
    id: 2,
    action: EventType.DepartmentDeleted,
    targetType: SubjectType.Department,
    targetName: 'Sports',
    actorType: ActorType.System,
    actor: undefined,
    before: { name: { fr: 'Sports' } },
  }),
  entry({
    id: 1,
    action: EventType.InvitationRevoked,
    targetType: SubjectType.Invitation,
    targetId: 'abcdef12-0000-4000-8000-000000000000',
  }),
];

function show() {
  render(
    <TestProviders>
      <MemoryRouter>
        <AuditLog />
      </MemoryRouter>
    </TestProviders>,
  );
  return userEvent.setup();
}

/** The filters of the last call: [actor, types, from, to]. */
const lastFilters = () => listAuditLog.mock.lastCall!.slice(3, 7);

describe('AuditLog', () => {
  beforeEach(async () => {
    listAuditLog.mockReset();
    listAuditLog.mockResolvedValue({
      items: ENTRIES,
      nextCursor: undefined,
      types: [EventType.ProjectEdited, EventType.ProjectStatusChanged, EventType.RoleGranted],
    });
    await i18n.changeLanguage('fr');
  });

  it('marks the actions taken by the vendor’s support with a badge', async () => {
    listAuditLog.mockResolvedValue({
      items: [
        entry({ id: 11, action: EventType.DepartmentCreated, targetType: SubjectType.Department, viaSupport: true, supportGrantId: 'g1' }),
        entry({ id: 10, action: EventType.SupportGranted, targetType: SubjectType.SupportGrant }),
      ],
      nextCursor: undefined,
      types: [EventType.DepartmentCreated, EventType.SupportGranted],
    });
    show();
    const table = await screen.findByRole('table', { name: 'Journal d’audit, les plus récentes d’abord' });
    const rows = within(table).getAllByRole('row').slice(1);

    expect(within(rows[0]).getByText('via l’assistance')).toBeInTheDocument();
    expect(within(rows[1]).queryByText('via l’assistance')).not.toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('Accès de l’assistance accordé');
  });

  it('names the API client that acted', async () => {
    listAuditLog.mockResolvedValue({
      items: [
        entry({
          id: 9,
          actorType: ActorType.Client,
          actor: undefined,
          client: { id: 'c0000000-0000-4000-8000-000000000001', name: 'Gestion des demandes' },
          action: EventType.IdeaStatusChanged,
          targetType: SubjectType.Idea,
          targetName: 'Des bancs',
        }),
      ],
      nextCursor: undefined,
      types: [EventType.IdeaStatusChanged],
    });
    show();
    const table = await screen.findByRole('table', { name: 'Journal d’audit, les plus récentes d’abord' });

    expect(within(within(table).getAllByRole('row')[1]).getByText('Client d’API « Gestion des demandes »')).toBeInTheDocument();
  });

  it('names what each entry is about and says what changed, field by field, without raw JSON', async () => {
    show();
    const table = await screen.findByRole('table', { name: 'Journal d’audit, les plus récentes d’abord' });
    const rows = within(table).getAllByRole('row').slice(1);

    expect(within(rows[0]).getByRole('link', { name: 'Parc du centre' })).toHaveAttribute(
      'href',
      '/admin/projects/p0000000-0000-4000-8000-000000000001',
    );
    expect(rows[0]).toHaveTextContent('Service : Espaces verts');
    expect(rows[0]).toHaveTextContent('état : Brouillon → Publié');
    expect(rows[1]).toHaveTextContent('Phase : Idées');
    expect(rows[1]).toHaveTextContent('titre : Idées → Vos idées');
    expect(rows[1]).toHaveTextContent(/fin : 1 avril 2026.* → 15 avril 2026/);
    expect(rows[1]).not.toHaveTextContent('ph1');
    expect(rows[2]).toHaveTextContent('Des bancs');
    expect(rows[2]).toHaveTextContent('Client d’API « Gestion des demandes »'); // an integration's answer, by its name
    expect(rows[2]).toHaveTextContent('état : Proposée → Acceptée'); // an entry from before events: its data
    expect(rows[3]).toHaveTextContent('Système');
    expect(rows[3]).toHaveTextContent('Sports');
    expect(rows[3]).toHaveTextContent('nom : Sports → —');
    expect(rows[4]).toHaveTextContent('Invitation abcdef12'); // no name: its kind and a short id
    expect(table).not.toHaveTextContent('{');
  });

  it('shows the names in the reader’s language', async () => {
    await i18n.changeLanguage('nl');
    show();
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('titel: Ideeën → Jullie ideeën');
  });

  it('filters by action, person and period, the last day included', async () => {
    const user = show();
    await screen.findByRole('table');
    expect(lastFilters()).toEqual([undefined, undefined, undefined, undefined]);

    await user.selectOptions(screen.getByLabelText('Action', { exact: true }), 'Projet modifié');
    expect(lastFilters()).toEqual([undefined, [EventType.ProjectEdited], undefined, undefined]);

    await user.click(screen.getAllByRole('button', { name: 'Voir seulement les actions de Ada Admin' })[0]);
    expect(screen.getByText('Auteur : Ada Admin')).toBeInTheDocument();
    expect(lastFilters()[0]).toBe(ada.id);

    await user.type(screen.getByLabelText('Du'), '2026-03-01');
    await user.type(screen.getByLabelText('Au (inclus)'), '2026-03-31');
    const [, , from, to] = lastFilters();
    expect(from).toBe(new Date(2026, 2, 1).toISOString());
    expect(to).toBe(new Date(2026, 3, 1).toISOString()); // the API's end is excluded: the next midnight

    await user.click(screen.getByRole('button', { name: 'Toutes les personnes' }));
    expect(lastFilters()[0]).toBeUndefined();
  });

  it('says when the period ends before it starts, and does not ask the API', async () => {
    const user = show();
    await screen.findByRole('table');
    const calls = listAuditLog.mock.calls.length;

    await user.type(screen.getByLabelText('Du'), '2026-03-10');
    await user.type(screen.getByLabelText('Au (inclus)'), '2026-03-01');

    expect(screen.getByText('La date de fin doit suivre la date de début.')).toBeInTheDocument();
    expect(screen.getByLabelText('Au (inclus)')).toHaveAttribute('aria-invalid', 'true');
    expect(listAuditLog.mock.calls.slice(calls).every((call) => call[5] === undefined || call[6] === undefined)).toBe(true);
  });
});

describe('the audit log’s words', () => {
  const labels = (locale: typeof fr) => locale.audit.actions as Record<string, string>;
  it.each([
    ['fr', fr],
    ['nl', nl],
    ['en', en],
  ] as const)('%s has a label for every event type of the catalogue', (_, locale) => {
    const missing = Object.values(EventType).filter((type) => !labels(locale)[type.replace('.', '_')]);
    expect(missing).toEqual([]);
  });
});

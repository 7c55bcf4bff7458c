import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FigureKey,
  HomePageLanguage,
  HomePageSource,
  HomeResultKind,
  HomeSectionKind,
  type HomePageDraft,
  type HomePageView,
} from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { HomeEditor, move } from './home-editor';
import { HomeView } from './home-view';

vi.mock('@/api/client', () => ({
  api: { listProjects: vi.fn(), updateHomePage: vi.fn(), publishHomePage: vi.fn(), previewHomePage: vi.fn(), uploadImage: vi.fn() },
}));
const listProjects = vi.mocked(api.listProjects);
const updateHomePage = vi.mocked(api.updateHomePage);
const publishHomePage = vi.mocked(api.publishHomePage);

const layout = {
  banner: { title: 'Bienvenue à Lumière', text: '<p>Participez !</p>', ctaLabel: 'Voir les projets', ctaLink: '/projects' },
  pinnedProjectIds: ['p1'],
  sections: [
    { kind: HomeSectionKind.OpenProjects, visible: true },
    { kind: HomeSectionKind.Figures, visible: true, heading: 'En chiffres' },
    { kind: HomeSectionKind.ResultsAndDecisions, visible: false },
  ],
};

const view: HomePageView = {
  language: HomePageLanguage.Fr,
  source: HomePageSource.Published,
  banner: { ...layout.banner, imageKey: 'k.png', imageAlt: 'Le parc au printemps' },
  imageUrl: '/api/v1/media/k.png',
  sections: layout.sections.filter((s) => s.visible),
  pinnedProjects: [{ id: 'p1', title: 'Parc du centre', summary: 'Un parc pour tous' }],
  openProjects: [{ id: 'p2', title: 'Maison de la culture', summary: '' }],
  closingSoon: [],
  upcomingEvents: [],
  resultsAndDecisions: [
    { kind: HomeResultKind.IdeaAccepted, id: 'i1', projectId: 'p1', title: 'Des bancs', projectTitle: 'Parc', at: '2026-01-02T10:00:00Z' },
  ],
  figures: [{ key: FigureKey.Ideas, label: 'Idées', definition: '…', value: 1234 }],
};

const draft: HomePageDraft = {
  language: HomePageLanguage.Fr,
  version: 3,
  layout,
  isPublished: true,
  hasUnpublishedChanges: false,
};

const renderView = () =>
  render(
    <TestProviders>
      <MemoryRouter>
        <HomeView home={view} />
      </MemoryRouter>
    </TestProviders>,
  );

describe('the home page', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('shows the banner with its image, text and call to action, the pinned projects and the visible sections in order', () => {
    renderView();
    expect(screen.getByRole('img', { name: 'Le parc au printemps' })).toHaveAttribute('src', '/api/v1/media/k.png');
    expect(screen.getByRole('link', { name: 'Voir les projets' })).toHaveAttribute('href', '/projects');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['À la une', 'Projets ouverts à la participation', 'En chiffres']);
    expect(screen.getByRole('link', { name: 'Parc du centre' })).toHaveAttribute('href', '/projects/p1');
    expect(screen.getByText('Idées').closest('div')).toHaveTextContent(/1\s234/);
  });
});

describe('the home page in another language than the page’s', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
  });

  it('marks each of its texts with their language and « niet vertaald », not the page’s own words', () => {
    renderView();
    expect(screen.getByRole('heading', { name: 'En chiffres (niet vertaald)' })).toBeInTheDocument();
    expect(screen.getByText('En chiffres')).toHaveAttribute('lang', 'fr');
    expect(screen.getByRole('link', { name: 'Parc du centre (niet vertaald)' })).toBeInTheDocument();
    expect(screen.getByText('Participez !').closest('[lang]')).toHaveAttribute('lang', 'fr');
    expect(screen.getByRole('link', { name: 'Voir les projets (niet vertaald)' })).toBeInTheDocument();
    // The standard headings are the page's own (Dutch) words: no `lang` of their own.
    const pinned = screen.getByRole('heading', { name: 'In de kijker' });
    expect(pinned.closest('[lang]')).toBe(document.documentElement);
  });
});

describe('the home page editor', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
    listProjects.mockReset().mockResolvedValue({
      items: [
        { id: 'p1', title: { fr: 'Parc du centre' } },
        { id: 'p2', title: { fr: 'Maison de la culture' } },
      ],
    } as never);
    updateHomePage.mockReset();
    publishHomePage.mockReset();
  });

  it('moves items up and down, not past either end', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('reorders a section with the keyboard, saves with the version read, then publishes the saved version', async () => {
    const user = userEvent.setup();
    updateHomePage.mockImplementation((body) =>
      Promise.resolve({ ...draft, version: 4, layout: body.layout!, hasUnpublishedChanges: true }),
    );
    publishHomePage.mockResolvedValue({ ...draft, version: 5 });
    render(
      <TestProviders>
        <MemoryRouter>
          <HomeEditor draft={draft} />
        </MemoryRouter>
      </TestProviders>,
    );

    const down = screen.getByRole('button', { name: 'Descendre « Projets ouverts à la participation »' });
    down.focus();
    await user.keyboard('{Enter}');
    const sections = within(screen.getByRole('group', { name: 'Sections' })).getAllByRole('checkbox');
    expect(sections.map((c) => c.getAttribute('id'))).toEqual([
      'home-section-figures-visible',
      'home-section-open_projects-visible',
      'home-section-results_and_decisions-visible',
    ]);
    await user.click(screen.getByRole('button', { name: 'Publier' }));

    expect(updateHomePage).toHaveBeenCalledWith(expect.objectContaining({ version: 3, language: 'fr' }));
    expect(updateHomePage.mock.calls[0][0].layout!.sections.map((s) => s.kind)).toEqual([
      HomeSectionKind.Figures,
      HomeSectionKind.OpenProjects,
      HomeSectionKind.ResultsAndDecisions,
    ]);
    expect(await screen.findByText('Page d’accueil publiée.')).toBeInTheDocument();
    expect(publishHomePage).toHaveBeenCalledWith({ version: 4, language: 'fr' });
  });

  it('reports a version conflict without losing the edits', async () => {
    const user = userEvent.setup();
    updateHomePage.mockRejectedValue({ status: 409, title: 'Conflict', errors: { version: ['stale'] } });
    render(
      <TestProviders>
        <MemoryRouter>
          <HomeEditor draft={draft} />
        </MemoryRouter>
      </TestProviders>,
    );
    const title = screen.getByLabelText('Titre');
    await user.clear(title);
    await user.type(title, 'Nouveau titre');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    expect(await screen.findByText(/modifiée entre-temps par quelqu’un d’autre/)).toBeInTheDocument();
    expect(title).toHaveValue('Nouveau titre');
  });
});

import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PhaseMethod, QuestionType, type GetSurveyResultsResponse } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { renderWithApp } from '@/test/idea-fixtures';
import { SurveyResults } from './survey-results';

vi.mock('@/api/client', () => ({ api: { getSurveyResults: vi.fn(), listTextAnswers: vi.fn() } }));

const base = { brokenDown: true, options: [], distribution: [], textCount: 0, points: [] };
const results = (over: Partial<GetSurveyResultsResponse> = {}): GetSurveyResultsResponse => ({
  phaseId: 'ph-1',
  method: PhaseMethod.Survey,
  published: true,
  staff: false,
  responses: 12,
  questions: [
    {
      ...base,
      questionId: 'q-1',
      type: QuestionType.SingleChoice,
      title: { fr: 'Comment venez-vous ?' },
      answered: 12,
      options: [
        { optionId: 'o-1', label: { fr: 'À vélo' }, count: 7, percent: 58.3 },
        { optionId: 'o-2', label: { fr: 'À pied' }, count: 5, percent: 41.7 },
        { optionId: 'o-3', label: { fr: 'En voiture' } },
      ],
    },
    { ...base, questionId: 'q-2', type: QuestionType.MultipleChoice, title: { fr: 'Quels jours ?' }, answered: 3, brokenDown: false },
    {
      ...base,
      questionId: 'q-3',
      type: QuestionType.LinearScale,
      title: { fr: 'Satisfait ?' },
      answered: 12,
      summary: { average: 3.5, median: 4, minimum: 1, maximum: 5 },
      distribution: [
        { from: 1, to: 1 },
        { from: 4, to: 4, count: 6 },
        { from: 5, to: 5, count: 5 },
      ],
    },
    {
      ...base,
      questionId: 'q-4',
      type: QuestionType.Ranking,
      title: { fr: 'Priorités' },
      answered: 12,
      options: [
        { optionId: 'r-1', label: { fr: 'Pistes' }, score: 20, averageRank: 2.3 },
        { optionId: 'r-2', label: { fr: 'Arbres' }, score: 30, averageRank: 1.5 },
      ],
    },
    { ...base, questionId: 'q-5', type: QuestionType.LongText, title: { fr: 'Remarques' }, answered: 8, textCount: 8 },
  ],
  ...over,
});

describe('SurveyResults', () => {
  beforeEach(async () => {
    vi.mocked(api.getSurveyResults).mockReset();
    vi.mocked(api.listTextAnswers).mockReset();
    await i18n.changeLanguage('fr');
  });

  it('gives each question a table and a chart named by its figures; small groups are withheld and explained', async () => {
    vi.mocked(api.getSurveyResults).mockResolvedValue(results());
    renderWithApp(<SurveyResults phaseId="ph-1" />, '/projects/p-1/phases/ph-1/results');
    expect(await screen.findByText('12 réponses envoyées')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Question 1 : réponses par choix' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent?.replace(/[\s\u202f\u00a0]+/g, ' '));
    expect(rows).toEqual(['À vélo758,3 %', 'À pied541,7 %', 'En voituremoins de 5—']);
    expect(
      screen.getByRole('img', {
        name: 'Graphique de la question « Comment venez-vous ? » : À vélo, 7 ; À pied, 5 ; En voiture, moins de 5.',
      }),
    ).toBeInTheDocument();
    // The table comes first: the chart summarises it.
    expect(table.compareDocumentPosition(screen.getAllByRole('img')[0]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const few = screen.getByRole('region', { name: '2. Quels jours ?' });
    expect(
      within(few).getByText('Moins de 5 réponses à cette question : le détail n’est pas publié, pour que personne ne puisse être reconnu.'),
    ).toBeInTheDocument();
    expect(within(few).queryByRole('table')).not.toBeInTheDocument();

    const scale = screen.getByRole('region', { name: '3. Satisfait ?' });
    expect(within(scale).getByText('Moyenne').nextSibling).toHaveTextContent('3,5');
    expect(within(scale).getByText('Médiane').nextSibling).toHaveTextContent('4');
    expect(within(within(scale).getByRole('table')).getAllByRole('row')[1]).toHaveTextContent('1moins de 5');
    expect(within(scale).getByText(/« moins de 5 » : un nombre inférieur à 5/)).toBeInTheDocument();

    const ranking = within(screen.getByRole('region', { name: '4. Priorités' })).getByRole('table');
    expect(
      within(ranking)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['Arbres', 'Pistes']);

    // Residents see how many wrote, never the texts; nothing to download.
    expect(screen.getByText('8 réponses écrites')).toBeInTheDocument();
    expect(screen.getByText('Les réponses écrites ne sont lues que par l’équipe du projet.')).toBeInTheDocument();
    expect(api.listTextAnswers).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Télécharger le CSV' })).not.toBeInTheDocument();
  });

  it('lists the written answers to the staff, twenty at a time, and offers the CSV in a chosen language', async () => {
    vi.mocked(api.getSurveyResults).mockResolvedValue(results({ staff: true, published: false }));
    vi.mocked(api.listTextAnswers)
      .mockResolvedValueOnce({
        items: [{ responseId: 'r-1', text: 'Plus de bancs', other: false, submittedAt: '2026-03-03T10:00:00Z' }],
        nextCursor: 'c-2',
      })
      .mockResolvedValueOnce({
        items: [{ responseId: 'r-2', text: 'Moins de voitures', other: false, submittedAt: '2026-03-02T10:00:00Z' }],
      });
    const { user } = renderWithApp(<SurveyResults phaseId="ph-1" />, '/projects/p-1/phases/ph-1/results');
    expect(await screen.findByText('Ces résultats ne sont pas publics : seule l’équipe du projet les voit.')).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Réponses écrites à la question 5, les plus récentes d’abord' });
    expect(list).toHaveTextContent('Plus de bancs');
    await user.click(screen.getByRole('button', { name: 'Charger plus' }));
    expect(await within(list).findByText('Moins de voitures')).toBeInTheDocument();
    expect(api.listTextAnswers).toHaveBeenLastCalledWith('q-5', 'c-2', 20, expect.anything());
    expect(screen.queryByRole('button', { name: 'Charger plus' })).not.toBeInTheDocument();
    const language = screen.getByRole('combobox', { name: 'Langue des en-têtes et des choix' });
    expect(language).toHaveValue('fr');
    expect(
      within(language)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Français', 'Nederlands', 'English']);
    expect(screen.getByRole('button', { name: 'Télécharger le CSV' })).toBeInTheDocument();
  });

  it('tells residents the results are not published (403)', async () => {
    vi.mocked(api.getSurveyResults).mockRejectedValue({ status: 403, title: 'Forbidden' });
    renderWithApp(<SurveyResults phaseId="ph-1" />, '/projects/p-1/phases/ph-1/results');
    expect(await screen.findByText('Les résultats de ce questionnaire ne sont pas publiés.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

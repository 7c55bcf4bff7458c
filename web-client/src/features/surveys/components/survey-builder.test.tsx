import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PhaseMethod, QuestionType, type SurveyView } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { renderWithApp } from '@/test/idea-fixtures';
import { SurveyBuilder } from './survey-builder';

vi.mock('@/api/client', () => ({ api: { saveSurvey: vi.fn() } }));

const view = (over: Partial<SurveyView> = {}): SurveyView => ({
  phaseId: 'ph-1',
  projectId: 'p-1',
  method: PhaseMethod.Survey,
  version: 2,
  responses: 0,
  locked: false,
  resultsPublic: false,
  sections: [
    {
      id: 's-1',
      title: {},
      description: {},
      questions: [
        {
          id: 'q-1',
          type: QuestionType.SingleChoice,
          title: { fr: 'Quartier ?' },
          help: {},
          required: true,
          settings: {},
          options: [
            { id: 'o-1', label: { fr: 'Centre' } },
            { id: 'o-2', label: { fr: 'Nord' } },
          ],
        },
        { id: 'q-2', type: QuestionType.ShortText, title: { fr: 'Pourquoi ?' }, help: {}, required: false, settings: {}, options: [] },
      ],
    },
  ],
  ...over,
});

describe('SurveyBuilder', () => {
  beforeEach(async () => {
    vi.mocked(api.saveSurvey).mockReset();
    await i18n.changeLanguage('fr');
  });

  it('moves questions and choices with buttons: focus follows the item, the move is announced', async () => {
    const { user } = renderWithApp(<SurveyBuilder view={view()} onReload={vi.fn()} />, '/admin/projects/p-1/phases/ph-1/survey');
    expect(screen.getByRole('button', { name: 'Monter la question 1' })).toBeDisabled();
    screen.getByRole('button', { name: 'Monter la question 2' }).focus();
    await user.keyboard('{Enter}');
    const articles = screen.getAllByRole('article');
    expect(articles.map((a) => within(a).getByRole('heading').textContent)).toEqual([
      'Question 1 · Texte court — Pourquoi ?',
      'Question 2 · Choix unique — Quartier ?',
    ]);
    expect(screen.getByText('« Pourquoi ? » est maintenant la question 1 sur 2.')).toHaveAttribute('role', 'status');
    // Now first: "Monter" is off, focus went to its "Descendre".
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Descendre la question 1' })).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Descendre le choix 1 de la question 2' }));
    expect(screen.getByLabelText('Choix 1 en français')).toHaveValue('Nord');
    expect(screen.getByText('Le choix « Centre » est maintenant en position 2 sur 2.')).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Monter le choix 2 de la question 2' })).toHaveFocus());
  });

  it('adds a question of the chosen type and saves the whole document with its version', async () => {
    vi.mocked(api.saveSurvey).mockResolvedValue(view({ version: 3 }));
    const { user } = renderWithApp(<SurveyBuilder view={view()} onReload={vi.fn()} />, '/admin/projects/p-1/phases/ph-1/survey');
    await user.selectOptions(screen.getByLabelText('Type de la nouvelle question'), 'linear_scale');
    await user.click(screen.getByRole('button', { name: 'Ajouter une question' }));
    const title = screen.getByLabelText('Question 3 : intitulé en français');
    await vi.waitFor(() => expect(title).toHaveFocus());
    expect(screen.getByLabelText('Nombre de points de l’échelle')).toHaveValue(5);

    // The French wording is required: said beside the field and in the summary.
    await user.click(screen.getByRole('button', { name: 'Enregistrer le questionnaire' }));
    expect(api.saveSurvey).not.toHaveBeenCalled();
    expect(title).toHaveAccessibleDescription('L’intitulé en français est obligatoire.');
    expect(screen.getByRole('link', { name: 'Question 3 : L’intitulé en français est obligatoire.' })).toBeInTheDocument();

    await user.type(title, 'Satisfait ?');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le questionnaire' }));
    expect(api.saveSurvey).toHaveBeenCalledTimes(1);
    const [phaseId, body] = vi.mocked(api.saveSurvey).mock.calls[0];
    expect(phaseId).toBe('ph-1');
    expect(body.version).toBe(2);
    expect(body.sections?.[0].questions?.map((q) => [q.id, q.type, q.title?.fr])).toEqual([
      ['q-1', 'single_choice', 'Quartier ?'],
      ['q-2', 'short_text', 'Pourquoi ?'],
      [undefined, 'linear_scale', 'Satisfait ?'],
    ]);
    expect(await screen.findByText('Questionnaire enregistré : 2 questions.')).toBeInTheDocument();
  });

  it('shows the API’s messages beside their fields, and offers to reload after a conflict', async () => {
    vi.mocked(api.saveSurvey).mockRejectedValueOnce({
      status: 400,
      errors: { 'sections[0].questions[0].options[1].label.fr': ['Ce choix existe déjà.'] },
    });
    const reload = vi.fn().mockResolvedValue(view({ version: 5 }));
    const { user } = renderWithApp(<SurveyBuilder view={view()} onReload={reload} />, '/admin/projects/p-1/phases/ph-1/survey');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le questionnaire' }));
    expect(await screen.findByLabelText('Choix 2 en français')).toHaveAccessibleDescription('Ce choix existe déjà.');
    expect(screen.getByRole('link', { name: 'Question 1, choix 2 : Ce choix existe déjà.' })).toBeInTheDocument();

    vi.mocked(api.saveSurvey).mockRejectedValueOnce({ status: 409, detail: 'Someone saved it meanwhile.' });
    await user.click(screen.getByRole('button', { name: 'Enregistrer le questionnaire' }));
    expect(await screen.findByText('Le questionnaire n’a pas été enregistré.')).toBeInTheDocument();
    expect(screen.getByText('Someone saved it meanwhile.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Recharger le questionnaire' }));
    expect(reload).toHaveBeenCalled();
    expect(await screen.findByText('Le questionnaire enregistré a été rechargé.')).toBeInTheDocument();
    vi.mocked(api.saveSurvey).mockResolvedValueOnce(view({ version: 6 }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le questionnaire' }));
    expect(vi.mocked(api.saveSurvey).mock.calls.at(-1)?.[1].version).toBe(5);
  });

  it('once responses exist, only the wording can change', () => {
    renderWithApp(
      <SurveyBuilder view={view({ locked: true, responses: 7 })} onReload={vi.fn()} />,
      '/admin/projects/p-1/phases/ph-1/survey',
    );
    expect(screen.getByText('7 réponses sont arrivées : seule la formulation peut changer.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Monter/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ajouter une question' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Type de la question 1')).toBeDisabled();
    expect(screen.getByLabelText('Question 1 : intitulé en français')).toBeEnabled();
    expect(screen.getByLabelText('Choix 1 en français')).toBeEnabled();
  });

  it('offers only choice questions, five at most, for a poll; the preview sends nothing', async () => {
    const { user } = renderWithApp(
      <SurveyBuilder
        view={view({ method: PhaseMethod.Poll, sections: [{ ...view().sections[0], questions: [view().sections[0].questions[0]] }] })}
        onReload={vi.fn()}
      />,
      '/a',
    );
    expect(
      within(screen.getByLabelText('Type de la nouvelle question'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choix unique', 'Choix multiple']);
    expect(screen.queryByRole('button', { name: 'Ajouter une page' })).not.toBeInTheDocument();
    for (let i = 0; i < 4; i++) await user.click(screen.getByRole('button', { name: 'Ajouter une question' }));
    expect(screen.queryByRole('button', { name: 'Ajouter une question' })).not.toBeInTheDocument();
    expect(screen.getByText('Un sondage compte au plus 5 questions.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Aperçu comme un habitant' }));
    const preview = screen.getByRole('region', { name: 'Aperçu comme un habitant' });
    await user.click(within(preview).getByRole('radio', { name: 'Nord' }));
    expect(within(preview).getByRole('group', { name: '1. Quartier ? (obligatoire)' })).toBeInTheDocument();
    expect(api.saveSurvey).not.toHaveBeenCalled();
  });
});

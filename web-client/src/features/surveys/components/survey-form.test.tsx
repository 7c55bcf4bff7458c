import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { QuestionType, type SurveySection } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { renderWithApp } from '@/test/idea-fixtures';
import { SurveyForm } from './survey-form';

const Q1 = '11111111-1111-4111-8111-111111111111';
const Q2 = '22222222-2222-4222-8222-222222222222';
const Q3 = '33333333-3333-4333-8333-333333333333';
const Q4 = '44444444-4444-4444-8444-444444444444';

const sections: SurveySection[] = [
  {
    id: 's-1',
    title: { fr: 'Vos habitudes' },
    description: {},
    questions: [
      {
        id: Q1,
        type: QuestionType.SingleChoice,
        title: { fr: 'Comment venez-vous ?' },
        help: { fr: 'Le plus souvent.' },
        required: true,
        settings: { allowOther: true },
        options: [
          { id: 'o-1', label: { fr: 'À vélo' } },
          { id: 'o-2', label: { fr: 'À pied' } },
        ],
      },
      {
        id: Q2,
        type: QuestionType.ShortText,
        title: { fr: 'Un mot ?' },
        help: {},
        required: false,
        settings: { maxLength: 20 },
        options: [],
      },
    ],
  },
  {
    id: 's-2',
    title: { fr: 'Votre avis' },
    description: {},
    questions: [
      {
        id: Q3,
        type: QuestionType.LinearScale,
        title: { fr: 'Satisfait ?' },
        help: {},
        required: true,
        settings: { scalePoints: 5, minLabel: { fr: 'Pas du tout' }, maxLabel: { fr: 'Tout à fait' } },
        options: [],
      },
      {
        id: Q4,
        type: QuestionType.Ranking,
        title: { fr: 'Vos priorités' },
        help: {},
        required: false,
        settings: {},
        options: [
          { id: 'r-1', label: { fr: 'Pistes' } },
          { id: 'r-2', label: { fr: 'Parkings' } },
          { id: 'r-3', label: { fr: 'Arbres' } },
        ],
      },
    ],
  },
];

describe('SurveyForm', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('shows one page at a time with its progress, and stops on a required question left empty', async () => {
    const onSubmit = vi.fn();
    const { user } = renderWithApp(<SurveyForm sections={sections} onSubmit={onSubmit} />, '/projects/p-1/phases/ph-1/survey');
    expect(screen.getByText('Page 1 sur 2')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Page 1 sur 2' })).toHaveAttribute('value', '1');
    expect(screen.getByRole('heading', { level: 2, name: 'Vos habitudes' })).toBeInTheDocument();
    const group = screen.getByRole('group', { name: '1. Comment venez-vous ? (obligatoire)' });
    expect(group).toHaveAccessibleDescription('Le plus souvent.');
    expect(screen.getByRole('textbox', { name: '2. Un mot ?' })).toHaveAccessibleDescription('0 caractère sur 20');

    await user.click(screen.getByRole('button', { name: 'Page suivante' }));
    const summary = screen.getByText('Une question demande votre attention :').parentElement!;
    expect(summary).toHaveFocus();
    expect(
      within(summary).getByRole('link', { name: 'Question 1 (Comment venez-vous ?) : Répondez à cette question : elle est obligatoire.' }),
    ).toBeInTheDocument();
    expect(group).toHaveAccessibleDescription('Le plus souvent. Répondez à cette question : elle est obligatoire.');
    expect(screen.getByText('Page 1 sur 2')).toBeInTheDocument();

    // "Autre" asks for its text.
    await user.click(within(group).getByRole('radio', { name: 'Autre' }));
    await user.type(screen.getByRole('textbox', { name: 'Précisez votre réponse « Autre »' }), 'En tram');
    await user.type(screen.getByRole('textbox', { name: '2. Un mot ?' }), 'Bien');
    await user.click(screen.getByRole('button', { name: 'Page suivante' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Votre avis' })).toHaveFocus();
    expect(screen.getByRole('progressbar', { name: 'Page 2 sur 2' })).toHaveAttribute('value', '2');

    const scale = screen.getByRole('group', { name: '3. Satisfait ? (obligatoire)' });
    expect(scale).toHaveAccessibleDescription('Choisissez une valeur de 1 (Pas du tout) à 5 (Tout à fait).');
    await user.click(within(scale).getByRole('radio', { name: '4' }));

    // Ranking with buttons: focus follows the moved choice, a live region says where it went.
    const ranking = screen.getByRole('group', { name: '4. Vos priorités' });
    await user.click(within(ranking).getByRole('button', { name: 'Monter « Arbres »' }));
    expect(
      within(ranking)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.ranking__label')?.textContent),
    ).toEqual(['Pistes', 'Arbres', 'Parkings']);
    expect(await within(ranking).findByRole('status')).toHaveTextContent('« Arbres » est maintenant en position 2 sur 3.');
    await vi.waitFor(() => expect(within(ranking).getByRole('button', { name: 'Monter « Arbres »' })).toHaveFocus());
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(within(ranking).getByRole('button', { name: 'Descendre « Arbres »' })).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Envoyer' }));
    expect(onSubmit).toHaveBeenCalledWith([
      { questionId: Q1, optionIds: [], otherText: 'En tram' },
      { questionId: Q2, text: 'Bien' },
      { questionId: Q3, number: 4 },
      { questionId: Q4, optionIds: ['r-3', 'r-1', 'r-2'] },
    ]);
  });

  it('shows the API’s messages beside their question, on the page where it is, with a focused summary', async () => {
    const answers = fromPage1();
    const { user } = renderWithApp(
      <SurveyForm
        sections={sections}
        initial={answers}
        onSubmit={vi.fn()}
        submitError={{ status: 400, title: 'Validation', errors: { [`answers.${Q2}`]: ['Ce mot est refusé.'] } }}
      />,
      '/projects/p-1/phases/ph-1/survey',
    );
    const input = await screen.findByRole('textbox', { name: '2. Un mot ?' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('1 caractère sur 20 Ce mot est refusé.');
    const summary = screen.getByText('Une question demande votre attention :').parentElement!;
    await vi.waitFor(() => expect(summary).toHaveFocus());
    await user.click(within(summary).getByRole('link'));
    expect(input).toHaveFocus();
  });

  it('keeps a draft without requiring the required questions', async () => {
    const onSaveDraft = vi.fn();
    const { user } = renderWithApp(
      <SurveyForm sections={sections} onSubmit={vi.fn()} onSaveDraft={onSaveDraft} draftNotice={null} />,
      '/s',
    );
    await user.type(screen.getByRole('textbox', { name: '2. Un mot ?' }), 'Plus tard');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    expect(onSaveDraft).toHaveBeenCalledWith([{ questionId: Q2, text: 'Plus tard' }]);
  });

  it('sends nothing in the preview', async () => {
    const onSubmit = vi.fn();
    const { user } = renderWithApp(<SurveyForm sections={[sections[0]]} onSubmit={onSubmit} preview onSaveDraft={vi.fn()} />, '/s');
    expect(screen.queryByRole('button', { name: 'Enregistrer le brouillon' })).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'À pied' }));
    await user.click(screen.getByRole('button', { name: 'Envoyer' }));
    expect(screen.getByRole('status')).toHaveTextContent('Aperçu : une réponse aurait été envoyée. Rien n’a été envoyé.');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

function fromPage1() {
  return { [Q1]: { optionIds: ['o-1'] }, [Q2]: { text: 'x' }, [Q3]: { number: '3' } };
}

import { describe, expect, it } from 'vitest';
import { PhaseMethod, QuestionType, type SurveyView } from '@contracts/participation-client';
import {
  allQuestions,
  builderProblems,
  builderReducer,
  canMoveQuestion,
  docFromView,
  fieldKey,
  mapBuilderErrors,
  move,
  newQuestion,
  toSaveRequest,
  type BuilderDoc,
} from './builder';

const view = (over: Partial<SurveyView> = {}): SurveyView => ({
  phaseId: 'ph-1',
  projectId: 'p-1',
  method: PhaseMethod.Survey,
  version: 3,
  responses: 0,
  locked: false,
  resultsPublic: false,
  sections: [
    {
      id: 's-1',
      title: { fr: 'Vous' },
      description: {},
      questions: [
        {
          id: 'q-1',
          type: QuestionType.SingleChoice,
          title: { fr: 'Quartier ?' },
          help: {},
          required: true,
          settings: { allowOther: true },
          options: [
            { id: 'o-1', label: { fr: 'Centre' } },
            { id: 'o-2', label: { fr: 'Nord', nl: 'Noord' } },
            { id: 'o-3', label: { fr: 'Sud' } },
          ],
        },
        {
          id: 'q-2',
          type: QuestionType.ShortText,
          title: { fr: 'Pourquoi ?' },
          help: { fr: 'En une phrase' },
          required: false,
          settings: { maxLength: 200 },
          options: [],
        },
      ],
    },
    {
      id: 's-2',
      title: { fr: 'Le vélo' },
      description: {},
      questions: [
        {
          id: 'q-3',
          type: QuestionType.LinearScale,
          title: { fr: 'Satisfait ?' },
          help: {},
          required: false,
          settings: { scalePoints: 5, minLabel: { fr: 'Pas du tout' } },
          options: [],
        },
      ],
    },
  ],
  ...over,
});

const order = (doc: BuilderDoc) => doc.sections.map((s) => s.questions.map((q) => q.key));

describe('move', () => {
  it('swaps with the neighbour, and gives the same array back at an end', () => {
    const items = ['a', 'b', 'c'];
    expect(move(items, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(items, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(items, 0, -1)).toBe(items);
    expect(move(items, 2, 1)).toBe(items);
  });
});

describe('builderReducer', () => {
  it('starts an empty questionnaire with one page without a title', () => {
    const doc = docFromView(view({ version: 0, sections: [] }));
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0].title).toEqual({ fr: '', nl: '', en: '' });
    expect(doc.sections[0].questions).toEqual([]);
  });

  it('moves a question within its page, then across the page boundary, and back', () => {
    let doc = docFromView(view());
    doc = builderReducer(doc, { type: 'moveQuestion', question: 'q-2', direction: -1 });
    expect(order(doc)).toEqual([['q-2', 'q-1'], ['q-3']]);
    // The last question of page 1 goes down: it becomes the first of page 2.
    doc = builderReducer(doc, { type: 'moveQuestion', question: 'q-1', direction: 1 });
    expect(order(doc)).toEqual([['q-2'], ['q-1', 'q-3']]);
    // The first of page 2 goes up: the last of page 1.
    doc = builderReducer(doc, { type: 'moveQuestion', question: 'q-1', direction: -1 });
    expect(order(doc)).toEqual([['q-2', 'q-1'], ['q-3']]);
    expect(allQuestions(doc).map((q) => [q.question.key, q.number, q.section])).toEqual([
      ['q-2', 1, 0],
      ['q-1', 2, 0],
      ['q-3', 3, 1],
    ]);
  });

  it('knows when a question cannot move further', () => {
    const doc = docFromView(view());
    expect(canMoveQuestion(doc, 'q-1', -1)).toBe(false);
    expect(canMoveQuestion(doc, 'q-1', 1)).toBe(true);
    expect(canMoveQuestion(doc, 'q-3', 1)).toBe(false);
    expect(builderReducer(doc, { type: 'moveQuestion', question: 'q-3', direction: 1 })).toBe(doc);
  });

  it('moves, adds, relabels and removes options', () => {
    let doc = docFromView(view());
    doc = builderReducer(doc, { type: 'moveOption', question: 'q-1', option: 'o-3', direction: -1 });
    expect(doc.sections[0].questions[0].options.map((o) => o.key)).toEqual(['o-1', 'o-3', 'o-2']);
    doc = builderReducer(doc, { type: 'addOption', question: 'q-1', key: 'o-new' });
    doc = builderReducer(doc, { type: 'optionLabel', question: 'q-1', option: 'o-new', language: 'fr', value: 'Ouest' });
    doc = builderReducer(doc, { type: 'removeOption', question: 'q-1', option: 'o-1' });
    expect(doc.sections[0].questions[0].options.map((o) => [o.key, o.label.fr])).toEqual([
      ['o-3', 'Sud'],
      ['o-2', 'Nord'],
      ['o-new', 'Ouest'],
    ]);
  });

  it('keeps the questions of a removed page on the page before it', () => {
    let doc = docFromView(view());
    doc = builderReducer(doc, { type: 'removeSection', section: 's-2' });
    expect(order(doc)).toEqual([['q-1', 'q-2', 'q-3']]);
    // The only page cannot go.
    expect(builderReducer(doc, { type: 'removeSection', section: 's-1' })).toBe(doc);
  });

  it('retypes a question: texts kept, settings start again, choices only where they belong', () => {
    let doc = docFromView(view());
    doc = builderReducer(doc, { type: 'questionType', question: 'q-1', questionType: QuestionType.Ranking });
    const ranking = doc.sections[0].questions[0];
    expect(ranking.title.fr).toBe('Quartier ?');
    expect(ranking.options).toHaveLength(3);
    expect(ranking.settings.allowOther).toBe(false);
    doc = builderReducer(doc, { type: 'questionType', question: 'q-1', questionType: QuestionType.Number });
    expect(doc.sections[0].questions[0].options).toEqual([]);
    doc = builderReducer(doc, { type: 'questionType', question: 'q-2', questionType: QuestionType.MultipleChoice });
    expect(doc.sections[0].questions[1].options).toHaveLength(2);
  });
});

describe('toSaveRequest', () => {
  it('sends the whole document with its version, ids for saved items, only the settings of each type and no empty translations', () => {
    let doc = docFromView(view());
    doc = builderReducer(doc, { type: 'addQuestion', section: 's-2', questionType: QuestionType.MultipleChoice, key: 'q-new' });
    doc = builderReducer(doc, { type: 'questionText', question: 'q-new', field: 'title', language: 'fr', value: ' Quels trajets ? ' });
    doc = builderReducer(doc, { type: 'setting', question: 'q-new', name: 'maxSelections', value: '2' });
    doc = builderReducer(doc, { type: 'setting', question: 'q-new', name: 'maxLength', value: '50' });
    const request = toSaveRequest(doc);
    expect(request.version).toBe(3);
    expect(request.sections?.[0]).toMatchObject({ id: 's-1', title: { fr: 'Vous' }, description: {} });
    expect(request.sections?.[0].questions?.[0]).toEqual({
      id: 'q-1',
      type: 'single_choice',
      title: { fr: 'Quartier ?' },
      help: {},
      required: true,
      settings: { allowOther: true },
      options: [
        { id: 'o-1', label: { fr: 'Centre' } },
        { id: 'o-2', label: { fr: 'Nord', nl: 'Noord' } },
        { id: 'o-3', label: { fr: 'Sud' } },
      ],
    });
    expect(request.sections?.[0].questions?.[1]).toMatchObject({ settings: { maxLength: 200 }, options: [] });
    expect(request.sections?.[1].questions?.[0].settings).toEqual({ scalePoints: 5, minLabel: { fr: 'Pas du tout' }, maxLabel: undefined });
    const added = request.sections?.[1].questions?.[1];
    expect(added?.id).toBeUndefined();
    expect(added?.title).toEqual({ fr: 'Quels trajets ?' });
    expect(added?.settings).toEqual({ allowOther: false, minSelections: undefined, maxSelections: 2 });
    expect(added?.options).toEqual([
      { id: undefined, label: {} },
      { id: undefined, label: {} },
    ]);
  });
});

describe('builder errors', () => {
  it('puts each of the API’s messages beside its field', () => {
    const doc = docFromView(view());
    const errors = mapBuilderErrors(doc, {
      'sections[0].questions[0].title.fr': ['Intitulé trop long.'],
      'sections[0].questions[0].options[1].label': ['Libellé en double.'],
      'sections[0].questions[1].settings.maxLength': ['10 000 au plus.'],
      'sections[1].questions[0].type': ['Type inconnu.'],
      'sections[1].title': ['Titre trop long.'],
      'sections[0].questions[0].options': ['Deux choix au moins.'],
      version: ['Version manquante.'],
    });
    expect(errors).toEqual({
      [fieldKey.questionTitle('q-1')]: ['Intitulé trop long.'],
      [fieldKey.option('o-2')]: ['Libellé en double.'],
      [fieldKey.setting('q-2', 'maxLength')]: ['10 000 au plus.'],
      [fieldKey.question('q-3')]: ['Type inconnu.'],
      [fieldKey.sectionTitle('s-2')]: ['Titre trop long.'],
      [fieldKey.questionOptions('q-1')]: ['Deux choix au moins.'],
      [fieldKey.doc]: ['Version manquante.'],
    });
  });

  it('finds missing French texts and impossible scales before sending', () => {
    let doc = docFromView(view());
    const question = newQuestion(QuestionType.LinearScale);
    doc = builderReducer(doc, { type: 'addQuestion', section: 's-1', questionType: QuestionType.LinearScale, key: question.key });
    doc = builderReducer(doc, { type: 'setting', question: question.key, name: 'scalePoints', value: '12' });
    doc = builderReducer(doc, { type: 'optionLabel', question: 'q-1', option: 'o-2', language: 'fr', value: ' ' });
    expect(builderProblems(doc)).toEqual({
      [fieldKey.questionTitle(question.key)]: 'titleRequired',
      [fieldKey.setting(question.key, 'scalePoints')]: 'scalePoints',
      [fieldKey.option('o-2')]: 'optionRequired',
    });
    expect(builderProblems(docFromView(view({ sections: [] })))).toEqual({ [fieldKey.doc]: 'noQuestion' });
  });
});

import { describe, expect, it } from 'vitest';
import { QuestionType, type SurveyQuestion } from '@contracts/participation-client';
import { answerErrorsByQuestion, answerProblem, fromAnswers, rankingOrder, toAnswer } from './answers';

const q = (over: Partial<SurveyQuestion>): SurveyQuestion => ({
  id: '0b5e2f6a-0000-4000-8000-000000000001',
  type: QuestionType.SingleChoice,
  title: { fr: 'Question' },
  help: {},
  required: false,
  settings: {},
  options: [
    { id: 'a', label: { fr: 'A' } },
    { id: 'b', label: { fr: 'B' } },
    { id: 'c', label: { fr: 'C' } },
  ],
  ...over,
});

describe('answers', () => {
  it('turns what was typed into the API’s answer, and back', () => {
    expect(toAnswer(q({}), { optionIds: ['b'] })).toEqual({ questionId: q({}).id, optionIds: ['b'], otherText: undefined });
    expect(toAnswer(q({}), { other: true, otherText: ' à pied ', optionIds: [] })).toEqual({
      questionId: q({}).id,
      optionIds: [],
      otherText: 'à pied',
    });
    expect(toAnswer(q({ type: QuestionType.Number }), { number: '3,5' })).toMatchObject({ number: 3.5 });
    expect(toAnswer(q({ type: QuestionType.ShortText }), { text: '   ' })).toBeNull();
    expect(toAnswer(q({ type: QuestionType.Ranking }), {})).toBeNull();
    expect(toAnswer(q({ type: QuestionType.Ranking }), { ranked: ['c', 'a', 'b'] })).toMatchObject({ optionIds: ['c', 'a', 'b'] });
    expect(toAnswer(q({ type: QuestionType.MapPoint }), { point: { latitude: 50.8, longitude: 4.3 } })).toMatchObject({
      latitude: 50.8,
      longitude: 4.3,
    });
    const sections = [{ id: 's', title: {}, description: {}, questions: [q({ type: QuestionType.LinearScale })] }];
    expect(fromAnswers(sections, [{ questionId: q({}).id, number: 4 }])).toEqual({ [q({}).id]: { number: '4' } });
  });

  it('says what is wrong: required (on sending only), selections, numbers', () => {
    expect(answerProblem(q({ required: true }), undefined, true)).toEqual({ key: 'required' });
    expect(answerProblem(q({ required: true }), undefined, false)).toBeNull();
    expect(
      answerProblem(q({ type: QuestionType.MultipleChoice, settings: { maxSelections: 1 } }), { optionIds: ['a', 'b'] }, true),
    ).toEqual({
      key: 'maxSelections',
      values: { count: 1 },
    });
    expect(answerProblem(q({ settings: { allowOther: true } }), { other: true, otherText: '' }, true)).toBeNull(); // nothing said yet
    expect(
      answerProblem(
        q({ type: QuestionType.MultipleChoice, settings: { allowOther: true } }),
        { optionIds: ['a'], other: true, otherText: '' },
        true,
      ),
    ).toEqual({
      key: 'otherText',
    });
    expect(answerProblem(q({ type: QuestionType.Number, settings: { integerOnly: true, max: 10 } }), { number: '2.5' }, true)).toEqual({
      key: 'integer',
    });
    expect(answerProblem(q({ type: QuestionType.Number, settings: { max: 10 } }), { number: '11' }, true)).toEqual({
      key: 'max',
      values: { max: 10 },
    });
  });

  it('reads the API’s errors per question', () => {
    const id = q({}).id;
    expect(answerErrorsByQuestion({ [`answers.${id}`]: ['Obligatoire.'], answers: ['Trop de réponses.'] })).toEqual({
      [id]: ['Obligatoire.'],
      '': ['Trop de réponses.'],
    });
  });

  it('shows a ranking in the options’ order until the person ranks', () => {
    expect(rankingOrder(q({ type: QuestionType.Ranking }), undefined)).toEqual(['a', 'b', 'c']);
    expect(rankingOrder(q({ type: QuestionType.Ranking }), { ranked: ['c', 'a'] })).toEqual(['c', 'a', 'b']);
  });
});

import type { Answer, SurveyQuestion, SurveySection } from '@contracts/participation-client';
import type { FieldErrors } from '@/lib/forms';

/** What a question's inputs hold while the person answers. */
export interface DraftAnswer {
  optionIds?: string[];
  /** "Autre" chosen (its text in otherText). */
  other?: boolean;
  otherText?: string;
  text?: string;
  /** As typed. */
  number?: string;
  point?: { latitude: number; longitude: number } | null;
  /** Ranking: every option in the chosen order; undefined until the person ranks. */
  ranked?: string[];
}

export type DraftAnswers = Record<string, DraftAnswer>;

/** Default text limits when the builder set none (the API stores up to 10 000 characters). */
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 5000;

export function textLimit(question: SurveyQuestion): number {
  return question.settings.maxLength ?? (question.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX);
}

function parseNumber(text: string | undefined): number | undefined | 'invalid' {
  const trimmed = (text ?? '').trim().replace(',', '.');
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : 'invalid';
}

/** Has the person said anything for this question? */
export function isAnswered(question: SurveyQuestion, answer: DraftAnswer | undefined): boolean {
  if (!answer) return false;
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return (answer.optionIds?.length ?? 0) > 0 || (!!answer.other && !!answer.otherText?.trim());
    case 'short_text':
    case 'long_text':
      return !!answer.text?.trim();
    case 'linear_scale':
    case 'number':
      return parseNumber(answer.number) !== undefined;
    case 'ranking':
      return !!answer.ranked;
    case 'map_point':
      return !!answer.point;
    default:
      return false;
  }
}

/** The API's answer for a question, or null when there is nothing to send. */
export function toAnswer(question: SurveyQuestion, answer: DraftAnswer | undefined): Answer | null {
  if (!answer || !isAnswered(question, answer)) return null;
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const otherText = answer.other ? answer.otherText?.trim() : undefined;
      return { questionId: question.id, optionIds: answer.optionIds ?? [], otherText: otherText || undefined };
    }
    case 'short_text':
    case 'long_text':
      return { questionId: question.id, text: answer.text!.trim() };
    case 'linear_scale':
    case 'number': {
      const n = parseNumber(answer.number);
      return typeof n === 'number' ? { questionId: question.id, number: n } : null;
    }
    case 'ranking':
      return { questionId: question.id, optionIds: answer.ranked };
    case 'map_point':
      return { questionId: question.id, latitude: answer.point!.latitude, longitude: answer.point!.longitude };
    default:
      return null;
  }
}

export function toAnswers(sections: SurveySection[], answers: DraftAnswers): Answer[] {
  return sections.flatMap((s) => s.questions).flatMap((q) => toAnswer(q, answers[q.id]) ?? []);
}

/** A saved response (draft or submitted) back into the inputs. */
export function fromAnswers(sections: SurveySection[], saved: Answer[]): DraftAnswers {
  const byId = new Map(saved.map((a) => [a.questionId, a]));
  const result: DraftAnswers = {};
  for (const question of sections.flatMap((s) => s.questions)) {
    const a = byId.get(question.id);
    if (!a) continue;
    switch (question.type) {
      case 'single_choice':
      case 'multiple_choice':
        result[question.id] = { optionIds: a.optionIds ?? [], other: !!a.otherText, otherText: a.otherText ?? '' };
        break;
      case 'short_text':
      case 'long_text':
        result[question.id] = { text: a.text ?? '' };
        break;
      case 'linear_scale':
      case 'number':
        result[question.id] = { number: a.number != null ? String(a.number) : '' };
        break;
      case 'ranking':
        result[question.id] = { ranked: a.optionIds ?? [] };
        break;
      case 'map_point':
        result[question.id] = {
          point: a.latitude != null && a.longitude != null ? { latitude: a.latitude, longitude: a.longitude } : null,
        };
        break;
    }
  }
  return result;
}

/** A problem found in the browser: a translation key under surveys.answer.errors and its values. */
export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}

/** What is wrong with one answer (before sending; the API checks again), or null. */
export function answerProblem(question: SurveyQuestion, answer: DraftAnswer | undefined, submitting: boolean): Problem | null {
  const answered = isAnswered(question, answer);
  if (!answered) return submitting && question.required ? { key: 'required' } : null;
  const s = question.settings;
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice': {
      if (answer!.other && !answer!.otherText?.trim()) return { key: 'otherText' };
      const count = (answer!.optionIds?.length ?? 0) + (answer!.other ? 1 : 0);
      if (question.type === 'multiple_choice') {
        if (s.minSelections != null && count < s.minSelections) return { key: 'minSelections', values: { count: s.minSelections } };
        if (s.maxSelections != null && count > s.maxSelections) return { key: 'maxSelections', values: { count: s.maxSelections } };
      }
      return null;
    }
    case 'short_text':
    case 'long_text': {
      const max = textLimit(question);
      return (answer!.text?.trim().length ?? 0) > max ? { key: 'tooLong', values: { count: max } } : null;
    }
    case 'linear_scale':
      return null;
    case 'number': {
      const n = parseNumber(answer!.number);
      if (n === 'invalid' || n === undefined) return { key: 'number' };
      if (s.integerOnly && !Number.isInteger(n)) return { key: 'integer' };
      if (s.min != null && n < s.min) return { key: 'min', values: { min: s.min } };
      if (s.max != null && n > s.max) return { key: 'max', values: { max: s.max } };
      return null;
    }
    default:
      return null;
  }
}

/** Problems of the given questions, by question id. */
export function findProblems(questions: SurveyQuestion[], answers: DraftAnswers, submitting: boolean): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  for (const q of questions) {
    const p = answerProblem(q, answers[q.id], submitting);
    if (p) problems[q.id] = p;
  }
  return problems;
}

/** The API's `answers.{questionId}` errors by question id; the others (if any) under ''. */
export function answerErrorsByQuestion(apiErrors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  for (const [key, messages] of Object.entries(apiErrors)) {
    const m = /^(?:body\.)?answers\.([0-9a-fA-F-]{36})/.exec(key);
    const target = m ? m[1].toLowerCase() : '';
    result[target] = [...(result[target] ?? []), ...messages];
  }
  return result;
}

/** Ranking: the order shown (the chosen one, or the options' order until the person ranks). */
export function rankingOrder(question: SurveyQuestion, answer: DraftAnswer | undefined): string[] {
  const ids = question.options.map((o) => o.id);
  if (!answer?.ranked) return ids;
  const known = answer.ranked.filter((id) => ids.includes(id));
  return [...known, ...ids.filter((id) => !known.includes(id))];
}

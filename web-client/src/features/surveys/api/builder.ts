import type {
  QuestionSettings,
  QuestionType,
  SaveSurveyQuestionInput,
  SaveSurveyRequest,
  SurveyQuestion,
  SurveyView,
} from '@contracts/participation-client';
import type { FieldErrors } from '@/lib/forms';
import { hasOptions } from './surveys';

/** A text in each language (fr required where the API says so, nl and en optional). */
export type Texts = Record<string, string>;

export interface DraftOption {
  /** Stable across moves: React keys, focus and field ids. */
  key: string;
  id?: string;
  label: Texts;
}

/** What the settings inputs hold: strings for numbers (as typed), booleans for checkboxes. */
export interface DraftSettings {
  minSelections: string;
  maxSelections: string;
  allowOther: boolean;
  maxLength: string;
  scalePoints: string;
  minLabel: Texts;
  maxLabel: Texts;
  min: string;
  max: string;
  integerOnly: boolean;
}

export interface DraftQuestion {
  key: string;
  id?: string;
  type: QuestionType;
  title: Texts;
  help: Texts;
  required: boolean;
  settings: DraftSettings;
  options: DraftOption[];
}

export interface DraftSection {
  key: string;
  id?: string;
  title: Texts;
  description: Texts;
  questions: DraftQuestion[];
}

export interface BuilderDoc {
  phaseId: string;
  method: string;
  version: number;
  locked: boolean;
  responses: number;
  sections: DraftSection[];
}

let counter = 0;
/** A key for an item made in this browser (saved items keep theirs: their id). */
export const newKey = (prefix: string) => `${prefix}-new-${++counter}`;

const emptyTexts = (): Texts => ({ fr: '', nl: '', en: '' });
const texts = (value: Record<string, string> | undefined): Texts => ({ fr: value?.fr ?? '', nl: value?.nl ?? '', en: value?.en ?? '' });
const str = (n: number | undefined | null) => (n == null ? '' : String(n));

export function emptySettings(type: QuestionType): DraftSettings {
  return {
    minSelections: '',
    maxSelections: '',
    allowOther: false,
    maxLength: '',
    scalePoints: type === 'linear_scale' ? '5' : '',
    minLabel: emptyTexts(),
    maxLabel: emptyTexts(),
    min: '',
    max: '',
    integerOnly: false,
  };
}

export function newOption(): DraftOption {
  return { key: newKey('o'), label: emptyTexts() };
}

export function newQuestion(type: QuestionType): DraftQuestion {
  return {
    key: newKey('q'),
    type,
    title: emptyTexts(),
    help: emptyTexts(),
    required: false,
    settings: emptySettings(type),
    options: hasOptions(type) ? [newOption(), newOption()] : [],
  };
}

export function newSection(): DraftSection {
  return { key: newKey('s'), title: emptyTexts(), description: emptyTexts(), questions: [] };
}

function settingsFromView(s: QuestionSettings | undefined, type: QuestionType): DraftSettings {
  const base = emptySettings(type);
  if (!s) return base;
  return {
    minSelections: str(s.minSelections),
    maxSelections: str(s.maxSelections),
    allowOther: s.allowOther ?? false,
    maxLength: str(s.maxLength),
    scalePoints: s.scalePoints != null ? String(s.scalePoints) : base.scalePoints,
    minLabel: texts(s.minLabel),
    maxLabel: texts(s.maxLabel),
    min: str(s.min),
    max: str(s.max),
    integerOnly: s.integerOnly ?? false,
  };
}

function questionFromView(q: SurveyQuestion): DraftQuestion {
  const { type } = q;
  return {
    key: q.id,
    id: q.id,
    type,
    title: texts(q.title),
    help: texts(q.help),
    required: q.required,
    settings: settingsFromView(q.settings, type),
    options: q.options.map((o) => ({ key: o.id, id: o.id, label: texts(o.label) })),
  };
}

/** The saved questionnaire as the builder edits it; an empty one starts with one page without a title. */
export function docFromView(view: SurveyView): BuilderDoc {
  const sections = view.sections.map((s) => ({
    key: s.id,
    id: s.id,
    title: texts(s.title),
    description: texts(s.description),
    questions: s.questions.map(questionFromView),
  }));
  return {
    phaseId: view.phaseId,
    method: view.method,
    version: view.version,
    locked: view.locked,
    responses: view.responses,
    sections: sections.length > 0 ? sections : [newSection()],
  };
}

export type Direction = -1 | 1;
export type TextField = 'title' | 'help';
export type SettingName = keyof DraftSettings;

export type BuilderAction =
  | { type: 'load'; doc: BuilderDoc }
  | { type: 'addSection'; key?: string }
  | { type: 'removeSection'; section: string }
  | { type: 'moveSection'; section: string; direction: Direction }
  | { type: 'sectionText'; section: string; field: 'title' | 'description'; language: string; value: string }
  | { type: 'addQuestion'; section: string; questionType: QuestionType; key?: string }
  | { type: 'removeQuestion'; question: string }
  | { type: 'moveQuestion'; question: string; direction: Direction }
  | { type: 'questionText'; question: string; field: TextField; language: string; value: string }
  | { type: 'questionType'; question: string; questionType: QuestionType }
  | { type: 'required'; question: string; value: boolean }
  | { type: 'setting'; question: string; name: SettingName; value: string | boolean | Texts }
  | { type: 'addOption'; question: string; key?: string }
  | { type: 'removeOption'; question: string; option: string }
  | { type: 'moveOption'; question: string; option: string; direction: Direction }
  | { type: 'optionLabel'; question: string; option: string; language: string; value: string };

/** Swaps the item at `index` with its neighbour in `direction`; the same array when it cannot move. */
export function move<T>(items: T[], index: number, direction: Direction): T[] {
  const target = index + direction;
  if (index < 0 || target < 0 || target >= items.length) return items;
  const next = items.slice();
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

function mapQuestion(doc: BuilderDoc, key: string, change: (q: DraftQuestion) => DraftQuestion): BuilderDoc {
  return {
    ...doc,
    sections: doc.sections.map((s) =>
      s.questions.some((q) => q.key === key) ? { ...s, questions: s.questions.map((q) => (q.key === key ? change(q) : q)) } : s,
    ),
  };
}

/** Where a question is: its section's index and its own within it; null when it is not there. */
export function findQuestion(doc: BuilderDoc, key: string): { section: number; index: number } | null {
  for (let section = 0; section < doc.sections.length; section++) {
    const index = doc.sections[section].questions.findIndex((q) => q.key === key);
    if (index >= 0) return { section, index };
  }
  return null;
}

/**
 * Moves a question one place; at the edge of a page it goes to the end of the previous page or the start of the
 * next one, so any question can reach any place with the two buttons alone.
 */
export function moveQuestion(doc: BuilderDoc, key: string, direction: Direction): BuilderDoc {
  const at = findQuestion(doc, key);
  if (!at) return doc;
  const questions = doc.sections[at.section].questions;
  const target = at.index + direction;
  if (target >= 0 && target < questions.length) {
    return {
      ...doc,
      sections: doc.sections.map((s, i) => (i === at.section ? { ...s, questions: move(s.questions, at.index, direction) } : s)),
    };
  }
  const otherSection = at.section + direction;
  if (otherSection < 0 || otherSection >= doc.sections.length) return doc;
  const question = questions[at.index];
  return {
    ...doc,
    sections: doc.sections.map((s, i) => {
      if (i === at.section) return { ...s, questions: s.questions.filter((q) => q.key !== key) };
      if (i === otherSection) return { ...s, questions: direction < 0 ? [...s.questions, question] : [question, ...s.questions] };
      return s;
    }),
  };
}

/** May the question move that way (within its page or onto the next one)? */
export function canMoveQuestion(doc: BuilderDoc, key: string, direction: Direction): boolean {
  const at = findQuestion(doc, key);
  if (!at) return false;
  const target = at.index + direction;
  if (target >= 0 && target < doc.sections[at.section].questions.length) return true;
  const otherSection = at.section + direction;
  return otherSection >= 0 && otherSection < doc.sections.length;
}

/** A new type keeps the texts; options stay when both types have some, and settings start again. */
function retype(q: DraftQuestion, type: QuestionType): DraftQuestion {
  const options = hasOptions(type) ? (q.options.length > 0 ? q.options : [newOption(), newOption()]) : [];
  return { ...q, type, settings: emptySettings(type), options };
}

export function builderReducer(doc: BuilderDoc, action: BuilderAction): BuilderDoc {
  switch (action.type) {
    case 'load':
      return action.doc;
    case 'addSection':
      return { ...doc, sections: [...doc.sections, { ...newSection(), ...(action.key ? { key: action.key } : {}) }] };
    case 'removeSection': {
      // Its questions are not lost: they join the page before it (or after, for the first page).
      const index = doc.sections.findIndex((s) => s.key === action.section);
      if (index < 0 || doc.sections.length < 2) return doc;
      const removed = doc.sections[index];
      const heir = index > 0 ? index - 1 : 1;
      const sections = doc.sections.map((s, i) =>
        i === heir
          ? { ...s, questions: heir < index ? [...s.questions, ...removed.questions] : [...removed.questions, ...s.questions] }
          : s,
      );
      return { ...doc, sections: sections.filter((_, i) => i !== index) };
    }
    case 'moveSection': {
      const index = doc.sections.findIndex((s) => s.key === action.section);
      return { ...doc, sections: move(doc.sections, index, action.direction) };
    }
    case 'sectionText':
      return {
        ...doc,
        sections: doc.sections.map((s) =>
          s.key === action.section ? { ...s, [action.field]: { ...s[action.field], [action.language]: action.value } } : s,
        ),
      };
    case 'addQuestion': {
      const question = { ...newQuestion(action.questionType), ...(action.key ? { key: action.key } : {}) };
      return {
        ...doc,
        sections: doc.sections.map((s) => (s.key === action.section ? { ...s, questions: [...s.questions, question] } : s)),
      };
    }
    case 'removeQuestion':
      return { ...doc, sections: doc.sections.map((s) => ({ ...s, questions: s.questions.filter((q) => q.key !== action.question) })) };
    case 'moveQuestion':
      return moveQuestion(doc, action.question, action.direction);
    case 'questionText':
      return mapQuestion(doc, action.question, (q) => ({ ...q, [action.field]: { ...q[action.field], [action.language]: action.value } }));
    case 'questionType':
      return mapQuestion(doc, action.question, (q) => retype(q, action.questionType));
    case 'required':
      return mapQuestion(doc, action.question, (q) => ({ ...q, required: action.value }));
    case 'setting':
      return mapQuestion(doc, action.question, (q) => ({ ...q, settings: { ...q.settings, [action.name]: action.value } }));
    case 'addOption':
      return mapQuestion(doc, action.question, (q) => ({
        ...q,
        options: [...q.options, { ...newOption(), ...(action.key ? { key: action.key } : {}) }],
      }));
    case 'removeOption':
      return mapQuestion(doc, action.question, (q) => ({ ...q, options: q.options.filter((o) => o.key !== action.option) }));
    case 'moveOption':
      return mapQuestion(doc, action.question, (q) => ({
        ...q,
        options: move(
          q.options,
          q.options.findIndex((o) => o.key === action.option),
          action.direction,
        ),
      }));
    case 'optionLabel':
      return mapQuestion(doc, action.question, (q) => ({
        ...q,
        options: q.options.map((o) => (o.key === action.option ? { ...o, label: { ...o.label, [action.language]: action.value } } : o)),
      }));
    default:
      return doc;
  }
}

/** Every question in order, with its number across the survey (1-based) and its page. */
export function allQuestions(doc: BuilderDoc): { question: DraftQuestion; number: number; section: number }[] {
  let n = 0;
  return doc.sections.flatMap((s, section) => s.questions.map((question) => ({ question, number: ++n, section })));
}

function clean(value: Texts): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v.trim())
      .map(([k, v]) => [k, v.trim()]),
  );
}

function toNumber(value: string): number | undefined {
  const trimmed = value.trim().replace(',', '.');
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Only the settings that apply to the type: the API refuses the others. */
export function settingsFor(q: DraftQuestion): QuestionSettings {
  const s = q.settings;
  const labels = (t: Texts) => {
    const c = clean(t);
    return Object.keys(c).length > 0 ? c : undefined;
  };
  switch (q.type) {
    case 'single_choice':
      return { allowOther: s.allowOther };
    case 'multiple_choice':
      return { allowOther: s.allowOther, minSelections: toNumber(s.minSelections), maxSelections: toNumber(s.maxSelections) };
    case 'short_text':
    case 'long_text':
      return { maxLength: toNumber(s.maxLength) };
    case 'linear_scale':
      return { scalePoints: toNumber(s.scalePoints), minLabel: labels(s.minLabel), maxLabel: labels(s.maxLabel) };
    case 'number':
      return { min: toNumber(s.min), max: toNumber(s.max), integerOnly: s.integerOnly };
    default:
      return {};
  }
}

function questionRequest(q: DraftQuestion): SaveSurveyQuestionInput {
  return {
    id: q.id,
    type: q.type,
    title: clean(q.title),
    help: clean(q.help),
    required: q.required,
    settings: settingsFor(q),
    options: hasOptions(q.type) ? q.options.map((o) => ({ id: o.id, label: clean(o.label) })) : [],
  };
}

/** The whole document for the API, with the version it was read at. */
export function toSaveRequest(doc: BuilderDoc): SaveSurveyRequest {
  return {
    version: doc.version,
    sections: doc.sections.map((s) => ({
      id: s.id,
      title: clean(s.title),
      description: clean(s.description),
      questions: s.questions.map(questionRequest),
    })),
  };
}

/** Field keys of the builder: what each message is shown beside. */
export const fieldKey = {
  doc: 'doc',
  section: (s: string) => `s:${s}`,
  sectionTitle: (s: string) => `s:${s}:title`,
  question: (q: string) => `q:${q}`,
  questionTitle: (q: string) => `q:${q}:title`,
  questionHelp: (q: string) => `q:${q}:help`,
  questionOptions: (q: string) => `q:${q}:options`,
  setting: (q: string, name: string) => `q:${q}:settings.${name}`,
  option: (o: string) => `o:${o}`,
};

/** The settings fields the builder has an input for (API names). */
export const SETTING_NAMES = [
  'minSelections',
  'maxSelections',
  'allowOther',
  'maxLength',
  'scalePoints',
  'minLabel',
  'maxLabel',
  'min',
  'max',
  'integerOnly',
];

/**
 * The API's field errors (`sections[0].questions[1].options[2].label.fr`…) turned into the builder's keys, so
 * each message shows next to its field; what matches nothing stays under `doc`.
 */
export function mapBuilderErrors(doc: BuilderDoc, apiErrors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  const add = (key: string, messages: string[]) => {
    result[key] = [...(result[key] ?? []), ...messages];
  };
  const pattern = /^(?:body\.)?sections\[(\d+)\](?:\.questions\[(\d+)\](?:\.options\[(\d+)\])?)?(?:\.(.+))?$/i;
  for (const [key, messages] of Object.entries(apiErrors)) {
    const m = pattern.exec(key);
    const section = m ? doc.sections[Number(m[1])] : undefined;
    if (!m || !section) {
      add(fieldKey.doc, messages);
      continue;
    }
    const rest = (m[4] ?? '').replace(/^./, (c) => c.toLowerCase());
    if (m[2] === undefined) {
      add(rest.startsWith('title') ? fieldKey.sectionTitle(section.key) : fieldKey.section(section.key), messages);
      continue;
    }
    const question = section.questions[Number(m[2])];
    if (!question) {
      add(fieldKey.section(section.key), messages);
      continue;
    }
    if (m[3] !== undefined) {
      const option = question.options[Number(m[3])];
      add(option ? fieldKey.option(option.key) : fieldKey.questionOptions(question.key), messages);
      continue;
    }
    const setting = /^settings\.(\w+)/.exec(rest)?.[1];
    if (rest.startsWith('title')) add(fieldKey.questionTitle(question.key), messages);
    else if (rest.startsWith('help')) add(fieldKey.questionHelp(question.key), messages);
    else if (rest.startsWith('options')) add(fieldKey.questionOptions(question.key), messages);
    else if (setting && SETTING_NAMES.includes(setting)) add(fieldKey.setting(question.key, setting), messages);
    else add(fieldKey.question(question.key), messages);
  }
  return result;
}

/** What the browser can check before asking the API: field key → translation key under surveys.builder.errors. */
export function builderProblems(doc: BuilderDoc): Record<string, string> {
  const problems: Record<string, string> = {};
  const questions = allQuestions(doc);
  if (questions.length === 0) problems[fieldKey.doc] = 'noQuestion';
  if (doc.method === 'poll' && questions.length > 5) problems[fieldKey.doc] = 'pollTooMany';
  for (const { question } of questions) {
    if (!question.title.fr.trim()) problems[fieldKey.questionTitle(question.key)] = 'titleRequired';
    if (hasOptions(question.type)) {
      if (question.options.length < 2) problems[fieldKey.questionOptions(question.key)] = 'twoOptions';
      for (const option of question.options) if (!option.label.fr.trim()) problems[fieldKey.option(option.key)] = 'optionRequired';
    }
    if (question.type === 'linear_scale') {
      const n = toNumber(question.settings.scalePoints);
      if (n === undefined || !Number.isInteger(n) || n < 2 || n > 11)
        problems[fieldKey.setting(question.key, 'scalePoints')] = 'scalePoints';
    }
  }
  return problems;
}

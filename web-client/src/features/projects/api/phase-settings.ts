import { Audience, PhaseMethod, type GetProjectPhase, type PhaseRequest, type PhaseSettings } from '@contracts/participation-client';
import { fromDateInput, toDateInput } from '@/lib/format';
import type { FieldErrors } from '@/lib/forms';

/** Who may do an action in a phase (the API's audiences). */
export const AUDIENCES = Object.values(Audience);

/** The methods whose phases have results (votes per idea, funded ideas, answers per question) the staff may publish. */
export const RESULT_METHODS: readonly PhaseMethod[] = [PhaseMethod.Voting, PhaseMethod.Budgeting, PhaseMethod.Survey, PhaseMethod.Poll];

export type Permission = 'postIdea' | 'comment' | 'react' | 'vote' | 'answer';

/** The permissions each method asks for, in display order (mirrors the API's PhaseSettingsRules). */
export const METHOD_PERMISSIONS: Record<PhaseMethod, Permission[]> = {
  information: [],
  ideation: ['postIdea', 'comment', 'react'],
  voting: ['vote', 'comment'],
  budgeting: ['vote', 'comment'],
  survey: ['answer'],
  poll: ['answer'],
};

/** The API's defaults for a new phase, so the form starts from what the server would choose. */
const DEFAULT_AUDIENCE: Record<Permission, Audience> = {
  postIdea: Audience.ConfirmedEmail,
  comment: Audience.ConfirmedEmail,
  react: Audience.Registered,
  vote: Audience.ConfirmedEmail,
  answer: Audience.Registered,
};

export const BUDGET_CURRENCY = 'EUR';

/** What the phase form holds: strings for the inputs, booleans for the checkboxes. */
export interface PhaseForm {
  title: Record<string, string>;
  description: Record<string, string>;
  /** YYYY-MM-DD, the first day of the phase. */
  startDate: string;
  /** YYYY-MM-DD, the last day (included); empty: open-ended. */
  endDate: string;
  method: PhaseMethod;
  permissions: Record<Permission, Audience>;
  ideasPerUser: string;
  votesPerUser: string;
  dislikes: boolean;
  map: boolean;
  preModeration: boolean;
  budgetAmount: string;
  /** The budget's currency: kept as saved (new phases are in euros; the form has no field for it). */
  budgetCurrency: string;
  minimumSpend: string;
  minimumIdeas: string;
  /** Voting and budgeting: residents see the results during the phase (otherwise once it is over); surveys and polls: at all. */
  resultsPublic: boolean;
}

export function emptyPhaseForm(today = new Date()): PhaseForm {
  return {
    title: { fr: '', nl: '', en: '' },
    description: { fr: '', nl: '', en: '' },
    startDate: toDateInput(today),
    endDate: '',
    method: PhaseMethod.Ideation,
    permissions: { ...DEFAULT_AUDIENCE },
    ideasPerUser: '',
    votesPerUser: '3',
    dislikes: false,
    map: false,
    preModeration: false,
    budgetAmount: '',
    budgetCurrency: BUDGET_CURRENCY,
    minimumSpend: '',
    minimumIdeas: '',
    resultsPublic: false,
  };
}

const DAY = 24 * 60 * 60 * 1000;

/** A saved phase as the form shows it: the end is the last day included (the API's end is exclusive). */
export function phaseToForm(phase: GetProjectPhase): PhaseForm {
  const s = phase.settings ?? {};
  const p = s.permissions ?? {};
  const end = phase.endsAt ? new Date(new Date(phase.endsAt).getTime() - 1000) : null;
  return {
    title: { fr: phase.title.fr ?? '', nl: phase.title.nl ?? '', en: phase.title.en ?? '' },
    description: { fr: phase.description.fr ?? '', nl: phase.description.nl ?? '', en: phase.description.en ?? '' },
    startDate: toDateInput(new Date(phase.startsAt)),
    endDate: end ? toDateInput(end) : '',
    method: phase.method,
    permissions: {
      postIdea: p.postIdea ?? DEFAULT_AUDIENCE.postIdea,
      comment: p.comment ?? DEFAULT_AUDIENCE.comment,
      react: p.react ?? DEFAULT_AUDIENCE.react,
      vote: p.vote ?? DEFAULT_AUDIENCE.vote,
      answer: p.answer ?? DEFAULT_AUDIENCE.answer,
    },
    ideasPerUser: s.ideasPerUser != null ? String(s.ideasPerUser) : '',
    votesPerUser: s.votesPerUser != null ? String(s.votesPerUser) : '',
    dislikes: s.dislikes ?? false,
    map: s.map ?? false,
    preModeration: s.preModeration ?? false,
    budgetAmount: s.budgetAmount != null ? String(s.budgetAmount) : '',
    budgetCurrency: s.budgetCurrency ?? BUDGET_CURRENCY,
    minimumSpend: s.minimumSpend != null ? String(s.minimumSpend) : '',
    minimumIdeas: s.minimumIdeas != null ? String(s.minimumIdeas) : '',
    resultsPublic: s.resultsPublic ?? false,
  };
}

function toNumber(value: string): number | undefined {
  const trimmed = value.trim().replace(',', '.');
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Only the settings that apply to the method: the API refuses the others. */
export function settingsFor(form: PhaseForm): PhaseSettings {
  const permissions = Object.fromEntries(METHOD_PERMISSIONS[form.method].map((p) => [p, form.permissions[p]]));
  switch (form.method) {
    case 'ideation':
      return {
        permissions,
        ideasPerUser: toNumber(form.ideasPerUser),
        dislikes: form.dislikes,
        map: form.map,
        preModeration: form.preModeration,
      };
    case 'voting':
      return { permissions, votesPerUser: toNumber(form.votesPerUser), resultsPublic: form.resultsPublic };
    case 'budgeting':
      return {
        permissions,
        budgetAmount: toNumber(form.budgetAmount),
        budgetCurrency: form.budgetCurrency || BUDGET_CURRENCY,
        minimumSpend: toNumber(form.minimumSpend),
        minimumIdeas: toNumber(form.minimumIdeas),
        resultsPublic: form.resultsPublic,
      };
    case 'survey':
    case 'poll':
      // Residents read a survey's results only once the staff publish them (never just because the phase ended).
      return { permissions, resultsPublic: form.resultsPublic };
    default:
      return {};
  }
}

function cleanText(text: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(text)
      .filter(([, v]) => v.trim())
      .map(([k, v]) => [k, v.trim()]),
  );
}

/** The request for the API: local days become instants; the last day is included (end = next midnight). */
export function toPhaseRequest(form: PhaseForm): PhaseRequest {
  const start = fromDateInput(form.startDate)!;
  const lastDay = fromDateInput(form.endDate);
  const end = lastDay ? new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() + 1) : null;
  return {
    title: cleanText(form.title),
    description: cleanText(form.description),
    startsAt: start.toISOString(),
    endsAt: end ? end.toISOString() : undefined,
    method: form.method,
    settings: settingsFor(form),
  };
}

/** Problems the browser can see before asking the API: field → translation key under projects.phases.errors. */
export function phaseFormProblems(form: PhaseForm): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.title.fr?.trim()) problems.title = 'titleRequired';
  const start = fromDateInput(form.startDate);
  if (!start) problems.startDate = 'dateRequired';
  if (form.endDate) {
    const end = fromDateInput(form.endDate);
    if (!end) problems.endDate = 'dateInvalid';
    else if (start && end.getTime() < start.getTime() - DAY / 2) problems.endDate = 'endBeforeStart';
  }
  const positive = (value: string) => {
    const n = toNumber(value);
    return n === undefined || (Number.isInteger(n) && n >= 1 && n <= 1000);
  };
  if (form.method === 'ideation' && !positive(form.ideasPerUser)) problems.ideasPerUser = 'between1And1000';
  if (form.method === 'voting') {
    if (!form.votesPerUser.trim()) problems.votesPerUser = 'votesRequired';
    else if (!positive(form.votesPerUser)) problems.votesPerUser = 'between1And1000';
  }
  if (form.method === 'budgeting') {
    const amount = toNumber(form.budgetAmount);
    if (amount === undefined || Number.isNaN(amount) || amount <= 0) problems.budgetAmount = 'budgetRequired';
    const minimum = toNumber(form.minimumSpend);
    if (minimum !== undefined && (Number.isNaN(minimum) || minimum < 0 || (amount !== undefined && minimum > amount)))
      problems.minimumSpend = 'minimumSpendInvalid';
    if (!positive(form.minimumIdeas)) problems.minimumIdeas = 'between1And1000';
  }
  return problems;
}

/**
 * The API's field names → the form's fields, so each message shows beside the right input. Anything
 * not matched stays under its own key (the form lists it in its summary).
 */
export function mapPhaseErrors(apiErrors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  const add = (key: string, messages: string[]) => {
    result[key] = [...(result[key] ?? []), ...messages];
  };
  for (const [key, messages] of Object.entries(apiErrors)) {
    const permission = /^settings\.permissions\.(\w+)$/.exec(key);
    if (key === 'startsAt') add('startDate', messages);
    else if (key === 'endsAt') add('endDate', messages);
    else if (key === 'title' || key.startsWith('title.')) add('title', messages);
    else if (key === 'description' || key.startsWith('description.')) add('description', messages);
    else if (permission) add(`permission-${permission[1]}`, messages);
    else if (key === 'settings.budgetAmount' || key === 'settings.budgetCurrency') add('budgetAmount', messages);
    else if (key.startsWith('settings.')) add(key.slice('settings.'.length), messages);
    else add(key, messages);
  }
  return result;
}

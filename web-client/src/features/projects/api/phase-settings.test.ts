import { describe, expect, it } from 'vitest';
import { Audience, PhaseMethod } from '@contracts/participation-client';
import {
  emptyPhaseForm,
  mapPhaseErrors,
  phaseFormProblems,
  phaseToForm,
  settingsFor,
  toPhaseRequest,
  type PhaseForm,
} from './phase-settings';

const base = (patch: Partial<PhaseForm>): PhaseForm => ({
  ...emptyPhaseForm(new Date(2026, 2, 1)),
  title: { fr: 'Idées', nl: '', en: '' },
  ...patch,
});

describe('settingsFor', () => {
  it('sends only the ideation settings for an ideation phase', () => {
    expect(
      settingsFor(base({ method: PhaseMethod.Ideation, ideasPerUser: '5', dislikes: true, budgetAmount: '1000', votesPerUser: '3' })),
    ).toEqual({
      permissions: { postIdea: 'confirmed_email', comment: 'confirmed_email', react: 'registered' },
      ideasPerUser: 5,
      dislikes: true,
      map: false,
      preModeration: false,
    });
  });

  it('sends vote and comment permissions and the per-user limit for voting', () => {
    const form = base({ method: PhaseMethod.Voting, votesPerUser: '4' });
    form.permissions.vote = Audience.Registered;
    expect(settingsFor(form)).toEqual({
      permissions: { vote: 'registered', comment: 'confirmed_email' },
      votesPerUser: 4,
      resultsPublic: false,
    });
  });

  it('publishes voting results during the phase when asked', () => {
    expect(settingsFor(base({ method: PhaseMethod.Voting, votesPerUser: '2', resultsPublic: true }))).toMatchObject({
      resultsPublic: true,
    });
  });

  it('sends the budget in euros for budgeting', () => {
    expect(settingsFor(base({ method: PhaseMethod.Budgeting, budgetAmount: '25000,50' }))).toStrictEqual({
      permissions: { vote: 'confirmed_email', comment: 'confirmed_email' },
      budgetAmount: 25000.5,
      budgetCurrency: 'EUR',
      minimumSpend: undefined,
      minimumIdeas: undefined,
      resultsPublic: false,
    });
  });

  it('sends the minimums and the publication of the results for budgeting, and keeps a saved currency', () => {
    expect(
      settingsFor(
        base({
          method: PhaseMethod.Budgeting,
          budgetAmount: '1000',
          budgetCurrency: 'CHF',
          minimumSpend: '250',
          minimumIdeas: '2',
          resultsPublic: true,
        }),
      ),
    ).toEqual({
      permissions: { vote: 'confirmed_email', comment: 'confirmed_email' },
      budgetAmount: 1000,
      budgetCurrency: 'CHF',
      minimumSpend: 250,
      minimumIdeas: 2,
      resultsPublic: true,
    });
  });

  it('sends who may answer and whether the results are published for surveys and polls, and nothing for information', () => {
    expect(settingsFor(base({ method: PhaseMethod.Survey }))).toEqual({ permissions: { answer: 'registered' }, resultsPublic: false });
    expect(settingsFor(base({ method: PhaseMethod.Poll, resultsPublic: true }))).toEqual({
      permissions: { answer: 'registered' },
      resultsPublic: true,
    });
    expect(settingsFor(base({ method: PhaseMethod.Information, ideasPerUser: '3' }))).toEqual({});
  });
});

describe('toPhaseRequest', () => {
  it('turns local days into instants, the last day included, and drops empty translations', () => {
    const request = toPhaseRequest(base({ startDate: '2026-03-01', endDate: '2026-03-15', method: PhaseMethod.Information }));
    expect(new Date(request.startsAt).getTime()).toBe(new Date(2026, 2, 1).getTime());
    expect(new Date(request.endsAt!).getTime()).toBe(new Date(2026, 2, 16).getTime());
    expect(request.title).toEqual({ fr: 'Idées' });
    expect(request.description).toEqual({});
  });

  it('leaves the end out for an open-ended phase', () => {
    expect(toPhaseRequest(base({ endDate: '' })).endsAt).toBeUndefined();
  });

  it('round-trips through a saved phase', () => {
    const form = base({ startDate: '2026-03-01', endDate: '2026-03-15', method: PhaseMethod.Voting, votesPerUser: '2' });
    const request = toPhaseRequest(form);
    const back = phaseToForm({
      id: 'p',
      title: request.title!,
      description: {},
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      method: PhaseMethod.Voting,
      settings: request.settings!,
      isCurrent: false,
    });
    expect(back.startDate).toBe('2026-03-01');
    expect(back.endDate).toBe('2026-03-15');
    expect(back.votesPerUser).toBe('2');
    expect(back.resultsPublic).toBe(false);
  });
});

describe('phaseFormProblems', () => {
  it('asks for the French title, a start and a sensible end', () => {
    expect(phaseFormProblems(base({ title: { fr: ' ' }, startDate: '', endDate: '2026-01-01' }))).toEqual({
      title: 'titleRequired',
      startDate: 'dateRequired',
    });
    expect(phaseFormProblems(base({ startDate: '2026-03-10', endDate: '2026-03-09' }))).toEqual({ endDate: 'endBeforeStart' });
    expect(phaseFormProblems(base({ startDate: '2026-03-10', endDate: '2026-03-10' }))).toEqual({});
  });

  it('checks the settings of the chosen method only', () => {
    expect(phaseFormProblems(base({ method: PhaseMethod.Budgeting, budgetAmount: '' }))).toEqual({ budgetAmount: 'budgetRequired' });
    expect(phaseFormProblems(base({ method: PhaseMethod.Voting, votesPerUser: '0' }))).toEqual({ votesPerUser: 'between1And1000' });
    expect(phaseFormProblems(base({ method: PhaseMethod.Ideation, ideasPerUser: '2.5' }))).toEqual({ ideasPerUser: 'between1And1000' });
    expect(phaseFormProblems(base({ method: PhaseMethod.Information, budgetAmount: '', votesPerUser: '' }))).toEqual({});
  });

  it('checks a budget’s minimums: a spend within the budget, a whole number of ideas', () => {
    expect(
      phaseFormProblems(base({ method: PhaseMethod.Budgeting, budgetAmount: '1000', minimumSpend: '1200', minimumIdeas: '0' })),
    ).toEqual({
      minimumSpend: 'minimumSpendInvalid',
      minimumIdeas: 'between1And1000',
    });
    expect(phaseFormProblems(base({ method: PhaseMethod.Budgeting, budgetAmount: '1000', minimumSpend: '-1' }))).toEqual({
      minimumSpend: 'minimumSpendInvalid',
    });
    expect(
      phaseFormProblems(base({ method: PhaseMethod.Budgeting, budgetAmount: '1000', minimumSpend: '1000', minimumIdeas: '3' })),
    ).toEqual({});
  });
});

describe('mapPhaseErrors', () => {
  it('puts each API message beside the field it concerns', () => {
    expect(
      mapPhaseErrors({
        startsAt: ['This phase overlaps another phase of the project.'],
        endsAt: ['This phase overlaps another phase of the project.'],
        'settings.budgetAmount': ['A budgeting phase needs a positive budget.'],
        'settings.budgetCurrency': ['A three-letter ISO 4217 code, such as EUR.'],
        'settings.permissions.postIdea': ['One of: everyone, registered, confirmed_email, staff.'],
        'settings.votesPerUser': ['Between 1 and 1000.'],
        'settings.minimumSpend': ['The minimum spend must be positive and within the budget.'],
        title: ['French is required.'],
        method: ['One of: information, ideation, voting, budgeting, survey, poll.'],
      }),
    ).toEqual({
      startDate: ['This phase overlaps another phase of the project.'],
      endDate: ['This phase overlaps another phase of the project.'],
      budgetAmount: ['A budgeting phase needs a positive budget.', 'A three-letter ISO 4217 code, such as EUR.'],
      'permission-postIdea': ['One of: everyone, registered, confirmed_email, staff.'],
      votesPerUser: ['Between 1 and 1000.'],
      minimumSpend: ['The minimum spend must be positive and within the budget.'],
      title: ['French is required.'],
      method: ['One of: information, ideation, voting, budgeting, survey, poll.'],
    });
  });
});

import {
  FigureKey,
  FigureScopeType,
  IdeaStatus,
  PhaseMethod,
  type GetDashboardResponse,
  type ListDashboardScopesResponse,
} from '@contracts/participation-client';

/** A department's dashboard as the API answers it in French (tests only). */
export function dashboardResponse(overrides: Partial<GetDashboardResponse> = {}): GetDashboardResponse {
  return {
    scope: { type: FigureScopeType.Department, id: 'd-1', name: 'Culture' },
    from: '2026-03-02',
    to: '2026-05-31',
    previousFrom: '2025-12-01',
    waitingDays: 30,
    figures: [
      {
        key: FigureKey.Participants,
        label: 'Participants',
        definition: 'Personnes distinctes ayant posé au moins une action de participation dans le périmètre et la période.',
        value: 42,
        previous: 30,
      },
      { key: FigureKey.Ideas, label: 'Idées', definition: 'Idées déposées pendant la période.', value: 12, previous: 12 },
      { key: FigureKey.Comments, label: 'Commentaires', definition: 'Commentaires publiés pendant la période.', value: 7, previous: 9 },
      { key: FigureKey.Reactions, label: 'Réactions', definition: 'Soutiens et désaccords.', value: 30, previous: 0 },
      { key: FigureKey.Votes, label: 'Votes', definition: 'Votes.', value: 0, previous: 0 },
      { key: FigureKey.BasketsSubmitted, label: 'Paniers soumis', definition: 'Paniers.', value: 0, previous: 0 },
      { key: FigureKey.SurveyResponses, label: 'Réponses aux questionnaires', definition: 'Réponses.', value: 3, previous: 1 },
      {
        key: FigureKey.DaysToFirstAnswer,
        label: 'Délai de première réponse (jours)',
        definition: 'Médiane, en jours.',
        value: 4.5,
        previous: undefined,
      },
      { key: FigureKey.Registrations, label: 'Inscriptions', definition: 'Comptes créés (plateforme uniquement).' },
    ],
    weeks: [
      { week: '2026-03-02', participants: 3, ideas: 1, comments: 0, reactions: 4, votes: 0, basketsSubmitted: 0, surveyResponses: 0 },
      { week: '2026-03-09', participants: 9, ideas: 4, comments: 2, reactions: 10, votes: 0, basketsSubmitted: 0, surveyResponses: 1 },
      { week: '2026-03-16', participants: 0, ideas: 0, comments: 0, reactions: 0, votes: 0, basketsSubmitted: 0, surveyResponses: 0 },
      { week: '2026-03-23', participants: 5, ideas: 2, comments: 5, reactions: 16, votes: 0, basketsSubmitted: 0, surveyResponses: 2 },
    ],
    ideasByStatus: [
      { status: IdeaStatus.Proposed, count: 8 },
      { status: IdeaStatus.Accepted, count: 3 },
    ],
    phases: [
      {
        phaseId: 'ph-1',
        projectId: 'p-1',
        projectTitle: 'Fête de quartier',
        phaseTitle: 'Sondage',
        method: PhaseMethod.Poll,
        startsAt: '2026-04-01T00:00:00Z',
        endsAt: '2026-04-30T00:00:00Z',
        participants: 20,
        actions: 20,
      },
      {
        phaseId: 'ph-2',
        projectId: 'p-2',
        projectTitle: 'Programme culturel',
        phaseTitle: 'Vos envies',
        method: PhaseMethod.Ideation,
        startsAt: '2026-03-01T00:00:00Z',
        participants: 25,
        actions: 60,
      },
    ],
    methods: [
      { method: PhaseMethod.Ideation, participants: 25, actions: 60 },
      { method: PhaseMethod.Poll, participants: 20, actions: 20 },
    ],
    topIdeas: [
      {
        id: 'i-1',
        projectId: 'p-2',
        projectTitle: 'Programme culturel',
        title: 'Des concerts au parc',
        status: IdeaStatus.Accepted,
        likes: 14,
        comments: 3,
      },
    ],
    decisions: [
      {
        ideaId: 'i-1',
        projectId: 'p-2',
        title: 'Des concerts au parc',
        status: IdeaStatus.Accepted,
        feedback: 'Trois concerts cet été.',
        at: '2026-05-20T10:00:00Z',
      },
    ],
    waiting: [
      {
        id: 'i-2',
        projectId: 'p-2',
        projectTitle: 'Programme culturel',
        title: 'Un cinéma en plein air',
        postedAt: '2026-03-10T10:00:00Z',
        daysWaiting: 82,
      },
    ],
    waitingTotal: 4,
    upcomingPhases: [
      {
        phaseId: 'ph-3',
        projectId: 'p-2',
        projectTitle: 'Programme culturel',
        phaseTitle: 'Vote',
        method: PhaseMethod.Voting,
        startsAt: '2026-06-10T00:00:00Z',
        endsAt: '2026-06-30T00:00:00Z',
        starting: true,
      },
    ],
    ...overrides,
  };
}

export const officialScopes: ListDashboardScopesResponse = {
  platform: false,
  departments: [{ type: FigureScopeType.Department, id: 'd-1', name: 'Culture' }],
  projects: [],
  home: { type: FigureScopeType.Department, id: 'd-1', name: 'Culture' },
};

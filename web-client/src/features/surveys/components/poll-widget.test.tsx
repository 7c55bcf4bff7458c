import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ParticipationAction,
  PhaseMethod,
  QuestionType,
  RefusalReason,
  ResponseStatus,
  type PollState,
  type SurveyView,
} from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { renderWithApp } from '@/test/idea-fixtures';
import { PollWidget } from './poll-widget';

vi.mock('@/api/client', () => ({
  api: { getSurvey: vi.fn(), getPollState: vi.fn(), answerPoll: vi.fn(), withdrawPollAnswer: vi.fn() },
}));

const Q = '55555555-5555-4555-8555-555555555555';
const poll: SurveyView = {
  phaseId: 'ph-1',
  projectId: 'p-1',
  method: PhaseMethod.Poll,
  version: 1,
  responses: 0,
  locked: false,
  resultsPublic: true,
  sections: [
    {
      id: 's-1',
      title: {},
      description: {},
      questions: [
        {
          id: Q,
          type: QuestionType.SingleChoice,
          title: { fr: 'Quel jour ?', nl: 'Welke dag?' },
          help: {},
          required: true,
          settings: {},
          options: [
            { id: 'o-1', label: { fr: 'Samedi', nl: 'Zaterdag' } },
            { id: 'o-2', label: { fr: 'Dimanche', nl: 'Zondag' } },
          ],
        },
      ],
    },
  ],
};
const none: PollState = { phaseId: 'ph-1', response: { phaseId: 'ph-1', status: ResponseStatus.None, answers: [] } };
const answered: PollState = {
  phaseId: 'ph-1',
  response: {
    phaseId: 'ph-1',
    status: ResponseStatus.Submitted,
    submittedAt: '2026-03-03T10:00:00Z',
    answers: [{ questionId: Q, optionIds: ['o-2'] }],
  },
  results: {
    phaseId: 'ph-1',
    method: PhaseMethod.Poll,
    published: true,
    staff: false,
    responses: 9,
    questions: [
      {
        questionId: Q,
        type: QuestionType.SingleChoice,
        title: { fr: 'Quel jour ?' },
        answered: 9,
        brokenDown: true,
        options: [
          { optionId: 'o-1', label: { fr: 'Samedi' }, count: 6, percent: 66.7 },
          { optionId: 'o-2', label: { fr: 'Dimanche' } },
        ],
        distribution: [],
        textCount: 0,
        points: [],
      },
    ],
  },
};

describe('PollWidget', () => {
  beforeEach(async () => {
    for (const fn of [api.getSurvey, api.getPollState, api.answerPoll, api.withdrawPollAnswer]) vi.mocked(fn).mockReset();
    vi.mocked(api.getSurvey).mockResolvedValue(poll);
    await i18n.changeLanguage('fr');
  });

  it('asks for a choice, votes with one button and shows the results at once (table and chart)', async () => {
    vi.mocked(api.getPollState).mockResolvedValue(none);
    vi.mocked(api.answerPoll).mockResolvedValue(answered);
    const { user } = renderWithApp(
      <PollWidget phaseId="ph-1" decision={{ action: ParticipationAction.Answer, allowed: true }} signedIn resultsVisible />,
      '/projects/p-1',
    );
    const vote = await screen.findByRole('button', { name: 'Voter' });
    await user.click(vote);
    expect(api.answerPoll).not.toHaveBeenCalled();
    expect(screen.getByRole('group', { name: '1. Quel jour ? (obligatoire)' })).toHaveAccessibleDescription(
      'Répondez à cette question : elle est obligatoire.',
    );

    await user.click(screen.getByRole('radio', { name: 'Dimanche' }));
    await user.click(vote);
    expect(api.answerPoll).toHaveBeenCalledWith(
      'ph-1',
      { answers: [{ questionId: Q, optionIds: ['o-2'], otherText: undefined }] },
      undefined,
    );
    expect(await screen.findByText('Merci ! Votre réponse est enregistrée.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Question 1 : réponses par choix' });
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('Dimanchemoins de 5');
    expect(
      screen.getByRole('img', { name: 'Graphique de la question « Quel jour ? » : Samedi, 6 ; Dimanche, moins de 5.' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Changer ma réponse' })).toBeInTheDocument();
  });

  it('shows the earlier answer, withdraws it, and sends the browser token for visitors without an account', async () => {
    vi.mocked(api.getPollState).mockResolvedValue(answered);
    vi.mocked(api.withdrawPollAnswer).mockResolvedValue(none);
    const { user } = renderWithApp(
      <PollWidget phaseId="ph-1" decision={{ action: ParticipationAction.Answer, allowed: true }} signedIn={false} resultsVisible />,
      '/projects/p-1',
    );
    expect(await screen.findByRole('radio', { name: 'Dimanche' })).toBeChecked();
    const token = vi.mocked(api.getPollState).mock.calls[0][1];
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    await user.click(screen.getByRole('button', { name: 'Retirer ma réponse' }));
    expect(api.withdrawPollAnswer).toHaveBeenCalledWith('ph-1', token);
    expect(await screen.findByText('Votre réponse a été retirée.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Dimanche' })).not.toBeChecked();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says why one may not answer, in the visitor’s language', async () => {
    await i18n.changeLanguage('nl');
    vi.mocked(api.getPollState).mockResolvedValue(none);
    renderWithApp(
      <PollWidget
        phaseId="ph-1"
        decision={{ action: ParticipationAction.Answer, allowed: false, reason: RefusalReason.NotSignedIn }}
        signedIn={false}
        resultsVisible
      />,
      '/projects/p-1',
    );
    expect(await screen.findByText('Meld u aan om te antwoorden.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Peiling' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stemmen' })).not.toBeInTheDocument();
  });
});

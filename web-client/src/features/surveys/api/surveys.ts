import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  QuestionType,
  ResponseStatus,
  type Answer,
  type MyResponse,
  type PollState,
  type SaveSurveyRequest,
  type SurveyView,
} from '@contracts/participation-client';
import { api } from '@/api/client';
import { newIdempotencyKey } from '@/lib/idempotency';

/** Surveys, responses and results live under one root: a new session reads them again. */
export const surveyKeys = {
  all: ['surveys'] as const,
  survey: (phaseId: string) => [...surveyKeys.all, 'survey', phaseId] as const,
  mine: (phaseId: string) => [...surveyKeys.all, 'mine', phaseId] as const,
  results: (phaseId: string) => [...surveyKeys.all, 'results', phaseId] as const,
  texts: (questionId: string) => [...surveyKeys.all, 'texts', questionId] as const,
  poll: (phaseId: string) => [...surveyKeys.all, 'poll', phaseId] as const,
};

/** The questions' kinds; a poll offers the two choice kinds only. */
export const QUESTION_TYPES = Object.values(QuestionType);
export const POLL_TYPES: QuestionType[] = [QuestionType.SingleChoice, QuestionType.MultipleChoice];
export const POLL_MAX_QUESTIONS = 5;

export function hasOptions(type: string): boolean {
  return type === 'single_choice' || type === 'multiple_choice' || type === 'ranking';
}

/** The questionnaire of a survey or poll phase (what residents answer, what the builder edits). */
export const surveyQueryOptions = (phaseId: string) =>
  queryOptions({
    queryKey: surveyKeys.survey(phaseId),
    queryFn: ({ signal }) => api.getSurvey(phaseId, signal),
  });

/**
 * One's own response: none, a draft, or what was submitted; a visitor without an account is known by the browser
 * token they answered with (`token`), so they too see that they already answered.
 */
export const myResponseQueryOptions = (phaseId: string, token?: string) =>
  queryOptions({
    queryKey: surveyKeys.mine(phaseId),
    queryFn: ({ signal }) => api.getMyResponse(phaseId, token, signal),
  });

/** Results per question (403 for residents until the staff publish them). */
export const surveyResultsQueryOptions = (phaseId: string) =>
  queryOptions({
    queryKey: surveyKeys.results(phaseId),
    queryFn: ({ signal }) => api.getSurveyResults(phaseId, signal),
  });

/** The caller's poll answer (by account, or by browser token) and the results when they may see them. */
export const pollStateQueryOptions = (phaseId: string, token: string | undefined) =>
  queryOptions({
    queryKey: surveyKeys.poll(phaseId),
    queryFn: ({ signal }) => api.getPollState(phaseId, token, signal),
  });

export const TEXT_ANSWERS_PAGE = 20;

/** Free-text answers to one question, newest first ("Charger plus" asks for the next cursor). Staff only. */
export const textAnswersInfiniteQueryOptions = (questionId: string) =>
  infiniteQueryOptions({
    queryKey: surveyKeys.texts(questionId),
    queryFn: ({ pageParam, signal }) => api.listTextAnswers(questionId, pageParam, TEXT_ANSWERS_PAGE, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

const TOKEN_KEY = 'participation.respondentToken';

/**
 * The browser's random respondent token, for answering without an account when the phase lets everyone answer:
 * made once (128 random bits and more) and kept in localStorage, so the API counts one response per browser.
 */
export function respondentToken(): string {
  try {
    const stored = window.localStorage.getItem(TOKEN_KEY);
    if (stored && /^[0-9a-f]{64}$/.test(stored)) return stored;
  } catch {
    // no storage: a token for this visit only
  }
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  const token = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  try {
    window.localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // ignore
  }
  return token;
}

export function useSaveSurvey(phaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SaveSurveyRequest) => api.saveSurvey(phaseId, request),
    onSuccess: (view: SurveyView) => {
      queryClient.setQueryData(surveyKeys.survey(phaseId), view);
      return queryClient.invalidateQueries({ queryKey: surveyKeys.results(phaseId) });
    },
  });
}

export function useSaveDraft(phaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: Answer[]) => api.saveDraftResponse(phaseId, { answers }),
    onSuccess: (mine: MyResponse) => queryClient.setQueryData(surveyKeys.mine(phaseId), mine),
  });
}

/** Submit the response; `token` when answering without an account. */
export function useSubmitResponse(phaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // One key per press of « Envoyer »: a retried request is applied once.
    mutationFn: ({ answers, token }: { answers: Answer[]; token?: string }) =>
      api.submitResponse(phaseId, { answers }, token, newIdempotencyKey()),
    onSuccess: (submitted, { answers }) => {
      queryClient.setQueryData<MyResponse>(surveyKeys.mine(phaseId), {
        phaseId,
        status: ResponseStatus.Submitted,
        submittedAt: submitted.submittedAt,
        updatedAt: submitted.submittedAt,
        answers,
      });
      return queryClient.invalidateQueries({ queryKey: surveyKeys.results(phaseId) });
    },
  });
}

/** Answer, change or withdraw a poll answer; the state (and the results, when visible) comes back at once. */
export function usePollAnswer(phaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ answers, token }: { answers: Answer[] | null; token?: string }) =>
      answers ? api.answerPoll(phaseId, { answers }, token) : api.withdrawPollAnswer(phaseId, token),
    onSuccess: (state: PollState) => {
      queryClient.setQueryData(surveyKeys.poll(phaseId), state);
      queryClient.setQueryData(surveyKeys.mine(phaseId), state.response);
      if (state.results) queryClient.setQueryData(surveyKeys.results(phaseId), state.results);
      else void queryClient.invalidateQueries({ queryKey: surveyKeys.results(phaseId) });
    },
    // Refused (e.g. the phase just closed): read the state again.
    onError: () => queryClient.invalidateQueries({ queryKey: surveyKeys.poll(phaseId) }),
  });
}

/**
 * Download every submitted response as CSV through the generated client (an authenticated request with the same
 * bearer token and refresh as every call), then save the Blob under the server's file name. Never a replayable
 * public link. Throws what the generated client throws when the API refuses.
 */
export async function downloadResponsesCsv(phaseId: string, language: string): Promise<string> {
  const file = await api.exportSurveyResponses(phaseId, language);
  const name = file.fileName ?? `responses-${phaseId}.csv`;
  const href = URL.createObjectURL(file.data);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}

import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionPolicyDecision } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { findProblems, fromAnswers, toAnswers, type DraftAnswers, type Problem } from '../api/answers';
import { pollStateQueryOptions, respondentToken, surveyQueryOptions, usePollAnswer } from '../api/surveys';
import { QuestionField } from './question-field';
import { SurveyReason } from './survey-reason';
import { SurveyResultsView } from './survey-results';

export interface PollWidgetProps {
  phaseId: string;
  /** The current phase's `answer` decision (undefined while unknown). */
  decision: ActionPolicyDecision | undefined;
  signedIn: boolean;
  /** The staff, or everyone once the results are published. */
  resultsVisible: boolean;
  resendAction?: ReactNode;
}

/** A quick poll on the project page: choose, press « Voter », see the results at once; change or withdraw while it runs. */
export function PollWidget({ phaseId, decision, signedIn, resultsVisible, resendAction }: PollWidgetProps) {
  const { t } = useTranslation();
  // Visitors without an account are known by the browser's token (it finds their earlier answer when everyone may answer).
  const token = !signedIn ? respondentToken() : undefined;
  const survey = useQuery(surveyQueryOptions(phaseId));
  const state = useQuery({ ...pollStateQueryOptions(phaseId, token), retry: false });
  const answer = usePollAnswer(phaseId);
  const hasAnswered = state.data?.response.status === 'submitted';
  const results = state.data?.results;
  const [answers, setAnswers] = useState<DraftAnswers | null>(null);
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const sections = survey.data?.sections ?? [];
  const questions = sections.flatMap((s) => s.questions);
  // Until the person changes something, the form shows what they answered before.
  const shown: DraftAnswers = answers ?? (hasAnswered ? fromAnswers(sections, state.data!.response.answers) : {});

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = findProblems(questions, shown, true);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`poll-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setNotice(null);
    answer.mutate(
      { answers: toAnswers(sections, shown), token },
      {
        onSuccess: () => setNotice(t(hasAnswered ? 'surveys.poll.changed' : 'surveys.poll.thanks')),
      },
    );
  }

  function withdraw() {
    setNotice(null);
    answer.mutate(
      { answers: null, token },
      {
        onSuccess: () => {
          setAnswers({});
          setNotice(t('surveys.poll.withdrawn'));
        },
      },
    );
  }

  let body: ReactNode;
  if (survey.isPending || state.isPending) body = <Loading label={t('common.loading')} />;
  else if (survey.isError) body = <Alert variant="error" title={describeError(t, toApiError(survey.error))} />;
  else if (questions.length === 0) body = <p className="muted">{t('surveys.poll.empty')}</p>;
  else if (decision && !decision.allowed)
    body = <SurveyReason reason={decision.reason ?? 'not_permitted'} poll resendAction={resendAction} />;
  else {
    const error = answer.error ? toApiError(answer.error) : null;
    body = (
      <form className="form poll-form" noValidate onSubmit={send}>
        {questions.map((question, index) => (
          <QuestionField
            key={question.id}
            question={question}
            number={index + 1}
            answer={shown[question.id]}
            onChange={(value) => {
              setAnswers({ ...shown, [question.id]: value });
              if (problems[question.id]) setProblems(({ [question.id]: _fixed, ...rest }) => rest);
            }}
            error={
              problems[question.id]
                ? t(`surveys.answer.errors.${problems[question.id].key}`, problems[question.id].values)
                : error?.fieldErrors[`answers.${question.id}`]?.join(' ')
            }
            idPrefix="poll"
          />
        ))}
        {error && !Object.keys(error.fieldErrors).length ? (
          <Alert
            variant="error"
            role="alert"
            title={
              error.status === 403 && error.reason
                ? t(`surveys.reasons.${error.reason}`, { defaultValue: describeError(t, error) })
                : describeError(t, error)
            }
          />
        ) : null}
        <div className="form__actions">
          <Button type="submit" pending={answer.isPending && answer.variables?.answers !== null}>
            {hasAnswered ? t('surveys.poll.change') : t('surveys.poll.vote')}
          </Button>
          {hasAnswered ? (
            <Button variant="secondary" pending={answer.isPending && answer.variables?.answers === null} onClick={withdraw}>
              {t('surveys.poll.withdraw')}
            </Button>
          ) : null}
        </div>
      </form>
    );
  }

  return (
    <section className="panel poll-widget" aria-labelledby="poll-title">
      <h2 id="poll-title">{t('surveys.poll.title')}</h2>
      {body}
      <div role="status" className={notice ? 'alert alert--success' : 'visually-empty'}>
        {notice ? <p className="alert__title">{notice}</p> : null}
      </div>
      {hasAnswered && results ? (
        <div className="poll-results">
          <h3>{t('surveys.poll.results')}</h3>
          <SurveyResultsView results={results} headingLevel={3} compact />
        </div>
      ) : hasAnswered && !resultsVisible ? (
        <p className="muted">{t('surveys.poll.resultsLater')}</p>
      ) : null}
    </section>
  );
}

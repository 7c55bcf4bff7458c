import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, GetPlatformMapSettings, SurveySection } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';
import { localizedName } from '@/lib/roles';
import { answerErrorsByQuestion, findProblems, toAnswers, type DraftAnswers, type Problem } from '../api/answers';
import { QuestionField, questionFocusId } from './question-field';
import { LocalizedText } from '@/components/ui/localized-text';

export interface SurveyFormProps {
  sections: SurveySection[];
  initial?: DraftAnswers;
  idPrefix?: string;
  map?: GetPlatformMapSettings;
  /** Preview: everything works but nothing is sent. */
  preview?: boolean;
  /** Signed-in residents may keep a draft. */
  onSaveDraft?: (answers: Answer[]) => void;
  draftPending?: boolean;
  /** Said once a draft is saved (e.g. « Brouillon enregistré à 14:05. »). */
  draftNotice?: string | null;
  draftError?: unknown;
  onSubmit: (answers: Answer[]) => void;
  submitPending?: boolean;
  submitError?: unknown;
  /** A refusal's reason turned into words (403 with a reason). */
  describeRefusal?: (reason: string) => string;
}

/**
 * Answering a survey: one page per section with its progress, each question with its own message, an error
 * summary that takes the focus when sending fails, a draft to finish later.
 */
export function SurveyForm({
  sections,
  initial,
  idPrefix = 'survey',
  map,
  preview,
  onSaveDraft,
  draftPending,
  draftNotice,
  draftError,
  onSubmit,
  submitPending,
  submitError,
  describeRefusal,
}: SurveyFormProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const pages = sections.filter((s) => s.questions.length > 0);
  const [page, setPage] = useState(0);
  const [answers, setAnswers] = useState<DraftAnswers>(initial ?? {});
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [summaryShown, setSummaryShown] = useState(false);
  const [previewNotice, setPreviewNotice] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<string | null>(null);

  const numbers = new Map<string, number>();
  let n = 0;
  for (const s of pages) for (const q of s.questions) numbers.set(q.id, ++n);
  const pageOf = (questionId: string) => pages.findIndex((s) => s.questions.some((q) => q.id === questionId));

  const apiError = submitError ? toApiError(submitError) : draftError ? toApiError(draftError) : null;
  const apiByQuestion = apiError ? answerErrorsByQuestion(apiError.fieldErrors) : {};

  // After a failed send the API's messages may concern another page: show the first one.
  const lastError = useRef<unknown>(null);
  const failed = submitError ?? draftError ?? null;
  useEffect(() => {
    if (!failed || failed === lastError.current) return;
    lastError.current = failed;
    const ids = Object.keys(answerErrorsByQuestion(toApiError(failed).fieldErrors)).filter(Boolean);
    const first = pages.findIndex((s) => s.questions.some((q) => ids.includes(q.id)));
    if (first >= 0) setPage(first);
    setSummaryShown(true);
    window.setTimeout(() => summary.current?.focus(), 0);
  }, [failed, pages]);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    if (target === 'heading') heading.current?.focus();
    else document.getElementById(target)?.focus();
  }, [page]);

  if (pages.length === 0) return <p className="empty-state">{t('surveys.answer.noQuestions')}</p>;
  const current = pages[Math.min(page, pages.length - 1)];
  const last = page >= pages.length - 1;

  function messageFor(questionId: string): string | undefined {
    const p = problems[questionId];
    if (p) return t(`surveys.answer.errors.${p.key}`, p.values);
    const api = apiByQuestion[questionId];
    return api?.length ? api.join(' ') : undefined;
  }

  const allQuestions = pages.flatMap((s) => s.questions);
  const errored = allQuestions.filter((q) => messageFor(q.id));
  const stray = apiByQuestion[''] ?? [];

  function failWith(found: Record<string, Problem>) {
    setProblems(found);
    setSummaryShown(true);
    window.setTimeout(() => summary.current?.focus(), 0);
  }

  function goTo(next: number) {
    pendingFocus.current = 'heading';
    setPage(next);
    setSummaryShown(false);
  }

  function next() {
    const found = findProblems(current.questions, answers, true);
    if (Object.keys(found).length > 0) return failWith(found);
    setProblems({});
    goTo(page + 1);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!last) return next();
    const found = findProblems(allQuestions, answers, true);
    if (Object.keys(found).length > 0) {
      const first = pages.findIndex((s) => s.questions.some((q) => found[q.id]));
      if (first >= 0 && first !== page) setPage(first);
      return failWith(found);
    }
    setProblems({});
    setSummaryShown(false);
    if (preview) {
      setPreviewNotice(t('surveys.preview.wouldSend', { count: toAnswers(pages, answers).length }));
      return;
    }
    onSubmit(toAnswers(pages, answers));
  }

  function saveDraft() {
    // A draft may leave required questions empty, but what is there must be valid.
    const found = findProblems(allQuestions, answers, false);
    if (Object.keys(found).length > 0) return failWith(found);
    setProblems({});
    onSaveDraft?.(toAnswers(pages, answers));
  }

  function focusQuestion(questionId: string) {
    const question = allQuestions.find((q) => q.id === questionId)!;
    const target = questionFocusId(idPrefix, question);
    const p = pageOf(questionId);
    if (p !== page) {
      pendingFocus.current = target;
      setPage(p);
    } else document.getElementById(target)?.focus();
  }

  let summaryTitle: string | null = null;
  if (summaryShown && (errored.length > 0 || stray.length > 0))
    summaryTitle = t('surveys.answer.summaryTitle', { count: errored.length || stray.length });
  else if (summaryShown && apiError)
    summaryTitle =
      apiError.status === 403 && apiError.reason && describeRefusal ? describeRefusal(apiError.reason) : describeError(t, apiError);

  const sectionTitle = localizedName(current.title, language) ? (
    <LocalizedText value={current.title} />
  ) : pages.length > 1 ? (
    t('surveys.answer.pageTitle', { n: page + 1 })
  ) : (
    t('surveys.answer.questions')
  );
  const description = localizedName(current.description, language);

  return (
    <form className="form survey-form" noValidate onSubmit={submit} aria-labelledby={`${idPrefix}-page-title`}>
      <div
        ref={summary}
        tabIndex={-1}
        className={summaryTitle ? 'alert alert--error' : 'visually-empty'}
        aria-labelledby={summaryTitle ? `${idPrefix}-summary-title` : undefined}
      >
        {summaryTitle ? (
          <>
            <p className="alert__title" id={`${idPrefix}-summary-title`}>
              {summaryTitle}
            </p>
            {errored.length > 0 ? (
              <ul className="alert__list">
                {errored.map((q) => (
                  <li key={q.id}>
                    <a
                      href={`#${questionFocusId(idPrefix, q)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        focusQuestion(q.id);
                      }}
                    >
                      {t('surveys.answer.summaryItem', {
                        number: numbers.get(q.id),
                        title: localizedName(q.title, language),
                        message: messageFor(q.id),
                      })}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {stray.length > 0 ? <p className="alert__body">{stray.join(' ')}</p> : null}
          </>
        ) : null}
      </div>
      {pages.length > 1 ? (
        <div className="survey-progress">
          <p id={`${idPrefix}-progress`} className="survey-progress__text">
            {t('surveys.answer.progress', { page: page + 1, count: pages.length })}
          </p>
          <progress className="survey-progress__bar" max={pages.length} value={page + 1} aria-labelledby={`${idPrefix}-progress`} />
        </div>
      ) : null}
      <h2 id={`${idPrefix}-page-title`} ref={heading} tabIndex={-1}>
        {sectionTitle}
      </h2>
      {description ? (
        <p className="plain-text">
          <LocalizedText value={current.description} />
        </p>
      ) : null}
      <p className="muted">{t('surveys.answer.requiredNote')}</p>
      {current.questions.map((question) => (
        <QuestionField
          key={question.id}
          question={question}
          number={numbers.get(question.id)!}
          answer={answers[question.id]}
          onChange={(answer) => {
            setAnswers((all) => ({ ...all, [question.id]: answer }));
            // A question being corrected stops being reported (the summary keeps the others).
            if (problems[question.id]) setProblems(({ [question.id]: _fixed, ...rest }) => rest);
          }}
          error={messageFor(question.id)}
          idPrefix={idPrefix}
          map={map}
        />
      ))}
      <StatusMessage>{previewNotice ?? draftNotice}</StatusMessage>
      <div className="form__actions survey-form__actions">
        {page > 0 ? (
          <Button variant="secondary" onClick={() => goTo(page - 1)}>
            {t('surveys.answer.previous')}
          </Button>
        ) : null}
        {last ? (
          <Button type="submit" pending={submitPending}>
            {t('surveys.answer.submit')}
          </Button>
        ) : (
          <Button type="submit">{t('surveys.answer.next')}</Button>
        )}
        {onSaveDraft && !preview ? (
          <Button variant="secondary" pending={draftPending} onClick={saveDraft}>
            {t('surveys.answer.saveDraft')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionPolicyDecision } from '@contracts/participation-client';
import { formatDateTime } from '@/lib/format';
import { myResponseQueryOptions, respondentToken } from '../api/surveys';
import { SurveyReason } from './survey-reason';

export interface SurveyEntryProps {
  phaseId: string;
  /** The answering page. */
  answerHref: string;
  /** The results page, when the visitor may read it. */
  resultsHref?: string;
  /** The current phase's `answer` decision (undefined while unknown). */
  decision: ActionPolicyDecision | undefined;
  signedIn: boolean;
  resendAction?: ReactNode;
}

/** The project page's way into the current survey: answer it, finish a draft, or read what you sent. */
export function SurveyEntry({ phaseId, answerHref, resultsHref, decision, signedIn, resendAction }: SurveyEntryProps) {
  const { t, i18n } = useTranslation();
  const mine = useQuery({ ...myResponseQueryOptions(phaseId, signedIn ? undefined : respondentToken()), retry: false });
  const status = mine.data?.status ?? 'none';
  let body: ReactNode;
  if (status === 'submitted') {
    body = (
      <>
        <p>{t('surveys.entry.submitted', { date: formatDateTime(mine.data!.submittedAt ?? '', i18n.language) })}</p>
        <p>
          <Link to={answerHref}>{t('surveys.entry.seeMine')}</Link>
        </p>
      </>
    );
  } else if (decision?.allowed || status === 'draft') {
    body = (
      <>
        {status === 'draft' ? <p>{t('surveys.entry.draft', { date: formatDateTime(mine.data!.updatedAt ?? '', i18n.language) })}</p> : null}
        <p>
          <Link className="button button--primary" to={answerHref}>
            {status === 'draft' ? t('surveys.entry.resume') : t('surveys.entry.answer')}
          </Link>
        </p>
      </>
    );
  } else if (decision) {
    body = <SurveyReason reason={decision.reason ?? 'not_permitted'} resendAction={resendAction} />;
  } else {
    body = <p className="muted">{t('surveys.reasons.phase_not_active')}</p>;
  }
  return (
    <section className="panel survey-entry" aria-labelledby="survey-entry-title">
      <h2 id="survey-entry-title">{t('surveys.entry.title')}</h2>
      {body}
      {resultsHref ? (
        <p>
          <Link to={resultsHref}>{t('surveys.entry.results')}</Link>
        </p>
      ) : null}
    </section>
  );
}

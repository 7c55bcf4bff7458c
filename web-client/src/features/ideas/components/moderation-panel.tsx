import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ReviewDecision, type GetIdeaResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField } from '@/components/ui/select-field';
import { StatusMessage } from '@/components/ui/status-message';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { oneOf } from '@/lib/closed-sets';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { IDEA_STATUSES, useChangeIdeaStatus, useHideIdea, useReviewIdea } from '../api/ideas';
import { useIdeaStatusLabel } from './idea-status-badge';

export interface ModerationPanelProps {
  idea: GetIdeaResponse;
  /** Who signs official feedback when the field is left empty (the project's department). */
  defaultSignature?: string;
}

interface FormProps extends ModerationPanelProps {
  onDone: (message: string) => void;
}

const SIGNATURE_MAX = 160;
const REASON_MAX = 1000;

/** The project's staff decide: pre-moderation, status and official feedback, hiding. */
export function ModerationPanel({ idea, defaultSignature }: ModerationPanelProps) {
  const { t } = useTranslation();
  const [message, onDone] = useState<string | null>(null);
  const state = idea.visibility.state;
  return (
    <section className="panel moderation" aria-labelledby="moderation-title">
      <h2 id="moderation-title">{t('ideas.moderation.title')}</h2>
      <StatusMessage>{message}</StatusMessage>
      {state === 'prescreening' ? (
        <ReviewForm idea={idea} onDone={onDone} />
      ) : state === 'withdrawn' ? (
        <p className="muted">{t('ideas.moderation.withdrawn')}</p>
      ) : (
        <>
          <StatusForm idea={idea} defaultSignature={defaultSignature} onDone={onDone} />
          <HideForm idea={idea} onDone={onDone} />
        </>
      )}
    </section>
  );
}

function StatusForm({ idea, defaultSignature, onDone }: FormProps) {
  const { t } = useTranslation();
  const statusLabel = useIdeaStatusLabel();
  const change = useChangeIdeaStatus();
  const [status, setStatus] = useState(idea.status);
  const [feedback, setFeedback] = useState('');
  const [signedAs, setSignedAs] = useState('');
  const apiError = change.error ? toApiError(change.error) : null;
  const errors = mergeFieldErrors(apiError, {});
  const fields = [
    { key: 'status', id: 'moderation-status', label: t('ideas.moderation.status') },
    { key: 'feedback', id: 'moderation-feedback', label: t('ideas.moderation.feedback') },
    { key: 'signedAs', id: 'moderation-signed-as', label: t('ideas.moderation.signedAs') },
  ];
  const summary = apiError ? describeError(t, apiError) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.mutate(
      { id: idea.id, request: { status, feedback: feedback.trim() || undefined, signedAs: signedAs.trim() || undefined } },
      {
        onSuccess: (updated) => {
          setFeedback('');
          onDone(t('ideas.moderation.saved', { status: statusLabel(updated.status) }));
        },
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="moderation-status-title">
      <h3 id="moderation-status-title">{t('ideas.moderation.statusTitle')}</h3>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <SelectField
        id="moderation-status"
        label={t('ideas.moderation.status')}
        value={status}
        onChange={(e) => setStatus(oneOf(IDEA_STATUSES, e.target.value) ?? status)}
        errors={errors.status}
        options={IDEA_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
      />
      <RichTextEditor
        id="moderation-feedback"
        label={t('ideas.moderation.feedback')}
        hint={t('ideas.moderation.feedbackHint')}
        value={feedback}
        onChange={setFeedback}
        errors={errors.feedback}
      />
      <TextField
        id="moderation-signed-as"
        label={t('ideas.moderation.signedAs')}
        hint={
          defaultSignature ? t('ideas.moderation.signedAsHint', { service: defaultSignature }) : t('ideas.moderation.signedAsHintGeneric')
        }
        maxLength={SIGNATURE_MAX}
        value={signedAs}
        onChange={(e) => setSignedAs(e.target.value)}
        errors={errors.signedAs}
      />
      <div className="form__actions">
        <Button type="submit" pending={change.isPending}>
          {t('ideas.moderation.save')}
        </Button>
      </div>
    </form>
  );
}

function HideForm({ idea, onDone }: Omit<FormProps, 'defaultSignature'>) {
  const { t } = useTranslation();
  const hide = useHideIdea();
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const apiError = hide.error ? toApiError(hide.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const hidden = idea.visibility.state === 'hidden';
  const summary = Object.keys(clientErrors).length > 0 ? t('errors.fieldsInvalid') : apiError ? describeError(t, apiError) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = hidden || reason.trim() ? {} : { reason: [t('ideas.moderation.hideReasonRequired')] };
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      hide.reset();
      return;
    }
    hide.mutate(
      { idea, hide: !hidden, reason: hidden ? undefined : reason.trim() },
      {
        onSuccess: () => {
          setReason('');
          onDone(t(hidden ? 'ideas.moderation.unhidden' : 'ideas.moderation.hidden'));
        },
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="moderation-hide-title">
      <h3 id="moderation-hide-title">{t('ideas.moderation.visibilityTitle')}</h3>
      <FormErrorSummary message={summary} />
      {hidden ? (
        <p>{t('ideas.moderation.hiddenNow')}</p>
      ) : (
        <TextAreaField
          id="moderation-hide-reason"
          label={t('ideas.moderation.hideReason')}
          hint={t('ideas.moderation.hideReasonHint')}
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={errors.reason}
        />
      )}
      <div className="form__actions">
        <Button type="submit" variant="secondary" pending={hide.isPending}>
          {hidden ? t('ideas.moderation.unhide') : t('ideas.moderation.hide')}
        </Button>
      </div>
    </form>
  );
}

function ReviewForm({ idea, onDone }: Omit<FormProps, 'defaultSignature'>) {
  const { t } = useTranslation();
  const review = useReviewIdea();
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const apiError = review.error ? toApiError(review.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const summary = Object.keys(clientErrors).length > 0 ? t('errors.fieldsInvalid') : apiError ? describeError(t, apiError) : null;

  function decide(decision: ReviewDecision) {
    const found: FieldErrors = decision === 'reject' && !reason.trim() ? { reason: [t('ideas.moderation.review.reasonRequired')] } : {};
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      review.reset();
      return;
    }
    review.mutate(
      { idea, decision, reason: reason.trim() || undefined },
      { onSuccess: () => onDone(t(decision === 'approve' ? 'ideas.moderation.review.approved' : 'ideas.moderation.review.rejected')) },
    );
  }

  return (
    <form className="form" noValidate onSubmit={(e) => e.preventDefault()} aria-labelledby="moderation-review-title">
      <h3 id="moderation-review-title">{t('ideas.moderation.review.title')}</h3>
      <p>{t('ideas.moderation.review.intro')}</p>
      <FormErrorSummary message={summary} />
      <TextAreaField
        id="moderation-review-reason"
        label={t('ideas.moderation.review.reason')}
        hint={t('ideas.moderation.review.reasonHint')}
        rows={3}
        maxLength={REASON_MAX}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={errors.reason}
      />
      <div className="form__actions">
        <Button pending={review.isPending} onClick={() => decide(ReviewDecision.Approve)}>
          {t('ideas.moderation.review.approve')}
        </Button>
        <Button variant="secondary" pending={review.isPending} onClick={() => decide(ReviewDecision.Reject)}>
          {t('ideas.moderation.review.reject')}
        </Button>
      </div>
    </form>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BulkOutcome, type ChangeIdeaStatusesResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { oneOf } from '@/lib/closed-sets';
import { feedbackTemplatesQueryOptions, SETTABLE_STATUSES, useBulkStatusChange } from '../api/ideas-manager';

export interface BulkActionBarProps {
  projectId: string;
  /** The chosen ideas, by id, with their titles (to name them in the outcomes). */
  selected: readonly { id: string; title: string }[];
  /** After a change was applied: the selection is emptied. */
  onApplied: () => void;
  onManageTemplates: () => void;
}

interface Outcome {
  id: string;
  title: string;
  outcome: BulkOutcome;
  reason?: string;
}

/**
 * Answers the chosen ideas at once: a status (or keep each one's), official feedback typed or taken from a template, the
 * service it is signed by. Enter in a field applies (after a confirmation); the outcome of each idea is announced.
 */
export function BulkActionBar({ projectId, selected, onApplied, onManageTemplates }: BulkActionBarProps) {
  const { t } = useTranslation();
  const templates = useQuery(feedbackTemplatesQueryOptions(projectId));
  const change = useBulkStatusChange(projectId);
  const [status, setStatus] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [feedback, setFeedback] = useState('');
  const [signedAs, setSignedAs] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ id: string; title: string }[] | null>(null);
  const [outcomes, setOutcomes] = useState<{ response: ChangeIdeaStatusesResponse; items: Outcome[] } | null>(null);
  const outcomesHeading = useRef<HTMLHeadingElement>(null);
  const chosenStatus = oneOf(SETTABLE_STATUSES, status);
  // Templates for the chosen status, and those written for any status.
  const usable = (templates.data?.items ?? []).filter((tpl) => !tpl.status || !chosenStatus || tpl.status === chosenStatus);
  const apiErrors = change.error ? toApiError(change.error).fieldErrors : {};

  function chooseTemplate(id: string) {
    setTemplateId(id);
    const template = templates.data?.items.find((tpl) => tpl.id === id);
    if (template) setFeedback(template.body);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setOutcomes(null);
    change.reset();
    const missing =
      selected.length === 0
        ? t('ideasManager.bulk.noneSelected')
        : !chosenStatus && feedback.trim() === ''
          ? t('ideasManager.bulk.nothingToApply')
          : null;
    setProblem(missing);
    if (!missing) setConfirming([...selected]);
  }

  function apply(ideas: { id: string; title: string }[]) {
    change.mutate(
      {
        request: {
          ideaIds: ideas.map((i) => i.id),
          status: chosenStatus,
          feedback: feedback.trim() || undefined,
          templateId: feedback.trim() ? undefined : templateId || undefined,
          signedAs: signedAs.trim() || undefined,
        },
      },
      {
        onSuccess: (response) => {
          const titles = new Map(ideas.map((i) => [i.id, i.title]));
          setOutcomes({
            response,
            items: response.results.map((r) => ({
              id: r.ideaId,
              title: titles.get(r.ideaId) ?? r.ideaId,
              outcome: r.outcome,
              reason: r.reason,
            })),
          });
          setConfirming(null);
          setStatus('');
          setTemplateId('');
          setFeedback('');
          onApplied();
          // After the dialog gave focus back: the outcomes.
          window.setTimeout(() => outcomesHeading.current?.focus(), 0);
        },
        onError: () => setConfirming(null),
      },
    );
  }

  const error = change.error ? describeError(t, toApiError(change.error)) : problem;
  return (
    <section className="panel bulk-bar" aria-labelledby="bulk-title">
      <h3 id="bulk-title">{t('ideasManager.bulk.title')}</h3>
      <p className="bulk-bar__count">{t('ideasManager.bulk.selected', { count: selected.length })}</p>
      <form className="form bulk-bar__form" onSubmit={submit} noValidate>
        <SelectField
          id="bulk-status"
          label={t('ideasManager.bulk.status')}
          value={status}
          errors={apiErrors.status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: '', label: t('ideasManager.bulk.keepStatus') },
            ...SETTABLE_STATUSES.map((s) => ({ value: s, label: t(`ideas.status.${s}`) })),
          ]}
        />
        <div className="bulk-bar__template">
          <SelectField
            id="bulk-template"
            label={t('ideasManager.bulk.template')}
            value={templateId}
            errors={apiErrors.templateId}
            onChange={(e) => chooseTemplate(e.target.value)}
            options={[
              { value: '', label: t('ideasManager.bulk.noTemplate') },
              ...usable.map((tpl) => ({ value: tpl.id, label: tpl.title })),
            ]}
          />
          <Button variant="link" onClick={onManageTemplates}>
            {t('ideasManager.templates.manage')}
          </Button>
        </div>
        <RichTextEditor
          id="bulk-feedback"
          label={t('ideasManager.bulk.feedback')}
          hint={t('ideasManager.bulk.feedbackHint')}
          value={feedback}
          errors={apiErrors.feedback}
          onChange={setFeedback}
        />
        <TextField
          id="bulk-signed-as"
          label={t('ideasManager.bulk.signedAs')}
          hint={t('ideasManager.bulk.signedAsHint')}
          maxLength={160}
          value={signedAs}
          errors={apiErrors.signedAs}
          onChange={(e) => setSignedAs(e.target.value)}
        />
        <div role="alert" className={error ? 'alert alert--error' : 'visually-empty'}>
          {error ? <p className="alert__title">{error}</p> : null}
          {apiErrors.ideaIds ? <p>{apiErrors.ideaIds.join(' ')}</p> : null}
        </div>
        <div className="form__actions">
          <Button type="submit" pending={change.isPending}>
            {t('ideasManager.bulk.apply', { count: selected.length })}
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite" className={outcomes ? 'bulk-outcomes' : 'visually-empty'}>
        {outcomes ? (
          <>
            <h4 ref={outcomesHeading} tabIndex={-1}>
              {t('ideasManager.bulk.outcomes', { changed: outcomes.response.changed, refused: outcomes.response.refused })}
            </h4>
            <ul className="bulk-outcomes__list">
              {outcomes.items.map((o) => (
                <li key={o.id}>
                  {o.outcome === BulkOutcome.Changed
                    ? t('ideasManager.bulk.changed', { title: o.title })
                    : t('ideasManager.bulk.refused', {
                        title: o.title,
                        reason: t(`ideasManager.refusals.${o.reason ?? 'unknown'}`, { defaultValue: o.reason ?? '' }),
                      })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <Dialog open={confirming !== null} title={t('ideasManager.bulk.confirmTitle')} onClose={() => setConfirming(null)}>
        {confirming ? (
          <>
            <p>
              {chosenStatus
                ? t('ideasManager.bulk.confirmStatus', { count: confirming.length, status: t(`ideas.status.${chosenStatus}`) })
                : t('ideasManager.bulk.confirmFeedback', { count: confirming.length })}
            </p>
            {feedback.trim() ? (
              <blockquote className="bulk-bar__quote">
                {/* The editor's document (its schema is the API's allow-list) or a template the API sanitised. */}
                <div className="rich-text plain-text" dangerouslySetInnerHTML={{ __html: feedback.trim() }} />
                {signedAs.trim() ? <footer>{signedAs.trim()}</footer> : null}
              </blockquote>
            ) : null}
            <ul className="bulk-bar__confirm-list">
              {confirming.map((i) => (
                <li key={i.id}>{i.title}</li>
              ))}
            </ul>
            <div className="form__actions">
              <Button pending={change.isPending} onClick={() => apply(confirming)}>
                {t('ideasManager.bulk.confirm', { count: confirming.length })}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </Button>
            </div>
          </>
        ) : null}
      </Dialog>
    </section>
  );
}

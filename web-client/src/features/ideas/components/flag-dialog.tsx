import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlagContentRequest, FlagContentResponse, FlagReason } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextAreaField } from '@/components/ui/textarea-field';
import { mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { FLAG_REASONS } from '../api/ideas';

export interface FlagDialogProps {
  open: boolean;
  title: string;
  /** Prefix for the fields' ids (several dialogs can live on one page). */
  idPrefix: string;
  pending: boolean;
  error: unknown;
  onSubmit: (request: FlagContentRequest, done: (result: FlagContentResponse) => void) => void;
  onClose: () => void;
  /** Called after a successful report, with what to announce. */
  onFlagged: (message: string) => void;
}

const DETAILS_MAX = 1000;

/** Report an idea or a comment: spam, inappropriate, or other (then an explanation is required). */
export function FlagDialog({ open, title, idPrefix, pending, error, onSubmit, onClose, onFlagged }: FlagDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <FlagForm idPrefix={idPrefix} pending={pending} error={error} onSubmit={onSubmit} onCancel={onClose} onFlagged={onFlagged} />
    </Dialog>
  );
}

type FlagFormProps = Pick<FlagDialogProps, 'idPrefix' | 'pending' | 'error' | 'onSubmit' | 'onFlagged'> & { onCancel: () => void };

function FlagForm({ idPrefix, pending, error, onSubmit, onCancel, onFlagged }: FlagFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<FlagReason | ''>('');
  const [details, setDetails] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const apiError = submitted && error ? toApiError(error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const reasonErrors = errors.reason;
  const summary = Object.keys(clientErrors).length > 0 ? t('errors.fieldsInvalid') : apiError ? describeError(t, apiError) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!reason) found.reason = [t('ideas.flag.reasonRequired')];
    if (reason === 'other' && !details.trim()) found.details = [t('ideas.flag.detailsRequired')];
    setClientErrors(found);
    setSubmitted(true);
    if (Object.keys(found).length > 0 || !reason) return;
    onSubmit({ reason, details: details.trim() || undefined }, (result) =>
      onFlagged(result.hidden ? t('ideas.flag.doneHidden') : t('ideas.flag.done')),
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} />
      <fieldset
        className={['fieldset fieldset--plain', reasonErrors ? 'field--invalid' : ''].join(' ').trim()}
        aria-describedby={reasonErrors ? `${idPrefix}-reason-error` : undefined}
      >
        <legend className="field__label">{t('ideas.flag.reason')}</legend>
        {reasonErrors ? (
          <p className="field__error" id={`${idPrefix}-reason-error`}>
            {reasonErrors.join(' ')}
          </p>
        ) : null}
        {FLAG_REASONS.map((value) => (
          <div className="choice" key={value}>
            <input
              type="radio"
              id={`${idPrefix}-reason-${value}`}
              name={`${idPrefix}-reason`}
              value={value}
              checked={reason === value}
              onChange={() => setReason(value)}
            />
            <label htmlFor={`${idPrefix}-reason-${value}`}>{t(`ideas.flag.reasons.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        id={`${idPrefix}-details`}
        label={reason === 'other' ? t('ideas.flag.detailsRequiredLabel') : t('ideas.flag.details')}
        hint={t('ideas.flag.detailsHint')}
        rows={4}
        maxLength={DETAILS_MAX}
        required={reason === 'other'}
        value={details}
        onChange={(e) => setDetails(e.target.value)}
        errors={errors.details}
      />
      <div className="form__actions">
        <Button type="submit" pending={pending}>
          {t('ideas.flag.submit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

export interface FlagButtonProps extends Omit<FlagDialogProps, 'open' | 'onClose'> {
  label: string;
  /** A link-like button among a comment's actions; a bordered one elsewhere. */
  variant?: 'secondary' | 'link';
}

/** A « Signaler » button and its dialog; the dialog closes once the report is taken. */
export function FlagButton({ label, variant = 'secondary', onSubmit, onFlagged, ...dialog }: FlagButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} className={variant === 'link' ? 'button--small' : undefined} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <FlagDialog
        {...dialog}
        open={open}
        onClose={() => setOpen(false)}
        onSubmit={(request, done) =>
          onSubmit(request, (result) => {
            setOpen(false);
            done(result);
          })
        }
        onFlagged={onFlagged}
      />
    </>
  );
}

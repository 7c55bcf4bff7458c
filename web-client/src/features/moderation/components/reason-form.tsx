import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/textarea-field';

export interface ReasonFormProps {
  id: string;
  intro: string;
  confirmLabel: string;
  pending: boolean;
  /** The failed decision, if any: its `reason` field errors go beside the field. */
  error: unknown;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}

/** Asks for the reason of a decision (required: the author reads it). */
export function ReasonForm({ id, intro, confirmLabel, pending, error, onCancel, onSubmit }: ReasonFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [clientError, setClientError] = useState<string[] | undefined>();
  const apiError = error ? toApiError(error) : null;
  const errors = clientError ?? apiError?.fieldErrors.reason;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = reason.trim() ? undefined : [t('moderation.reasonRequired')];
    setClientError(problem);
    if (!problem) onSubmit(reason.trim());
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p>{intro}</p>
      <div role="alert" className={apiError && !errors ? 'alert alert--error' : 'visually-empty'}>
        {apiError && !errors ? <p className="alert__title">{describeError(t, apiError)}</p> : null}
      </div>
      <TextAreaField
        id={`${id}-reason`}
        label={t('moderation.reason')}
        hint={t('moderation.reasonHint')}
        required
        rows={4}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={errors}
      />
      <div className="form__actions">
        <Button type="submit" className="button--danger" pending={pending}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';

/** The bounds the API keeps (SetAccountRetention.MinMonths / MaxMonths). */
export const RETENTION_MIN_MONTHS = 12;
export const RETENTION_MAX_MONTHS = 120;
/** How long before the deletion the person is warned by e-mail (AccountRetentionJob.WarningDays). */
export const RETENTION_WARNING_DAYS = 30;

export interface AccountRetentionFormProps {
  /** The retention in force: months without a sign-in, or null/undefined when off. */
  months: number | null | undefined;
  pending: boolean;
  error: unknown;
  saved: boolean;
  /** Months to keep inactive accounts, or null to turn the deletion off. */
  onSubmit: (months: number | null) => void;
  onResetError: () => void;
}

/**
 * The retention of inactive accounts (admins): off, or a number of months without a sign-in after which a resident's
 * account is deleted, after an e-mail warning. Explained beside the fields; saved on its own.
 */
export function AccountRetentionForm({ months, pending, error, saved, onSubmit, onResetError }: AccountRetentionFormProps) {
  const { t } = useTranslation();
  const [on, setOn] = useState(months !== null && months !== undefined);
  const [value, setValue] = useState(months ? String(months) : '24');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState<number | null>(months ?? null);
  const apiError = error ? toApiError(error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const label = t('accountRetention.months');
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);
  const summaryFields = erroredFields(errors, [{ key: 'inactiveAccountRetentionMonths', id: 'retention-months', label }]);
  const range = { min: RETENTION_MIN_MONTHS, max: RETENTION_MAX_MONTHS };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    const parsed = Number(value.trim());
    if (on && (!/^\d+$/.test(value.trim()) || parsed < RETENTION_MIN_MONTHS || parsed > RETENTION_MAX_MONTHS))
      found.inactiveAccountRetentionMonths = [t('accountRetention.range', range)];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      onResetError();
      return;
    }
    setSubmitted(on ? parsed : null);
    onSubmit(on ? parsed : null);
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="retention-title">
      <h2 id="retention-title">{t('accountRetention.title')}</h2>
      <p>{t('accountRetention.explanation', { days: RETENTION_WARNING_DAYS })}</p>
      <p>{t('accountRetention.never')}</p>
      <StatusMessage>
        {saved ? t(submitted ? 'accountRetention.savedOn' : 'accountRetention.savedOff', { months: submitted }) : null}
      </StatusMessage>
      <FormErrorSummary message={summary} fields={summary ? summaryFields : []} />
      <div className="choice">
        <input id="retention-on" type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} />
        <label htmlFor="retention-on">{t('accountRetention.enable')}</label>
      </div>
      {on ? (
        <TextField
          id="retention-months"
          label={label}
          hint={t('accountRetention.hint', range)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={3}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          errors={errors.inactiveAccountRetentionMonths}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" disabled={pending}>
          {t('accountRetention.save')}
        </Button>
      </div>
    </form>
  );
}

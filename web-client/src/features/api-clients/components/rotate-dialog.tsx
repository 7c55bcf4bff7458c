import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextField } from '@/components/ui/text-field';
import { mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { DEFAULT_OVERLAP_HOURS, OVERLAP_MAX_HOURS, wholeNumber } from './api-client-rules';

export interface RotateDialogProps {
  client: ApiClient | null;
  pending: boolean;
  error: unknown;
  onRotate: (overlapHours: number) => void;
  onCancel: () => void;
  onResetError: () => void;
}

/** Asks how long the current secrets keep working (0 to 168 hours, 24 by default) before a new secret is made. */
export function RotateDialog({ client, pending, error, onRotate, onCancel, onResetError }: RotateDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={client !== null} title={client ? t('apiClients.rotate.title', { name: client.name }) : ''} onClose={onCancel}>
      {client ? <RotateForm pending={pending} error={error} onRotate={onRotate} onCancel={onCancel} onResetError={onResetError} /> : null}
    </Dialog>
  );
}

function RotateForm({ pending, error, onRotate, onCancel, onResetError }: Omit<RotateDialogProps, 'client'>) {
  const { t } = useTranslation();
  const [hours, setHours] = useState(String(DEFAULT_OVERLAP_HOURS));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const apiError = error ? toApiError(error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError, { 409: t('apiClients.rotate.revoked') });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = wholeNumber(hours);
    if (value === null || value > OVERLAP_MAX_HOURS) {
      setClientErrors({ overlapHours: [t('apiClients.rotate.overlapRange', { max: OVERLAP_MAX_HOURS })] });
      onResetError();
      return;
    }
    setClientErrors({});
    onRotate(value);
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p>{t('apiClients.rotate.body')}</p>
      <FormErrorSummary message={summary} />
      <TextField
        id="api-client-overlap"
        type="number"
        inputMode="numeric"
        min={0}
        max={OVERLAP_MAX_HOURS}
        label={t('apiClients.rotate.overlap')}
        hint={t('apiClients.rotate.overlapHint', { max: OVERLAP_MAX_HOURS, default: DEFAULT_OVERLAP_HOURS })}
        value={hours}
        onChange={(e) => setHours(e.target.value)}
        errors={errors.overlapHours}
      />
      <div className="form__actions">
        <Button type="submit" pending={pending}>
          {t('apiClients.rotate.confirm')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

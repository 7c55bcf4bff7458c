import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientScope, EventType, Webhook } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { EVENT_TYPE_GROUPS } from '../api/webhooks';

export const WEBHOOK_URL_MAX = 2000;
export const WEBHOOK_DESCRIPTION_MAX = 1000;

export interface WebhookDraft {
  url: string;
  description: string;
  eventTypes: EventType[];
}

export interface WebhookFormProps {
  idPrefix: string;
  webhook?: Webhook;
  /** The client's scopes: event types it cannot read are not offered. */
  scopes: readonly ClientScope[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: WebhookDraft) => void;
  onCancel: () => void;
  onResetError: () => void;
}

/** A webhook's receiver URL, its event types (grouped by resource, as checkboxes) and a description. */
export function WebhookForm({
  idPrefix,
  webhook,
  scopes,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  onResetError,
}: WebhookFormProps) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [types, setTypes] = useState<EventType[]>(webhook?.eventTypes ?? []);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const id = (field: string) => `${idPrefix}-${field}`;
  const apiError = error ? toApiError(error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const groups = EVENT_TYPE_GROUPS.filter((g) => scopes.includes(g.scope));
  const firstType = groups[0]?.types[0];
  const labels = { url: t('webhooks.form.url'), eventTypes: t('webhooks.form.eventTypes'), description: t('webhooks.form.description') };
  const fieldIds = { url: id('url'), eventTypes: firstType ? id(`type-${firstType}`) : id('url'), description: id('description') };

  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);
  const summaryFields = erroredFields(
    errors,
    (Object.keys(labels) as (keyof typeof labels)[]).map((key) => ({ key, id: fieldIds[key], label: labels[key] })),
  );

  function toggle(type: EventType, on: boolean) {
    setTypes((current) => (on ? [...current, type] : current.filter((x) => x !== type)));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    const trimmed = url.trim();
    if (!trimmed) found.url = [t('forms.required')];
    else if (!/^https?:\/\/\S+$/i.test(trimmed) || trimmed.length > WEBHOOK_URL_MAX) found.url = [t('webhooks.form.urlInvalid')];
    if (types.length === 0) found.eventTypes = [t('webhooks.form.eventTypesRequired')];
    if (description.length > WEBHOOK_DESCRIPTION_MAX) found.description = [t('forms.tooLong', { max: WEBHOOK_DESCRIPTION_MAX })];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      onResetError();
      return;
    }
    onSubmit({ url: trimmed, description: description.trim(), eventTypes: types });
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} fields={summary ? summaryFields : []} />
      <TextField
        id={id('url')}
        type="url"
        label={labels.url}
        hint={t('webhooks.form.urlHint')}
        required
        maxLength={WEBHOOK_URL_MAX}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        errors={errors.url}
      />
      <fieldset className="fieldset" aria-describedby={errors.eventTypes ? id('types-error') : undefined}>
        <legend className="fieldset__legend">{labels.eventTypes}</legend>
        {errors.eventTypes ? (
          <p className="field__error" id={id('types-error')}>
            {errors.eventTypes.join(' ')}
          </p>
        ) : null}
        {groups.length === 0 ? <p className="muted">{t('webhooks.form.noScopes')}</p> : null}
        {groups.map((group) => (
          <fieldset className="fieldset" key={group.key}>
            <legend className="fieldset__legend">{t(`webhooks.groups.${group.key}`)}</legend>
            {group.types.map((type) => (
              <div className="choice" key={type}>
                <input
                  type="checkbox"
                  id={id(`type-${type}`)}
                  checked={types.includes(type)}
                  onChange={(e) => toggle(type, e.target.checked)}
                />
                <label htmlFor={id(`type-${type}`)}>
                  {t(`webhooks.types.${type.replace('.', '_')}`)} <code>{type}</code>
                </label>
              </div>
            ))}
          </fieldset>
        ))}
      </fieldset>
      <TextAreaField
        id={id('description')}
        label={labels.description}
        hint={t('webhooks.form.descriptionHint')}
        rows={2}
        maxLength={WEBHOOK_DESCRIPTION_MAX}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        errors={errors.description}
      />
      <div className="form__actions">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

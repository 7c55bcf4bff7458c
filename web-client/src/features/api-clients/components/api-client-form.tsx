import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, CreateApiClientRequest } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import {
  API_CLIENT_DESCRIPTION_MAX,
  API_CLIENT_NAME_MAX,
  checkDraft,
  CLIENT_SCOPES,
  draftOf,
  RATE_LIMIT_MAX,
  requestOf,
  scopeKey,
  type ApiClientDraft,
} from './api-client-rules';

export interface ApiClientFormProps {
  idPrefix: string;
  client?: ApiClient;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: CreateApiClientRequest) => void;
  onCancel: () => void;
  onResetError: () => void;
}

/** An API client's name, description, scopes (with what each opens) and rate limit; the API's field errors beside each field. */
export function ApiClientForm({ idPrefix, client, submitLabel, pending, error, onSubmit, onCancel, onResetError }: ApiClientFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ApiClientDraft>(() => draftOf(client));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const id = (field: string) => `${idPrefix}-${field}`;
  const set = (change: Partial<ApiClientDraft>) => setDraft((d) => ({ ...d, ...change }));

  const apiError = error ? toApiError(error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const labels = {
    name: t('apiClients.form.name'),
    description: t('apiClients.form.description'),
    scopes: t('apiClients.form.scopes'),
    rateLimitPerMinute: t('apiClients.form.rateLimit'),
  };
  const fieldIds: Record<keyof typeof labels, string> = {
    name: id('name'),
    description: id('description'),
    scopes: id(`scope-${scopeKey(CLIENT_SCOPES[0])}`),
    rateLimitPerMinute: id('rate-limit'),
  };
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError, apiError.status === 409 ? { 409: t('apiClients.form.conflict') } : {});
  const summaryFields = erroredFields(
    errors,
    (Object.keys(labels) as (keyof typeof labels)[]).map((key) => ({ key, id: fieldIds[key], label: labels[key] })),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkDraft(t, draft);
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      onResetError();
      return;
    }
    onSubmit(requestOf(draft));
  }

  const scopesErrorId = id('scopes-error');
  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} fields={summary ? summaryFields : []} />
      <TextField
        id={id('name')}
        label={labels.name}
        hint={t('apiClients.form.nameHint')}
        required
        maxLength={API_CLIENT_NAME_MAX}
        autoComplete="off"
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
        errors={errors.name}
      />
      <TextAreaField
        id={id('description')}
        label={labels.description}
        hint={t('apiClients.form.descriptionHint')}
        rows={2}
        maxLength={API_CLIENT_DESCRIPTION_MAX}
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
        errors={errors.description}
      />
      <fieldset className={errors.scopes?.length ? 'fieldset field--invalid' : 'fieldset'}>
        <legend className="fieldset__legend">{labels.scopes}</legend>
        <p className="field__hint">{t('apiClients.form.scopesHint')}</p>
        {errors.scopes?.length ? (
          <p className="field__error" id={scopesErrorId}>
            {errors.scopes.join(' ')}
          </p>
        ) : null}
        {CLIENT_SCOPES.map((scope) => {
          const key = scopeKey(scope);
          return (
            <div className="choice api-client-scope" key={scope}>
              <input
                type="checkbox"
                id={id(`scope-${key}`)}
                checked={draft.scopes.includes(scope)}
                aria-describedby={[id(`scope-${key}-hint`), errors.scopes?.length ? scopesErrorId : ''].join(' ').trim()}
                onChange={(e) => set({ scopes: e.target.checked ? [...draft.scopes, scope] : draft.scopes.filter((s) => s !== scope) })}
              />
              <label htmlFor={id(`scope-${key}`)}>
                {t(`apiClients.scopes.${key}.label`)} <code>{scope}</code>
              </label>
              <p className="field__hint" id={id(`scope-${key}-hint`)}>
                {t(`apiClients.scopes.${key}.meaning`)}
              </p>
            </div>
          );
        })}
      </fieldset>
      <TextField
        id={id('rate-limit')}
        type="number"
        inputMode="numeric"
        min={1}
        max={RATE_LIMIT_MAX}
        label={labels.rateLimitPerMinute}
        hint={t('apiClients.form.rateLimitHint')}
        value={draft.rateLimit}
        onChange={(e) => set({ rateLimit: e.target.value })}
        errors={errors.rateLimitPerMinute}
      />
      <div className="form__actions">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

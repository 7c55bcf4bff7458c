import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { formatDateTime } from '@/lib/format';
import { mergeFieldErrors } from '@/lib/forms';
import { currentTermsQueryOptions, usePublishTermsVersion } from '../api/consents';

/** Admins: the current version of the terms of use, and publishing a new one (people are then asked to accept it). */
export function TermsVersionForm() {
  const { t, i18n } = useTranslation();
  const terms = useQuery(currentTermsQueryOptions());
  const publish = usePublishTermsVersion();
  const [version, setVersion] = useState('');
  const [required, setRequired] = useState(false);
  const apiError = publish.error ? toApiError(publish.error) : null;
  const errors = mergeFieldErrors(apiError, required ? { version: [t('forms.required')] } : {});
  if (apiError && !errors.version) errors.version = [describeError(t, apiError)];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRequired(!version.trim());
    if (!version.trim()) return;
    publish.mutate(version.trim(), { onSuccess: () => setVersion('') });
  }

  return (
    <section className="panel stack" aria-labelledby="terms-version-title">
      <h2 id="terms-version-title">{t('consents.admin.title')}</h2>
      <p>
        {terms.data
          ? t('consents.admin.current', {
              version: terms.data.version,
              date: formatDateTime(terms.data.publishedAt, i18n.language),
            })
          : null}
      </p>
      <StatusMessage>{publish.isSuccess ? t('consents.admin.published', { version: publish.data.version }) : null}</StatusMessage>
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id="terms-version"
          label={t('consents.admin.version')}
          hint={t('consents.admin.hint')}
          required
          maxLength={40}
          value={version}
          onChange={(e) => setVersion(e.target.value)}
          errors={errors.version}
        />
        <div className="form__actions">
          <Button type="submit" pending={publish.isPending}>
            {t('consents.admin.publish')}
          </Button>
        </div>
      </form>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CitySummary } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Loading } from '@/components/ui/loading';
import { TextAreaField } from '@/components/ui/textarea-field';
import { cityQueryOptions, useChangeCityStatus, useUpdateCityDomains, type StatusChange } from '../api/operator';
import { formatBytes } from './format';
import { parseDomains } from './create-city-form';

/** One city: its health, its addresses (editable) and its status (suspend, reactivate, archive: each confirmed). */
export function CityDetail({ id, canChange }: { id: string; canChange: boolean }) {
  const { t } = useTranslation();
  const city = useQuery(cityQueryOptions(id));
  if (city.isPending) return <Loading label={t('common.loading')} />;
  if (city.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(city.error))} />;
  return (
    <>
      <p>
        <Link to="/operator">{t('operator.detail.back')}</Link>
      </p>
      <h1>{city.data.name}</h1>
      <Health city={city.data} />
      <Domains key={city.data.domains.join(',')} city={city.data} canChange={canChange} />
      <Status city={city.data} canChange={canChange} />
    </>
  );
}

function Health({ city }: { city: CitySummary }) {
  const { t, i18n } = useTranslation();
  const h = city.health;
  return (
    <section aria-labelledby="city-health">
      <h2 id="city-health">{t('operator.detail.health')}</h2>
      <dl className="details-list">
        <dt>{t('operator.cities.status')}</dt>
        <dd>{t(`operator.status.${city.status}`)}</dd>
        <dt>{t('operator.cities.users')}</dt>
        <dd>{h.users}</dd>
        <dt>{t('operator.cities.staff')}</dt>
        <dd>{h.staff}</dd>
        <dt>{t('operator.cities.activity')}</dt>
        <dd>{t('operator.cities.activityValue', { ideas: h.ideas30Days, comments: h.comments30Days, votes: h.votes30Days })}</dd>
        <dt>{t('operator.cities.email')}</dt>
        <dd>{t('operator.cities.emailValue', { sent: h.email.sent, failed: h.email.failed, pending: h.email.pending })}</dd>
        <dt>{t('operator.cities.storage')}</dt>
        <dd>{formatBytes(h.storageBytes, i18n.language)}</dd>
        <dt>{t('operator.cities.errors')}</dt>
        <dd>{h.errors7Days}</dd>
      </dl>
    </section>
  );
}

function Domains({ city, canChange }: { city: CitySummary; canChange: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateCityDomains();
  const [text, setText] = useState(city.domains.join('\n'));
  const apiError = update.error ? toApiError(update.error) : null;
  const summary = apiError ? describeError(t, apiError, { 409: t('operator.detail.domainsConflict') }) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ id: city.id, domains: parseDomains(text) });
  }

  return (
    <section aria-labelledby="city-domains-title">
      <h2 id="city-domains-title">{t('operator.detail.domainsTitle')}</h2>
      {canChange ? (
        <form className="form" noValidate onSubmit={onSubmit}>
          <FormErrorSummary
            message={summary}
            fields={apiError?.fieldErrors.domains ? [{ id: 'city-domains-edit', label: t('operator.create.domains') }] : []}
          />
          <TextAreaField
            id="city-domains-edit"
            label={t('operator.create.domains')}
            hint={t('operator.create.domainsHint')}
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            errors={apiError?.fieldErrors.domains}
          />
          <div className="form__actions">
            <Button type="submit" pending={update.isPending}>
              {t('operator.detail.domainsSave')}
            </Button>
          </div>
          <div role="status">{update.isSuccess ? <p>{t('operator.detail.domainsSaved')}</p> : null}</div>
        </form>
      ) : (
        <ul>
          {city.domains.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Status({ city, canChange }: { city: CitySummary; canChange: boolean }) {
  const { t } = useTranslation();
  const change = useChangeCityStatus();
  const [asked, setAsked] = useState<StatusChange | null>(null);
  if (!canChange || city.status === 'archived') return null;
  const choices: StatusChange[] = city.status === 'active' ? ['suspend', 'archive'] : ['reactivate', 'archive'];
  const confirmKey = { suspend: 'confirmSuspend', reactivate: 'confirmReactivate', archive: 'confirmArchive' } as const;
  return (
    <section aria-labelledby="city-status-title">
      <h2 id="city-status-title">{t('operator.detail.statusTitle')}</h2>
      <div className="form__actions">
        {choices.map((choice) => (
          <Button
            key={choice}
            variant={choice === 'reactivate' ? 'primary' : 'secondary'}
            onClick={() => {
              change.reset();
              setAsked(choice);
            }}
          >
            {t(`operator.detail.${choice}`)}
          </Button>
        ))}
      </div>
      <ConfirmDialog
        open={asked !== null}
        title={asked ? t(`operator.detail.${asked}`) : ''}
        confirmLabel={asked ? t(`operator.detail.${asked}`) : ''}
        pending={change.isPending}
        error={change.error ? describeError(t, toApiError(change.error)) : null}
        onCancel={() => setAsked(null)}
        onConfirm={() => {
          if (asked) change.mutate({ id: city.id, change: asked }, { onSuccess: () => setAsked(null) });
        }}
      >
        <p>{asked ? t(`operator.detail.${confirmKey[asked]}`, { name: city.name }) : null}</p>
      </ConfirmDialog>
    </section>
  );
}

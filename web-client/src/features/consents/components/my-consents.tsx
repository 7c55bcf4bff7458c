import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { formatDateTime } from '@/lib/format';
import { myConsentsQueryOptions, useAcceptTerms, useSetNewsletterChoice } from '../api/consents';

/** « Mes consentements »: the terms version accepted and when, the newsletter choice and when, with a toggle. */
export function MyConsents() {
  const { t, i18n } = useTranslation();
  const consents = useQuery(myConsentsQueryOptions());
  const accept = useAcceptTerms();
  const newsletter = useSetNewsletterChoice();
  const error = consents.error ?? accept.error ?? newsletter.error;

  return (
    <section className="panel stack" aria-labelledby="my-consents-title">
      <h2 id="my-consents-title">{t('consents.title')}</h2>
      {consents.isPending ? <Loading label={t('common.loading')} /> : null}
      {consents.data ? (
        <>
          <h3>{t('consents.terms.heading')}</h3>
          <p id="consents-terms-state">
            {consents.data.terms.acceptedVersion && consents.data.terms.acceptedAt
              ? t('consents.terms.accepted', {
                  version: consents.data.terms.acceptedVersion,
                  date: formatDateTime(consents.data.terms.acceptedAt, i18n.language),
                })
              : t('consents.terms.never')}{' '}
            <Link to={`/pages/${t('consents.terms.slug')}`}>{t('consents.terms.read')}</Link>
          </p>
          {consents.data.terms.upToDate ? null : (
            <div className="stack">
              <p>{t('consents.terms.current', { version: consents.data.terms.currentVersion })}</p>
              <div>
                <Button pending={accept.isPending} onClick={() => accept.mutate(consents.data.terms.currentVersion)}>
                  {t('consents.terms.accept', { version: consents.data.terms.currentVersion })}
                </Button>
              </div>
            </div>
          )}
          <h3>{t('consents.newsletter.heading')}</h3>
          <div className="choice">
            <input
              type="checkbox"
              id="consents-newsletter"
              checked={consents.data.newsletter.consented}
              disabled={newsletter.isPending}
              aria-describedby="consents-newsletter-state"
              onChange={(e) => newsletter.mutate(e.target.checked)}
            />
            <label htmlFor="consents-newsletter">{t('consents.newsletter.label')}</label>
          </div>
          <p className="field__hint" id="consents-newsletter-state" role="status">
            {consents.data.newsletter.changedAt
              ? t(consents.data.newsletter.consented ? 'consents.newsletter.yes' : 'consents.newsletter.no', {
                  date: formatDateTime(consents.data.newsletter.changedAt, i18n.language),
                })
              : t('consents.newsletter.never')}
          </p>
          {consents.data.history.length > 0 ? (
            <details>
              <summary>{t('consents.history.title', { count: consents.data.history.length })}</summary>
              <ul>
                {consents.data.history.map((r) => (
                  <li key={`${r.kind}-${r.recordedAt}-${r.termsVersion ?? ''}-${String(r.given)}`}>
                    {formatDateTime(r.recordedAt, i18n.language)} —{' '}
                    {r.kind === 'terms'
                      ? t('consents.history.terms', { version: r.termsVersion })
                      : t(r.given ? 'consents.history.newsletterYes' : 'consents.history.newsletterNo')}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
      <div role="alert" className={error ? 'alert alert--error' : 'visually-empty'}>
        {error ? <p className="alert__title">{describeError(t, toApiError(error))}</p> : null}
      </div>
    </section>
  );
}

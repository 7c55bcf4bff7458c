import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { formatDate } from '@/lib/format';
import { newsletterConsentQueryOptions, useSetNewsletterConsent } from '../api/campaigns';

/** The resident's newsletter consent, changed at once (dated by the API; withdrawn also by any campaign's unsubscribe link). */
export function NewsletterConsentField() {
  const { t, i18n } = useTranslation();
  const consent = useQuery(newsletterConsentQueryOptions());
  const set = useSetNewsletterConsent();
  const error = consent.error ?? set.error;
  const value = consent.data;

  return (
    <section className="stack" aria-labelledby="newsletter-consent-title">
      <h2 id="newsletter-consent-title">{t('campaigns.consent.title')}</h2>
      <div className="choice">
        <input
          type="checkbox"
          id="newsletter-consent"
          checked={value?.consented ?? false}
          disabled={!value || set.isPending}
          aria-describedby="newsletter-consent-state"
          onChange={(e) => set.mutate(e.target.checked)}
        />
        <label htmlFor="newsletter-consent">{t('campaigns.consent.label')}</label>
      </div>
      <p className="field__hint" id="newsletter-consent-state" role="status">
        {value?.consented && value.givenAt
          ? t('campaigns.consent.givenOn', { date: formatDate(value.givenAt, i18n.language) })
          : value?.withdrawnAt
            ? t('campaigns.consent.withdrawnOn', { date: formatDate(value.withdrawnAt, i18n.language) })
            : t('campaigns.consent.never')}
      </p>
      <div role="alert" className={error ? 'alert alert--error' : 'visually-empty'}>
        {error ? <p className="alert__title">{describeError(t, toApiError(error))}</p> : null}
      </div>
    </section>
  );
}

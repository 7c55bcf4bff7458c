import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { myConsentsQueryOptions, useAcceptTerms } from '../api/consents';

/**
 * For a signed-in person who has not accepted the current terms of use: a banner (not blocking) with a link to read
 * them and a button to accept that version. Nothing otherwise.
 */
export function TermsBanner() {
  const { t } = useTranslation();
  const consents = useQuery(myConsentsQueryOptions());
  const accept = useAcceptTerms();
  const terms = consents.data?.terms;
  if (!terms || terms.upToDate) return null;

  return (
    <section className="alert alert--warning terms-banner" aria-labelledby="terms-banner-title">
      <p className="alert__title" id="terms-banner-title">
        {terms.acceptedVersion ? t('consents.banner.changed', { version: terms.currentVersion }) : t('consents.banner.first')}
      </p>
      <div className="alert__body">
        <p>
          <Link to={`/pages/${t('consents.terms.slug')}`}>{t('consents.terms.read')}</Link>
        </p>
        <Button pending={accept.isPending} onClick={() => accept.mutate(terms.currentVersion)}>
          {t('consents.terms.accept', { version: terms.currentVersion })}
        </Button>
        {accept.error ? (
          <p role="alert" className="field__error">
            {describeError(t, toApiError(accept.error))}
          </p>
        ) : null}
      </div>
    </section>
  );
}

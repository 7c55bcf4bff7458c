import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { TextInLanguage } from '@/components/ui/localized-text';
import { pageBySlugQueryOptions } from '@/features/pages/api/pages';
import { PageView } from '@/features/pages/components/page-view';
import { platformQueryOptions } from '@/features/platform/api/platform';
import { NotFoundRoute } from './not-found-route';

/**
 * A published page (/pages/:slug) in the reader's language (else the platform's default). A former slug, or the slug of
 * another language, leads to the page: the address then shows its current slug in the reader's language.
 */
export function PageRoute() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const page = useQuery(pageBySlugQueryOptions(slug, i18n.language));
  const platform = useQuery(platformQueryOptions());
  const current = page.data?.slug;

  useEffect(() => {
    if (current && current !== slug) void navigate(`/pages/${current}`, { replace: true });
  }, [current, slug, navigate]);

  if (page.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('common.loading')} />
      </Page>
    );
  }
  if (page.isError) {
    if (toApiError(page.error).status === 404) return <NotFoundRoute />;
    return (
      <Page title={t('common.loading')}>
        <Alert variant="error" role="alert" title={describeError(t, toApiError(page.error))} />
      </Page>
    );
  }
  return (
    <Page title={page.data.title} heading={<TextInLanguage text={page.data.title} language={page.data.language} />}>
      <PageView
        page={page.data}
        contact={{
          email: platform.data?.contactEmail,
          legalName: platform.data?.legalName,
          legalAddress: platform.data?.legalAddress,
        }}
      />
    </Page>
  );
}

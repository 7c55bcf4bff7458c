import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { homePageQueryOptions } from '@/features/home-page/api/home-page';
import { HomeView } from '@/features/home-page/components/home-view';
import { platformQueryOptions } from '@/features/platform/api/platform';
import { useSessionStatus } from '@/lib/auth/session-store';
import { TextInLanguage } from '@/components/ui/localized-text';

/** The home page as its editors published it (else the built-in layout), and an invitation to join for visitors. */
export function HomeRoute() {
  const { t, i18n } = useTranslation();
  const platform = useQuery(platformQueryOptions());
  const home = useQuery(homePageQueryOptions(i18n.language));
  const status = useSessionStatus();
  const location = useLocation();
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true && status === 'anonymous';
  const name = platform.data?.name ?? 'Participation';

  return (
    <Page
      title={home.data?.banner.title ?? t('home.title', { name })}
      heading={home.data ? <TextInLanguage text={home.data.banner.title} language={home.data.language} /> : undefined}
    >
      <StatusMessage>{loggedOut ? t('home.loggedOut') : null}</StatusMessage>
      {home.isPending ? (
        <Loading label={t('common.loading')} />
      ) : home.isError ? (
        <Alert variant="error" title={describeError(t, toApiError(home.error))} />
      ) : (
        <HomeView home={home.data} />
      )}
      {status === 'anonymous' ? (
        <div className="cta">
          <p>{t('home.joinText')}</p>
          <p className="cta__actions">
            <Link className="button button--primary" to="/register">
              {t('home.register')}
            </Link>
            <Link className="button button--secondary" to="/login">
              {t('nav.login')}
            </Link>
          </p>
        </div>
      ) : null}
    </Page>
  );
}

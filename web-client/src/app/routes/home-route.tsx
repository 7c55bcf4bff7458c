import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Page } from '@/components/layout/page';
import { StatusMessage } from '@/components/ui/status-message';
import { UpcomingEvents } from '@/features/calendar-events/components/upcoming-events';
import { platformQueryOptions } from '@/features/platform/api/platform';
import { LatestProjects } from '@/features/projects/components/latest-projects';
import { useSessionStatus } from '@/lib/auth/session-store';

export function HomeRoute() {
  const { t } = useTranslation();
  const platform = useQuery(platformQueryOptions());
  const status = useSessionStatus();
  const location = useLocation();
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true && status === 'anonymous';
  const name = platform.data?.name ?? 'Participation';

  return (
    <Page title={t('home.title', { name })} intro={<p className="lead">{t('home.intro')}</p>}>
      <StatusMessage>{loggedOut ? t('home.loggedOut') : null}</StatusMessage>
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
      <LatestProjects />
      <UpcomingEvents />
    </Page>
  );
}

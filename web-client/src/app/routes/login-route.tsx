import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Page } from '@/components/layout/page';
import { Loading } from '@/components/ui/loading';
import { LoginForm } from '@/features/auth/components/login-form';
import { meQueryOptions } from '@/features/profile/api/profile';
import { useSessionStatus } from '@/lib/auth/session-store';
import { landingPath } from '@/lib/roles';

/** The page that sent the visitor here to sign in, if any: only paths of this site, never another origin. */
export function safeFrom(state: unknown): string | null {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : null;
}

export function LoginRoute() {
  const { t } = useTranslation();
  const location = useLocation();
  const status = useSessionStatus();
  const from = safeFrom(location.state);

  // Signed in (just now, or already): back to the page that asked, else where the person's roles lead.
  if (status === 'authenticated') return from ? <Navigate to={from} replace /> : <Landing />;

  return (
    <Page narrow title={t('login.title')}>
      {/* Success changes the session's status, and this page then sends the person on. */}
      <LoginForm />
    </Page>
  );
}

/** Officials go to their dashboard, other staff to their workspace, residents to their profile (lib/roles landingPath). */
function Landing() {
  const { t } = useTranslation();
  const me = useQuery(meQueryOptions());
  if (me.isPending) {
    return (
      <Page narrow title={t('login.title')}>
        <Loading label={t('common.loading')} />
      </Page>
    );
  }
  // Without the roles (a network failure), the profile is where every account may go.
  return <Navigate to={me.isError ? '/profile' : landingPath(me.data.roles)} replace />;
}

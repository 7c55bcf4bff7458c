import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Page } from '@/components/layout/page';
import { LoginForm } from '@/features/auth/components/login-form';
import { useSessionStatus } from '@/lib/auth/session-store';

function safeFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  // Only paths of this site, never another origin.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/profile';
}

export function LoginRoute() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const status = useSessionStatus();
  const target = safeFrom(location.state);

  if (status === 'authenticated') return <Navigate to={target} replace />;

  return (
    <Page narrow title={t('login.title')}>
      <LoginForm onLoggedIn={() => void navigate(target, { replace: true })} />
    </Page>
  );
}

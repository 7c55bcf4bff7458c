import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { useSessionStatus } from '@/lib/auth/session-store';

/** Renders its children for a logged-in user; sends anyone else to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const status = useSessionStatus();
  const location = useLocation();
  const { t } = useTranslation();
  if (status === 'restoring') return <Loading label={t('common.loading')} />;
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return children;
}

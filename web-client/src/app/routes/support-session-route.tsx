import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { sessionStore } from '@/lib/auth/session-store';
import { useFragmentToken } from './use-fragment-token';

/**
 * Where the vendor's console sends a support person (`/support-session#token=…`, on the city's own address): the city
 * access token of their support account becomes this tab's session (no refresh token: when the token or the city's
 * grant ends, the session ends), whatever was cached for someone else is dropped, and the staff area opens.
 */
export function SupportSessionRoute() {
  const { t } = useTranslation();
  const fragmentToken = useFragmentToken();
  const [token] = useState(fragmentToken);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    if (!token) return;
    queryClient.clear();
    sessionStore.startAccessOnly(token);
    void navigate('/admin', { replace: true });
  }, [token, queryClient, navigate]);

  if (token) return null;
  return (
    <Page title={t('supportSession.title')} narrow>
      <Alert variant="error" role="alert" title={t('supportSession.invalid')} />
      <p>
        <Link to="/">{t('supportSession.home')}</Link>
      </p>
    </Page>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '@/components/layout/page';
import { Button } from '@/components/ui/button';
import { useLogout } from '@/features/auth/api/auth';
import { InvitationAcceptance, InvitationInvalid } from '@/features/invitations/components/invitation-acceptance';
import { meQueryOptions, profileKeys } from '@/features/profile/api/profile';
import { useSessionStatus } from '@/lib/auth/session-store';
import { isStaff } from '@/lib/roles';
import { useFragmentToken } from './use-fragment-token';

/** The fragment is lost across the login page: the token waits in this tab's storage meanwhile. */
const TOKEN_KEY = 'participation.invitationToken';

function rememberToken(token: string | null): string | null {
  try {
    if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
    return token ?? window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return token;
  }
}

function forgetToken() {
  try {
    window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // ignore
  }
}

export function InvitationRoute() {
  const { t } = useTranslation();
  const fragmentToken = useFragmentToken();
  const [token] = useState(() => rememberToken(fragmentToken));
  const status = useSessionStatus();
  const me = useQuery({ ...meQueryOptions(), enabled: status === 'authenticated' });
  const logout = useLogout();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  let currentEmail: string | null | undefined;
  if (status === 'anonymous') currentEmail = null;
  else if (status === 'authenticated') currentEmail = me.isError ? null : me.data?.email;

  async function onAccepted() {
    forgetToken();
    // The new session carries the new role: read the profile again, then go to the right workspace.
    await queryClient.invalidateQueries({ queryKey: profileKeys.all });
    let target = '/profile';
    try {
      const profile = await queryClient.fetchQuery(meQueryOptions());
      if (isStaff(profile.roles)) target = '/admin';
    } catch {
      // The profile page will say what is wrong.
    }
    void navigate(target, { replace: true, state: { invitationAccepted: true } });
  }

  return (
    <Page title={t('invitation.title')}>
      {token ? (
        <InvitationAcceptance
          token={token}
          currentEmail={currentEmail}
          onAccepted={() => void onAccepted()}
          loginAction={
            <p>
              <Link className="button button--primary" to="/login" state={{ from: '/invitation' }}>
                {t('invitation.login')}
              </Link>
            </p>
          }
          logoutAction={
            <Button variant="secondary" pending={logout.isPending} onClick={() => logout.mutate()}>
              {t('invitation.logout')}
            </Button>
          }
        />
      ) : (
        <InvitationInvalid />
      )}
    </Page>
  );
}

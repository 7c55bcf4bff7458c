import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '@/components/layout/page';
import { OperatorInvitation, OperatorInvitationInvalid } from '@/features/operator/components/operator-invitation';
import { useFragmentToken } from '../use-fragment-token';

/**
 * /operator/invitation#token=…: the page of a console invitation's link (issue 19), outside the console's sign-in. The
 * person chooses their password; the session the API answers signs them in and the console opens.
 */
export function OperatorInvitationRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fragmentToken = useFragmentToken();
  const [token] = useState(fragmentToken);
  return (
    <Page title={t('operator.invitation.title')} narrow>
      {token ? (
        <OperatorInvitation token={token} onAccepted={() => void navigate('/operator', { replace: true })} />
      ) : (
        <OperatorInvitationInvalid />
      )}
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { confirmEmailQueryOptions } from '../api/auth';

export interface ConfirmEmailStatusProps {
  token: string;
  loggedIn: boolean;
  /** Offered when the link is no longer valid and the user is logged in. */
  resendAction: ReactNode;
}

export function ConfirmEmailStatus({ token, loggedIn, resendAction }: ConfirmEmailStatusProps) {
  const { t } = useTranslation();
  const confirm = useQuery(confirmEmailQueryOptions(token));

  if (confirm.isPending) return <Loading label={t('confirm.pending')} />;

  if (confirm.isSuccess) {
    return (
      <Alert variant="success" role="status" title={t('confirm.doneTitle')}>
        <p>{loggedIn ? <Link to="/profile">{t('confirm.toProfile')}</Link> : <Link to="/login">{t('confirm.toLogin')}</Link>}</p>
      </Alert>
    );
  }

  const error = toApiError(confirm.error);
  if (error.status === 410 || error.status === 400) return <ConfirmEmailInvalid loggedIn={loggedIn} resendAction={resendAction} />;
  return (
    <Alert variant="error" role="alert" title={describeError(t, error)}>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Alert>
  );
}

export function ConfirmEmailInvalid({ loggedIn, resendAction }: Omit<ConfirmEmailStatusProps, 'token'>) {
  const { t } = useTranslation();
  return (
    <Alert variant="error" role="alert" title={t('confirm.invalidTitle')}>
      <p>{t('confirm.invalidBody')}</p>
      {loggedIn ? (
        resendAction
      ) : (
        <p>
          <Link to="/login" state={{ from: '/profile' }}>
            {t('confirm.loginToResend')}
          </Link>
        </p>
      )}
    </Alert>
  );
}

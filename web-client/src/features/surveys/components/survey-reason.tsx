import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSignInPromptShown } from '@/components/ui/sign-in-prompt';

/** Why the person may not answer, in words; the way out (log in, confirm the address) beside it. */
export function SurveyReason({ reason, poll, resendAction }: { reason: string; poll?: boolean; resendAction?: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const prompted = useSignInPromptShown();
  const text = t(`surveys.reasons.${reason}${poll && reason === 'not_permitted' ? '_poll' : ''}`, {
    defaultValue: t('surveys.reasons.not_permitted'),
  });
  // The page asks once (its sign-in prompt, in « What can I do now? »).
  if (prompted && reason === 'not_signed_in') return null;
  return (
    <div className="action-reason">
      <p>{text}</p>
      {reason === 'not_signed_in' ? (
        <p className="action-list__links">
          <Link to="/login" state={{ from: location.pathname }}>
            {t('projects.actions.logIn')}
          </Link>{' '}
          <span className="muted">{t('projects.actions.or')}</span> <Link to="/register">{t('projects.actions.register')}</Link>
        </p>
      ) : null}
      {reason === 'email_not_confirmed' ? resendAction : null}
    </div>
  );
}

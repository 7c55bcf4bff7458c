import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** The translated reason a vote is refused, e.g. « Vous avez utilisé tous vos votes. » */
export function useVoteReasonText() {
  const { t } = useTranslation();
  return (reason: string | undefined | null) => t(`votes.reasons.${reason ?? 'not_permitted'}`, { defaultValue: t('votes.reasons.not_permitted') });
}

export interface VoteReasonProps {
  reason: string;
  id?: string;
  /** Offer the way to log in (once per screen: beside the counter, not on every card). */
  withLogIn?: boolean;
}

/** Why the person may not vote, as visible text (a button refers to it with aria-describedby). */
export function VoteReason({ reason, id, withLogIn }: VoteReasonProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const text = useVoteReasonText();
  return (
    <p className="action-reason" id={id}>
      {text(reason)}
      {withLogIn && reason === 'not_signed_in' ? (
        <>
          {' '}
          <Link to="/login" state={{ from: location.pathname }}>
            {t('votes.logIn')}
          </Link>
        </>
      ) : null}
    </p>
  );
}

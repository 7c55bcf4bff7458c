import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { ActionPolicyDecision, RefusalReason } from '@contracts/participation-client';
import { describeError, type ApiError } from '@/api/errors';
import { useSignInPromptShown } from '@/components/ui/sign-in-prompt';

/** Why an action is refused: the API's reasons, and the one the page knows alone (one's own idea cannot be flagged). */
export type ShownRefusal = RefusalReason | 'own_content';

export interface ActionReasonProps {
  decision: Pick<ActionPolicyDecision, 'allowed'> & { reason?: ShownRefusal };
  /** What the refused action is, shown before the reason (e.g. « Réagir »). */
  action?: string;
  id?: string;
}

/** The translated reason an action is refused, e.g. « Connectez-vous pour participer. » */
export function useReasonText() {
  const { t } = useTranslation();
  return (reason: string | undefined) =>
    t(`ideas.reasons.${reason ?? 'not_permitted'}`, { defaultValue: t('ideas.reasons.not_permitted') });
}

/** A failed request in words: the participation rule that refused it when there is one (403 with a reason). */
export function useDescribeRefusal() {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  return (error: ApiError) => (error.reason ? reasonText(error.reason) : describeError(t, error));
}

/**
 * Why the visitor may not do an action, as visible text beside (or instead of) its button; a visitor who is
 * not signed in gets the link to do so, and comes back here afterwards.
 */
export function ActionReason({ decision, action, id }: ActionReasonProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const reasonText = useReasonText();
  const prompted = useSignInPromptShown();
  if (decision.allowed) return null;
  // The page asks once (its sign-in prompt): here the reason only describes the button.
  if (prompted && decision.reason === 'not_signed_in') {
    return (
      <span id={id} hidden>
        {action ? `${t('ideas.reasons.prefix', { action })} ` : null}
        {reasonText(decision.reason)}
      </span>
    );
  }
  return (
    <p className="action-reason" id={id}>
      {action ? <span className="action-reason__action">{t('ideas.reasons.prefix', { action })}</span> : null}
      {action ? ' ' : null}
      {reasonText(decision.reason)}
      {decision.reason === 'not_signed_in' ? (
        <>
          {' '}
          <Link to="/login" state={{ from: location.pathname }}>
            {t('ideas.reasons.logIn')}
          </Link>
        </>
      ) : null}
    </p>
  );
}

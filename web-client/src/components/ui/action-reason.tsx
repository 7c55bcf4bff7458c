import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSignInPromptShown } from './sign-in-prompt';

/** The features whose refusals are translated under `<feature>.reasons.*` with a `<feature>.logIn` link text. */
export type ReasonFeature = 'votes' | 'budgets';

/** The translated reason an action is refused, e.g. « Vous avez utilisé tous vos votes. » (not_permitted when unknown). */
export function useReasonText(feature: ReasonFeature) {
  const { t } = useTranslation();
  return (reason: string | undefined | null) =>
    t(`${feature}.reasons.${reason ?? 'not_permitted'}`, { defaultValue: t(`${feature}.reasons.not_permitted`) });
}

export interface ActionReasonProps {
  reason: string;
  id?: string;
  /** Offer the way to log in (once per screen: beside the counter, not on every card). */
  withLogIn?: boolean;
}

/** Why the person may not act, as visible text (a button refers to it with aria-describedby). */
export function ActionReason({ feature, reason, id, withLogIn }: ActionReasonProps & { feature: ReasonFeature }) {
  const { t } = useTranslation();
  const location = useLocation();
  const text = useReasonText(feature);
  // The page asks once (its sign-in prompt): here the reason only describes the button.
  if (useSignInPromptShown() && reason === 'not_signed_in') {
    return (
      <span id={id} hidden>
        {text(reason)}
      </span>
    );
  }
  return (
    <p className="action-reason" id={id}>
      {text(reason)}
      {withLogIn && reason === 'not_signed_in' ? (
        <>
          {' '}
          <Link to="/login" state={{ from: location.pathname }}>
            {t(`${feature}.logIn`)}
          </Link>
        </>
      ) : null}
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** The translated reason a basket change is refused, e.g. « Dépasse le budget restant ». */
export function useBudgetReasonText() {
  const { t } = useTranslation();
  return (reason: string | undefined | null) => t(`budgets.reasons.${reason ?? 'not_permitted'}`, { defaultValue: t('budgets.reasons.not_permitted') });
}

/** Why the person may not change their basket, as visible text (a button refers to it with aria-describedby). */
export function BudgetReason({ reason, id, withLogIn }: { reason: string; id?: string; withLogIn?: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const text = useBudgetReasonText();
  return (
    <p className="action-reason" id={id}>
      {text(reason)}
      {withLogIn && reason === 'not_signed_in' ? (
        <>
          {' '}
          <Link to="/login" state={{ from: location.pathname }}>
            {t('budgets.logIn')}
          </Link>
        </>
      ) : null}
    </p>
  );
}

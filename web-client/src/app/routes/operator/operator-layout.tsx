import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useOutletContext } from 'react-router';
import { Page } from '@/components/layout/page';
import { Button } from '@/components/ui/button';
import { OperatorLoginForm } from '@/features/operator/components/operator-login-form';
import { OwnPasswordForm } from '@/features/operator/components/own-password-form';
import { operatorSession, useOperatorSession, type OperatorSession } from '@/features/operator/api/operator-session';

export interface OperatorContext {
  session: OperatorSession;
  /** Operators change cities; support staff read. */
  canChange: boolean;
}

export const useOperator = () => useOutletContext<OperatorContext>();

/**
 * The vendor's console (/operator): its own sign-in and session, apart from any city's account. Without an operator
 * session, the sign-in form; with one whose password another operator set, the choice of their own; else the console's
 * sections.
 */
export function OperatorLayout() {
  const { t } = useTranslation();
  const session = useOperatorSession();
  if (!session)
    return (
      <Page title={t('operator.signInTitle')} narrow intro={<p>{t('operator.signInIntro')}</p>}>
        <OperatorLoginForm />
      </Page>
    );
  const signedIn = (
    <p>
      {t('operator.signedInAs', { name: session.operator.displayName, role: t(`operator.roles.${session.operator.role}`) })}{' '}
      <Button variant="link" onClick={() => operatorSession.clear()}>
        {t('operator.signOut')}
      </Button>
    </p>
  );
  // A password another operator set (a new person, or a new password given by a colleague): nothing else until it is
  // replaced (the API refuses the rest too).
  if (session.operator.passwordChangeRequired)
    return (
      <Page title={t('operator.password.requiredTitle')} narrow intro={<p>{t('operator.password.requiredIntro')}</p>}>
        {signedIn}
        <OwnPasswordForm />
      </Page>
    );
  const canChange = session.operator.role === 'operator';
  return (
    <div className="staff-area">
      <nav className="subnav" aria-label={t('operator.nav.label')}>
        <ul className="subnav__list">
          <li>
            <NavLink to="/operator" end className="subnav__link">
              {t('operator.nav.cities')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/operator/support" className="subnav__link">
              {t('operator.nav.support')}
            </NavLink>
          </li>
          {canChange ? (
            <>
              <li>
                <NavLink to="/operator/cities/new" className="subnav__link">
                  {t('operator.nav.newCity')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/operator/people" className="subnav__link">
                  {t('operator.nav.people')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/operator/audit" className="subnav__link">
                  {t('operator.nav.audit')}
                </NavLink>
              </li>
            </>
          ) : null}
          <li>
            <NavLink to="/operator/password" className="subnav__link">
              {t('operator.nav.password')}
            </NavLink>
          </li>
        </ul>
        {signedIn}
      </nav>
      <Outlet context={{ session, canChange } satisfies OperatorContext} />
    </div>
  );
}

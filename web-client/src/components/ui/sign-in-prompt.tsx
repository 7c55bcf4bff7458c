import { createContext, useContext, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** The id of the page's one sign-in prompt, inside a page that shows one (null elsewhere). */
const PromptContext = createContext<string | null>(null);

/**
 * A page that asks a visitor who is not signed in to do so once (`active`), in its `SignInPrompt`, rather than
 * beside every action: inside it, each action's « log in » reason is kept only as its button's description
 * (hidden text), not written again on every card.
 */
export function SignInPromptScope({ active, children }: { active: boolean; children: ReactNode }) {
  const id = useId();
  return <PromptContext.Provider value={active ? id : null}>{children}</PromptContext.Provider>;
}

/** Inside an active scope: the refusal « not signed in » is told by the page's prompt. */
export function useSignInPromptShown(): boolean {
  return useContext(PromptContext) !== null;
}

/** The page's one invitation to sign in or create an account (nothing outside an active scope); comes back here after. */
export function SignInPrompt({ className }: { className?: string }) {
  const { t } = useTranslation();
  const id = useContext(PromptContext);
  const location = useLocation();
  if (!id) return null;
  return (
    <p className={`sign-in-prompt ${className ?? ''}`} id={id}>
      <span>{t('signInPrompt.text')}</span>{' '}
      <Link to="/login" state={{ from: location.pathname }}>
        {t('signInPrompt.logIn')}
      </Link>{' '}
      <span className="muted">{t('signInPrompt.or')}</span> <Link to="/register">{t('signInPrompt.register')}</Link>
    </p>
  );
}

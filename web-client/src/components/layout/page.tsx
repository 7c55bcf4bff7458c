import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

export const SiteNameContext = createContext('Participation');

export interface PageProps {
  title: string;
  /** What the h1 shows when it is more than the title's text (e.g. a text in another language, with its `lang`). */
  heading?: ReactNode;
  /** Narrow column for forms. */
  narrow?: boolean;
  intro?: ReactNode;
  children?: ReactNode;
}

/**
 * A page's frame: sets document.title and, after a client-side navigation, moves focus to the h1
 * so screen-reader and keyboard users start at the new content.
 */
export function Page({ title, heading: headingContent, narrow, intro, children }: PageProps) {
  const siteName = useContext(SiteNameContext);
  const location = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · ${siteName}`;
  }, [title, siteName]);

  useEffect(() => {
    // 'default' is the entry the browser loaded: leave focus at the top of the document there.
    if (location.key !== 'default') heading.current?.focus();
    // Every navigation (including to the page already shown) starts at the heading.
  }, [location.key]);

  return (
    <div className={narrow ? 'page page--narrow' : 'page'}>
      <h1 ref={heading} tabIndex={-1} className="page__title">
        {headingContent ?? title}
      </h1>
      {intro ? <div className="page__intro">{intro}</div> : null}
      {children}
    </div>
  );
}

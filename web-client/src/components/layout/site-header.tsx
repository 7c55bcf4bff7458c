import { useEffect, useId, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';

export interface NavItem {
  to: string;
  label: string;
  /** Active only on this exact path (default), or also below it. */
  end?: boolean;
}

export interface SiteHeaderProps {
  siteName: string;
  /** The platform's logo (its alt text is the platform's name); the default mark otherwise. */
  logoUrl?: string;
  homeLabel: string;
  navLabel: string;
  /** The phone's button that shows and hides the sections (« Menu »). */
  menuLabel: string;
  items: NavItem[];
  /** Extra nav entries that are not links (the log-out button). */
  actions?: ReactNode;
  languageSwitcher: ReactNode;
  /** The signed-in user's notification menu, beside the language switcher. */
  notifications?: ReactNode;
}

/**
 * The site's header: brand, tools (notifications, language) and the main navigation. On a phone the navigation is
 * folded behind a « Menu » button (a disclosure: aria-expanded, closed again by Escape and after each visit); from
 * 40rem on, the button is not shown and the sections are always there.
 */
export function SiteHeader({
  siteName,
  logoUrl,
  homeLabel,
  navLabel,
  menuLabel,
  items,
  actions,
  languageSwitcher,
  notifications,
}: SiteHeaderProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const location = useLocation();
  // A visit closes the menu (the link was followed, or the back button used).
  const [shownFor, setShownFor] = useState(location.key);
  if (shownFor !== location.key) {
    setShownFor(location.key);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-header__brand" aria-label={homeLabel === siteName ? undefined : `${siteName} – ${homeLabel}`}>
          {logoUrl ? (
            <>
              <img src={logoUrl} alt={siteName} height="40" className="site-header__logo site-header__logo--custom" />
              <span aria-hidden="true">{siteName}</span>
            </>
          ) : (
            <>
              <img src="/favicon.svg" alt="" width="32" height="32" className="site-header__logo" />
              <span>{siteName}</span>
            </>
          )}
        </Link>
        <div className="site-header__tools">
          {notifications}
          {languageSwitcher}
        </div>
        <nav className={`site-nav ${open ? 'site-nav--open' : ''}`} aria-label={navLabel}>
          <button
            type="button"
            className="site-nav__toggle"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen((value) => !value)}
          >
            <span className="site-nav__toggle-icon" aria-hidden="true" />
            {menuLabel}
          </button>
          <ul className="site-nav__list" id={listId}>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end ?? true} className="site-nav__link">
                  {item.label}
                </NavLink>
              </li>
            ))}
            {actions ? <li>{actions}</li> : null}
          </ul>
        </nav>
      </div>
    </header>
  );
}

import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';

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
  items: NavItem[];
  /** Extra nav entries that are not links (the log-out button). */
  actions?: ReactNode;
  languageSwitcher: ReactNode;
  /** The signed-in user's notification menu, beside the language switcher. */
  notifications?: ReactNode;
}

export function SiteHeader({ siteName, logoUrl, homeLabel, navLabel, items, actions, languageSwitcher, notifications }: SiteHeaderProps) {
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
        <nav className="site-nav" aria-label={navLabel}>
          <ul className="site-nav__list">
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

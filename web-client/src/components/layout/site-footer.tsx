import type { ReactNode } from 'react';

export interface SiteFooterProps {
  siteName: string;
  tagline: string;
  /** The footer's page links (the published pages placed there). */
  links?: ReactNode;
  /** The platform's legal entity and contact address, from its settings. */
  legalName?: string | null;
  legalAddress?: string | null;
  contactEmail?: string | null;
  contactLabel: string;
}

export function SiteFooter({ siteName, tagline, links, legalName, legalAddress, contactEmail, contactLabel }: SiteFooterProps) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p className="site-footer__name">{siteName}</p>
        <p>{tagline}</p>
        {links}
        {legalName ? <p className="site-footer__contact">{legalName}</p> : null}
        {legalAddress ? <p className="site-footer__contact">{legalAddress}</p> : null}
        {contactEmail ? (
          <p className="site-footer__contact">
            {contactLabel} <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
          </p>
        ) : null}
      </div>
    </footer>
  );
}

export function SiteFooter({ siteName, tagline }: { siteName: string; tagline: string }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p className="site-footer__name">{siteName}</p>
        <p>{tagline}</p>
      </div>
    </footer>
  );
}

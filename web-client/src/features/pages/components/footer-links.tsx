import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { publishedPagesQueryOptions } from '../api/pages';

/** The published pages placed in the footer, in their order, titled in the reader's language. */
export function FooterLinks({ language, label }: { language: string; label: string }) {
  const pages = useQuery(publishedPagesQueryOptions(language));
  const links = (pages.data?.items ?? []).filter((page) => page.inFooter);
  if (links.length === 0) return null;
  return (
    <nav aria-label={label}>
      <ul className="site-footer__links">
        {links.map((page) => (
          <li key={page.id}>
            <Link to={`/pages/${page.slug}`} lang={page.language === language ? undefined : page.language}>
              {page.title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

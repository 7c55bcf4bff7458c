import { useLocation } from 'react-router';
import type { Language } from '@/lib/i18n/languages';
import { pathInLanguage } from '@/lib/i18n/negotiation';

/**
 * The page's other languages for search engines and link previews: a `<link rel="alternate" hreflang>` per offered
 * language (the same page under `/fr/…`, `/nl/…`, `/en/…`) and `x-default`, the address without a language that
 * each visitor's browser languages decide. React puts the links in the document's head and keeps them up to date as
 * the visitor moves around.
 */
export function LanguageAlternates({ languages }: { languages: readonly Language[] }) {
  const { pathname, search } = useLocation();
  const origin = window.location.origin;
  const path = `${pathname}${search}`;
  return (
    <>
      {languages.map((language) => (
        <link key={language} rel="alternate" hrefLang={language} href={`${origin}${pathInLanguage(path, language)}`} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={`${origin}${path}`} />
    </>
  );
}

import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { currentLanguage, i18n, languageNavigation } from '@/lib/i18n';
import { isLanguage } from '@/lib/i18n/languages';
import { languageOfPath, pathInLanguage, pathWithoutLanguage } from '@/lib/i18n/negotiation';
import { Providers } from './providers';
import { createRouter } from './router';

/**
 * The app under its language's address (`/nl/…`: the router's basename). A language change, wherever it comes from
 * (the switcher, the profile, the platform no longer offering it), moves to the same page under the other language;
 * going back to an address in another language changes the language.
 */
export function App() {
  const [router, setRouter] = useState(() => createRouter(currentLanguage()));

  useEffect(() => {
    function follow(language: string) {
      if (!isLanguage(language) || router.basename === `/${language}`) return;
      const { pathname, search, hash } = window.location;
      if (languageOfPath(pathname) !== language) {
        const address = `${pathInLanguage(pathWithoutLanguage(pathname), language)}${search}${hash}`;
        if (languageNavigation.replace) window.history.replaceState(null, '', address);
        else window.history.pushState(null, '', address);
      }
      languageNavigation.replace = false;
      router.dispose();
      setRouter(createRouter(language));
    }
    function onPopState() {
      const language = languageOfPath(window.location.pathname);
      if (language && language !== currentLanguage()) void i18n.changeLanguage(language);
    }
    i18n.on('languageChanged', follow);
    window.addEventListener('popstate', onPopState);
    return () => {
      i18n.off('languageChanged', follow);
      window.removeEventListener('popstate', onPopState);
    };
  }, [router]);

  return (
    <Providers>
      {/* A new router is a new app under its address: mounted afresh (RouterProvider keeps the first router's state). */}
      <RouterProvider key={router.basename} router={router} />
    </Providers>
  );
}

import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, SUPPORTED_LANGUAGES, type Language } from './languages';
import { NAMESPACES, type Namespace } from './namespaces';
import { ALL_LANGUAGES, languageOfPath, negotiateLanguage, type PlatformLanguages } from './negotiation';

const STORAGE_KEY = 'participation.language';
const PLATFORM_KEY = 'participation.platformLanguages';

/**
 * Each language's messages come in three chunks (src/lib/i18n/namespaces.ts): the first load's (`translation`: the
 * frame of every page and the home page), the `resident` ones (every other page) and the `staff` ones (the staff's
 * screens), each loaded when first needed: a visit in Dutch never downloads the French and English texts, and a
 * resident never downloads the staff's. The first language's `translation` is loaded before the first render
 * (`i18nReady`); a page's route loads the namespaces it needs before it renders (`loadMessages`), so no key ever shows.
 */
const loaders: Record<Language, Record<Namespace, () => Promise<{ default: ResourceKey }>>> = {
  fr: {
    translation: () => import('virtual:messages/fr/translation'),
    resident: () => import('virtual:messages/fr/resident'),
    staff: () => import('virtual:messages/fr/staff'),
  },
  nl: {
    translation: () => import('virtual:messages/nl/translation'),
    resident: () => import('virtual:messages/nl/resident'),
    staff: () => import('virtual:messages/nl/staff'),
  },
  en: {
    translation: () => import('virtual:messages/en/translation'),
    resident: () => import('virtual:messages/en/resident'),
    staff: () => import('virtual:messages/en/staff'),
  },
};

const isNamespace = (value: string): value is Namespace => (NAMESPACES as readonly string[]).includes(value);

const backend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    if (!isLanguage(language) || !isNamespace(namespace)) return callback(null, {});
    loaders[language][namespace]().then(
      (messages) => callback(null, messages.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // ignore: it lasts for this visit only
  }
}

/** The language the visitor chose with the switcher on an earlier visit, if any. */
export function storedLanguage(): Language | null {
  const value = read(STORAGE_KEY);
  return isLanguage(value) ? value : null;
}

/** Remembers an explicit choice (the switcher, the profile), which later visits to an address without language follow. */
export function rememberLanguage(language: Language): void {
  write(STORAGE_KEY, language);
}

/** The platform's languages as last seen (`GET /platform`), so a new visit can negotiate before the platform answers. */
function knownPlatformLanguages(): PlatformLanguages {
  try {
    const value = JSON.parse(read(PLATFORM_KEY) ?? 'null') as Partial<PlatformLanguages> | null;
    if (value && Array.isArray(value.enabled) && typeof value.defaultLanguage === 'string')
      return { enabled: value.enabled.filter((l) => typeof l === 'string'), defaultLanguage: value.defaultLanguage };
  } catch {
    // a damaged value: as if none
  }
  return ALL_LANGUAGES;
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

/** The language of a new visit: the address's (`/nl/…`), else the negotiated one (see negotiateLanguage). */
export function startingLanguage(): Language {
  return languageOfPath(window.location.pathname) ?? negotiateLanguage(browserLanguages(), knownPlatformLanguages(), storedLanguage());
}

/** How the address follows the next language change: a new history entry (a choice), or in place (a correction). */
export const languageNavigation = { replace: false };

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Resolves once the starting language's messages are in: render after it. */
export const i18nReady = i18n
  .use(backend)
  .use(initReactI18next)
  .init({
    lng: startingLanguage(),
    fallbackLng: false,
    ns: ['translation'],
    defaultNS: 'translation',
    // A key not in the first load's messages is looked up in the namespaces loaded since (src/lib/i18n/namespaces.ts).
    fallbackNS: ['resident', 'staff'],
    supportedLngs: [...SUPPORTED_LANGUAGES],
    load: 'languageOnly',
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
  });

/**
 * Loads the current language's messages of these namespaces (the others' follow on a language change): a page's
 * route awaits it before the page renders. Resolves, never rejects: a failed chunk shows keys, not a broken page.
 */
export function loadMessages(namespaces: readonly Namespace[]): Promise<void> {
  return i18n.loadNamespaces([...namespaces]).catch(() => undefined);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/**
 * Applies the platform's languages: remembered for the next visits, and a page in a language the platform does not
 * offer moves (in place) to the negotiated one.
 */
export function applyPlatformLanguages(enabled: readonly string[], defaultLanguage: string): void {
  const platform = { enabled, defaultLanguage };
  write(PLATFORM_KEY, JSON.stringify(platform));
  if (enabled.includes(currentLanguage())) return;
  const wanted = negotiateLanguage(browserLanguages(), platform, storedLanguage());
  if (wanted === currentLanguage()) return;
  languageNavigation.replace = true;
  void i18n.changeLanguage(wanted);
}

export { i18n };

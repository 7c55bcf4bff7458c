import { DEFAULT_LANGUAGE, isLanguage, SUPPORTED_LANGUAGES, type Language } from './languages';

/** The languages a platform offers and its default one, as `GET /platform` says. */
export interface PlatformLanguages {
  enabled: readonly string[];
  defaultLanguage: string;
}

/** Before the platform has answered (and when its answer names nothing we know): every language, French first. */
export const ALL_LANGUAGES: PlatformLanguages = { enabled: SUPPORTED_LANGUAGES, defaultLanguage: DEFAULT_LANGUAGE };

/** The platform's languages we know, never empty; its default one when it is among them, else the first. */
function offered(platform: PlatformLanguages): { enabled: Language[]; defaultLanguage: Language } {
  const enabled = platform.enabled.filter(isLanguage);
  const list = enabled.length > 0 ? enabled : [...SUPPORTED_LANGUAGES];
  const defaultLanguage =
    isLanguage(platform.defaultLanguage) && list.includes(platform.defaultLanguage) ? platform.defaultLanguage : list[0];
  return { enabled: list, defaultLanguage };
}

/**
 * The language of a visit whose address names none: the visitor's own choice (made with the language switcher on an
 * earlier visit) when the platform still offers it, else the first of the browser's languages (`navigator.languages`,
 * e.g. `nl-BE`, `en-US`: their primary subtag) that the platform offers, else the platform's default.
 */
export function negotiateLanguage(browser: readonly string[], platform: PlatformLanguages, stored: string | null): Language {
  const { enabled, defaultLanguage } = offered(platform);
  if (isLanguage(stored) && enabled.includes(stored)) return stored;
  for (const tag of browser) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary) && enabled.includes(primary)) return primary;
  }
  return defaultLanguage;
}

/** The language an address starts with (`/nl/projects` → nl), or null (`/projects`, `/de/…`). */
export function languageOfPath(pathname: string): Language | null {
  const first = pathname.split('/')[1] ?? '';
  return isLanguage(first) ? first : null;
}

/** The address inside the app, without its language: `/nl/projects/x` → `/projects/x`, `/nl` → `/`. */
export function pathWithoutLanguage(pathname: string): string {
  const language = languageOfPath(pathname);
  if (!language) return pathname || '/';
  return pathname.slice(language.length + 1) || '/';
}

/** An address inside the app under a language: (`/projects/x`, nl) → `/nl/projects/x`; (`/`, fr) → `/fr/`. */
export function pathInLanguage(path: string, language: Language): string {
  return `/${language}${path.startsWith('/') ? path : `/${path}`}`;
}

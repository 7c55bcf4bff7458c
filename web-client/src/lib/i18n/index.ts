import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { fr } from './locales/fr';
import { nl } from './locales/nl';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';

const STORAGE_KEY = 'participation.language';

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** Set while the platform's default language is applied: that is no choice of the visitor's, so it is not remembered. */
let applyingDefault = false;

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  if (applyingDefault) return;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // ignore: the choice lasts for this visit only
  }
});

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage() ?? DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['fr', 'nl', 'en'],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

/**
 * Applies the platform's languages: a visitor who never chose a language gets the platform's default one, and one whose
 * language the platform no longer offers gets it too (without remembering it as their choice).
 */
export function applyPlatformLanguages(enabled: readonly string[], defaultLanguage: string): void {
  const stored = storedLanguage();
  const current = currentLanguage();
  const wanted = stored && enabled.includes(stored) ? stored : defaultLanguage;
  if (!isLanguage(wanted) || wanted === current) return;
  applyingDefault = stored === null || !enabled.includes(stored);
  void i18n.changeLanguage(wanted).finally(() => {
    applyingDefault = false;
  });
}

export { i18n };

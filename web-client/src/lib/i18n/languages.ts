export const SUPPORTED_LANGUAGES = ['fr', 'nl', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

/** Each language's own name, shown the same whatever the current UI language. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  fr: 'Français',
  nl: 'Nederlands',
  en: 'English',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

import { useTranslation } from 'react-i18next';

/** A multilingual text (`{ fr, nl, en }`) in the page's language, else French, else any; and the language it is in. */
export function pickLocalized(
  value: Record<string, string> | undefined | null,
  language: string,
): { text: string; language: string } | null {
  if (!value) return null;
  if (value[language]) return { text: value[language], language };
  if (value.fr) return { text: value.fr, language: 'fr' };
  const any = Object.entries(value).find(([, text]) => text);
  return any ? { text: any[1], language: any[0] } : null;
}

/** The discreet note beside a text shown in another language than the page's, in the page's language. */
function NotTranslated() {
  const { t } = useTranslation();
  return (
    <>
      {' '}
      <span className="not-translated">({t('common.notTranslated')})</span>
    </>
  );
}

/**
 * A multilingual plain text in the page's language. When its translation is missing, the text shown (in French or
 * another language) carries its own `lang`, so screen readers pronounce it right, followed by « (non traduit) ».
 */
export function LocalizedText({ value }: { value: Record<string, string> | undefined | null }) {
  const { i18n } = useTranslation();
  const shown = pickLocalized(value, i18n.language);
  if (!shown) return null;
  if (shown.language === i18n.language) return <>{shown.text}</>;
  return (
    <>
      <span lang={shown.language}>{shown.text}</span>
      <NotTranslated />
    </>
  );
}

/**
 * A multilingual rich text (HTML the API sanitised with its allow-list when it was saved) in the page's language; a
 * fallback carries its `lang` and is preceded by the « non traduit » note.
 */
export function LocalizedHtml({ value, className }: { value: Record<string, string> | undefined | null; className?: string }) {
  const { i18n } = useTranslation();
  const shown = pickLocalized(value, i18n.language);
  if (!shown) return null;
  const fallback = shown.language !== i18n.language;
  return (
    <>
      {fallback ? (
        <p className="not-translated">
          <NotTranslated />
        </p>
      ) : null}
      <div className={className} lang={fallback ? shown.language : undefined} dangerouslySetInnerHTML={{ __html: shown.text }} />
    </>
  );
}

import { Fragment } from 'react';
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

/** Where the multilingual text goes in a translated sentence (a private-use character no translation contains). */
const SLOT = '\uE000';

/**
 * A translated sentence with a multilingual text in it (e.g. « 3. {{title}} (obligatoire) »): the sentence says where with
 * the slot it is given, and the text is shown there as {@link LocalizedText} shows it (with its `lang` and note if needed).
 */
export function LocalizedInSentence({
  sentence,
  value,
}: {
  sentence: (slot: string) => string;
  value: Record<string, string> | undefined | null;
}) {
  const parts = sentence(SLOT).split(SLOT);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <LocalizedText value={value} /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/**
 * A text the API already picked in one language (`language`: a page, the home page, shown in the platform's default language
 * when the reader's is missing). When that is not the page's language, it carries its own `lang` and the « non traduit » note.
 */
export function TextInLanguage({ text, language, note = true }: { text: string; language: string; note?: boolean }) {
  const { i18n } = useTranslation();
  if (language === i18n.language) return <>{text}</>;
  return (
    <>
      <span lang={language}>{text}</span>
      {note ? <NotTranslated /> : null}
    </>
  );
}

/** The « non traduit » note alone (e.g. before a rich text shown in another language), in a paragraph of its own. */
export function NotTranslatedNote() {
  return (
    <p className="not-translated">
      <NotTranslated />
    </p>
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

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

export interface ShareButtonsProps {
  /** The address to share: the API's share page (`/share/...`), which link previews read; absolute. */
  url: string;
  /** What is shared (the e-mail's subject, the post's text). */
  title: string;
  /** Inside a fold on a phone (whose summary already says « Partager »): the heading is then read out only. */
  folded?: boolean;
}

/**
 * The address of an item's share page, in the reader's language: what the share buttons give out. `path` is the item's
 * page in the web app, with slugs (/projects/{slug}, /projects/{slug}/ideas/{slug}, /events/{slug}): its share page is
 * the same path under /share.
 */
export function shareUrl(path: string, language: string, origin = window.location.origin): string {
  return `${origin}/share${path}?lang=${encodeURIComponent(language)}`;
}

/** The social networks' share addresses, built from the share page's address. */
export function networkLinks(url: string, title: string) {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  return [
    { key: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { key: 'x', href: `https://twitter.com/intent/tweet?url=${u}&text=${text}` },
    { key: 'linkedin', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { key: 'whatsapp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
  ] as const;
}

/**
 * Share a project, an idea or an event: copy the link (confirmed in a live region), e-mail it, the device's share sheet
 * where the browser has one (Web Share API), and the social networks' share pages (new tab). Plain links and buttons in a
 * labelled group: every one reachable with Tab, named for what it does.
 */
export function ShareButtons({ url, title, folded }: ShareButtonsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [status, setStatus] = useState<'copied' | 'copyFailed' | null>(null);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('copied');
    } catch {
      setStatus('copyFailed');
    }
  }

  async function share() {
    try {
      await navigator.share({ title, url });
    } catch {
      // dismissed by the person: nothing to say
    }
  }

  const mail = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n${url}`)}`;
  return (
    <section className="share" aria-labelledby={headingId}>
      <h2 id={headingId} className={folded ? 'share__title phone-fold__heading' : 'share__title'}>
        {t('share.title')}
      </h2>
      <ul className="share__list">
        <li>
          <Button variant="secondary" onClick={() => void copy()}>
            {t('share.copy')}
          </Button>
        </li>
        {canShare ? (
          <li>
            <Button variant="secondary" onClick={() => void share()}>
              {t('share.device')}
            </Button>
          </li>
        ) : null}
        <li>
          <a className="share__link" href={mail}>
            {t('share.email')}
          </a>
        </li>
        {networkLinks(url, title).map((link) => (
          <li key={link.key}>
            <a className="share__link" href={link.href} target="_blank" rel="noopener noreferrer">
              {t(`share.networks.${link.key}`)} <span className="visually-hidden">{t('share.newTab')}</span>
            </a>
          </li>
        ))}
      </ul>
      <p role="status" className="share__status">
        {status ? t(`share.${status}`) : ''}
      </p>
    </section>
  );
}

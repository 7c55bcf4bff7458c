import { displayUrl, safeExternalUrl } from '@/lib/urls';

/** An organisation's website as a plain external link (http or https only; anything else is shown as text). */
export function WebsiteLink({ website }: { website: string }) {
  const href = safeExternalUrl(website);
  if (!href) return <span>{website}</span>;
  return (
    <a href={href} rel="noopener noreferrer nofollow ugc" className="external-link">
      {displayUrl(href)}
    </a>
  );
}

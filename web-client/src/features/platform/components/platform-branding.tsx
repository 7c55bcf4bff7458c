import { useEffect } from 'react';
import type { GetPlatformResponse } from '@contracts/participation-client';
import { applyPlatformLanguages } from '@/lib/i18n';
import { isColour } from '@/lib/colours';

/** The custom properties app.css draws the primary colour (header, buttons, links) and the text on it with. */
export const PRIMARY_PROPERTY = '--color-primary';
export const ON_PRIMARY_PROPERTY = '--color-on-primary';

/**
 * Applies the platform's branding to the whole page: its colours as custom properties on :root, its favicon, and its
 * languages (the default one for a visitor who never chose). The name and logo are drawn by the header.
 */
export function PlatformBranding({ platform }: { platform: GetPlatformResponse | undefined }) {
  const primary = platform?.colours.primary;
  const onPrimary = platform?.colours.textOnPrimary;
  const favicon = platform?.faviconUrl;
  const languages = platform?.languages.join(',');
  const defaultLanguage = platform?.defaultLanguage;

  useEffect(() => {
    const root = document.documentElement.style;
    if (primary && isColour(primary)) root.setProperty(PRIMARY_PROPERTY, primary);
    if (onPrimary && isColour(onPrimary)) root.setProperty(ON_PRIMARY_PROPERTY, onPrimary);
    return () => {
      root.removeProperty(PRIMARY_PROPERTY);
      root.removeProperty(ON_PRIMARY_PROPERTY);
    };
  }, [primary, onPrimary]);

  useEffect(() => {
    if (!favicon) return;
    const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link) return;
    const previous = { href: link.getAttribute('href'), type: link.getAttribute('type') };
    link.setAttribute('href', favicon);
    link.removeAttribute('type'); // PNG or ICO: the browser tells by content
    return () => {
      if (previous.href) link.setAttribute('href', previous.href);
      if (previous.type) link.setAttribute('type', previous.type);
    };
  }, [favicon]);

  useEffect(() => {
    if (languages && defaultLanguage) applyPlatformLanguages(languages.split(','), defaultLanguage);
  }, [languages, defaultLanguage]);

  return null;
}

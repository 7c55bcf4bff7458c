import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n, i18nReady } from '@/lib/i18n';

// The messages are chunks loaded on demand (src/lib/i18n): the tests have all three languages' namespaces, and start
// in French.
await i18nReady;
await i18n.loadNamespaces(['resident', 'staff']);
await i18n.loadLanguages(['fr', 'nl', 'en']);
await i18n.changeLanguage('fr');

// findBy*/waitFor poll until their condition holds; on a loaded machine rendering can take seconds.
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

// ProseMirror (the rich-text editor) measures the selection to scroll it into view; jsdom lays nothing out.
if (typeof Range !== 'undefined' && !Range.prototype.getClientRects) {
  const empty = { length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] } as unknown as DOMRectList;
  Range.prototype.getClientRects = () => empty;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
}
if (typeof document !== 'undefined' && !document.elementFromPoint) document.elementFromPoint = () => null;

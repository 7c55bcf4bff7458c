import { Extension, type Extensions } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';

/** The link schemes the API's sanitiser keeps. */
export const ALLOWED_LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/** The only image source the API's sanitiser keeps: its own media, by their random key. */
export const OWN_MEDIA = /^\/api\/v1\/media\/[0-9a-f]{32}\.(png|jpg|webp)$/;

export function isAllowedLink(url: string): boolean {
  return ALLOWED_LINK.test(url.trim());
}

/**
 * The document the editor may hold is what the API stores (its allow-list: paragraphs, line breaks, bold, italic,
 * underline, strike, h2/h3, lists, quotes, http(s)/mailto links, its own images with alt text): no code, no rule, no
 * other heading level, no other image. What you see is what is saved.
 */
export function richTextExtensions(onLinkShortcut: () => void): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['mailto'],
        isAllowedUri: (url) => isAllowedLink(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    Image.configure({ inline: false, allowBase64: false }).extend({
      // Pasted or dropped images from elsewhere are dropped: only uploads to this API are kept (as the server does).
      parseHTML() {
        return [{ tag: 'img[src]', getAttrs: (node) => (OWN_MEDIA.test(node.getAttribute('src') ?? '') ? null : false) }];
      },
    }),
    Extension.create({
      name: 'linkShortcut',
      addKeyboardShortcuts() {
        return {
          'Mod-k': () => {
            onLinkShortcut();
            return true;
          },
        };
      },
    }),
  ];
}

/** The editor's HTML as stored: an empty document is the empty string, trailing empty paragraphs are dropped. */
export function storedHtml(html: string, isEmpty: boolean): string {
  if (isEmpty) return '';
  return html.replace(/(<p><\/p>)+$/, '');
}

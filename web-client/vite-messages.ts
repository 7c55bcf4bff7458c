import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin } from 'vite';
import { messagesOf, NAMESPACES, type Namespace } from './src/lib/i18n/namespaces.ts';

const PREFIX = 'virtual:messages/';
const LANGUAGES = ['fr', 'nl', 'en'];

/**
 * `virtual:messages/<language>/<namespace>`: one namespace's part of a language's messages (src/lib/i18n/namespaces.ts
 * says which keys go where), cut out of src/lib/i18n/locales/<language>.ts when the app is built or served. The locale
 * files stay one object per language, as translators and reviewers read them; each part is a chunk of its own.
 */
export function messagesPlugin(): Plugin {
  return {
    name: 'participation-messages',
    resolveId(id) {
      // The chunk is named after the resolved id's last segment: `fr-translation-<hash>.js`, `nl-staff-<hash>.js`.
      if (id.startsWith(PREFIX)) return `\0messages/${id.slice(PREFIX.length).replace('/', '-')}`;
    },
    async load(id) {
      if (!id.startsWith('\0messages/')) return;
      const [language, namespace] = id.slice('\0messages/'.length).split('-');
      if (!LANGUAGES.includes(language) || !NAMESPACES.includes(namespace as Namespace))
        this.error(`unknown messages ${id.slice(1)}: expected virtual:messages/<${LANGUAGES.join('|')}>/<${NAMESPACES.join('|')}>`);
      const file = fileURLToPath(new URL(`./src/lib/i18n/locales/${language}.ts`, import.meta.url));
      this.addWatchFile(file);
      const { code } = await transformWithOxc(readFileSync(file, 'utf8'), file, { lang: 'ts' });
      const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, unknown>;
      const part = messagesOf(module[language] as Parameters<typeof messagesOf>[0], namespace as Namespace);
      // JSON.parse of a string literal: parsed faster than the same object literal (https://v8.dev/blog/cost-of-javascript-2019#json).
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(part))});`;
    },
  };
}

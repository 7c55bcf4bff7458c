// The first load's budget: the JavaScript a visitor's browser fetches to show the home page, gzipped, from the
// production build's manifest (`npm run build` writes dist/.vite/manifest.json). `make test` runs it after the
// end-to-end tests built dist/; `npm run budget` builds nothing, it reads what is there.
//
// Counted: index.html's entry chunk and every chunk it imports statically (the browser fetches them at once,
// Vite preloads them), plus the French messages of the first load (`virtual:messages/fr/translation`, see
// src/lib/i18n/namespaces.ts), loaded before the first render. Lazy routes (every page but the home page) with the
// resident's and the staff's messages, Leaflet, the charts, the rich-text editor and the generated API client load
// only where they are used and are not counted.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * The aim was 150 KB, from ~202 KB (README, "First load"): the messages cut into namespaces and the generated client
 * out of the first load brought it to ~142 KB, so the ceiling is the aim. A chunk that grows past it is most likely
 * a value imported from `@contracts/participation-client` by the first load's code (it brings the whole generated
 * client, ~19 KB) or a feature's API module imported by the frame of the pages.
 */
const AIM_BYTES = 150 * 1024;
const BUDGET_BYTES = Number(process.env.BUNDLE_BUDGET_KB ?? 150) * 1024;
const dist = new URL('../dist/', import.meta.url);

let manifest;
try {
  manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
} catch {
  console.error('bundle budget: dist/.vite/manifest.json is missing; run `npm run build` first.');
  process.exit(2);
}

/** The manifest key of index.html's entry, and of the default language's messages. */
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry && key.endsWith('index.html'));
const localeKey = Object.keys(manifest).find((key) => key.endsWith('messages/fr-translation'));
if (!entryKey) {
  console.error('bundle budget: no index.html entry in the manifest.');
  process.exit(2);
}

/** A chunk and every chunk it imports statically, each once. */
function collect(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) collect(imported, seen);
  return seen;
}

const keys = collect(entryKey);
if (localeKey) collect(localeKey, keys);
else console.warn("bundle budget: no chunk of the first load's French messages (virtual:messages/fr/translation)");

const rows = [...keys]
  .map((key) => {
    const bytes = readFileSync(new URL(manifest[key].file, dist));
    return { file: manifest[key].file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const row of rows) console.log(`  ${row.file.padEnd(48)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)} gzip`);
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
const totalRaw = rows.reduce((sum, row) => sum + row.raw, 0);
console.log(
  `home page first load: ${rows.length} JS files, ${kb(totalRaw)}, ${kb(total)} gzipped (budget ${kb(BUDGET_BYTES)}, aim ${kb(AIM_BYTES)})`,
);
if (total > BUDGET_BYTES) {
  console.error(
    `bundle budget exceeded by ${kb(total - BUDGET_BYTES)}: split what the home page does not need (a lazy route, a dynamic import).`,
  );
  process.exit(1);
}

/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import { messagesPlugin } from './vite-messages.ts';

const apiUrl = process.env.API_URL ?? 'http://localhost:5080';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const mapTileUrl = process.env.MAP_TILE_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
/** Host names besides localhost and IP addresses the servers answer (comma-separated; `.example.org` for all under it):
 * the cities' own addresses when several share this server (the end-to-end journeys map `.ville.test` to loopback). */
const extraHosts = (process.env.ALLOWED_HOSTS ?? '')
  .split(',')
  .map((host) => host.trim())
  .filter(Boolean);

/**
 * The origin a Leaflet tile URL template loads from, for the CSP's img-src:
 * `https://tile.openstreetmap.org/{z}/{x}/{y}.png` → `https://tile.openstreetmap.org`;
 * a `{s}` subdomain becomes a wildcard (`https://*.tile.example.org`); a path on this server needs nothing.
 */
function tileOrigin(template: string): string | null {
  if (template.startsWith('/') && !template.startsWith('//')) return null;
  const url = new URL(template.replace(/\{s\}/g, 'subdomain-placeholder').replace(/\{[^}]*\}/g, '0'));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`MAP_TILE_URL must be an http(s) URL: ${template}`);
  return url.origin.replace('subdomain-placeholder', '*');
}

const proxy: Record<string, ProxyOptions> = {
  '/api': { target: apiUrl, changeOrigin: false },
  '/health': { target: apiUrl, changeOrigin: false },
  '/swagger': { target: apiUrl, changeOrigin: false },
  // Widgets' embed pages (the configurator's preview frames them from this address) and the script snippet's code.
  '/embed': { target: apiUrl, changeOrigin: false },
  // Share pages: Open Graph and Twitter card meta for link previews, served by the API (the app is client-rendered).
  '/share': { target: apiUrl, changeOrigin: false },
};

// blob: for the previews of photos chosen in a form (object URLs of the person's own files).
const imgSrc = ["'self'", 'data:', 'blob:', tileOrigin(mapTileUrl)].filter(Boolean).join(' ');

/** Sent by `vite preview` (the production-like server used by the end-to-end tests). */
const securityHeaders = {
  'Content-Security-Policy':
    `default-src 'self'; script-src 'self'; style-src 'self'; img-src ${imgSrc}; connect-src 'self'; ` +
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // geolocation=(self): « Utiliser ma position » places an idea where the resident stands (deploy/nginx sends the same).
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(self)',
};

/**
 * Caching of the production build as `vite preview` serves it (the web host in front of a deployment does the same,
 * see the README): the files under /assets/ carry a hash of their content in their name, so they are cached for a
 * year and never asked again; index.html, which every app address (`/fr/…`) answers with, is revalidated on every visit
 * so a new deployment is seen at once. The API's answers (proxied) keep their own headers.
 */
const cacheHeaders: Plugin = {
  name: 'participation-cache-headers',
  configurePreviewServer(server) {
    server.middlewares.use((req, res, next) => {
      const path = req.url ?? '/';
      if (!Object.keys(proxy).some((prefix) => path.startsWith(prefix)))
        res.setHeader('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      next();
    });
  },
};

export default defineConfig({
  plugins: [react(), messagesPlugin(), cacheHeaders],
  resolve: {
    alias: {
      '@contracts': fileURLToPath(new URL('../contracts/typescript', import.meta.url)),
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy,
    fs: { allow: [repoRoot] },
    allowedHosts: extraHosts,
  },
  preview: {
    port: 4173,
    strictPort: true,
    proxy,
    headers: securityHeaders,
    allowedHosts: extraHosts,
  },
  build: {
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks each page loads, read by the bundle budget (scripts/bundle-budget.mjs).
    manifest: true,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // A shared 2-core machine can be many times slower than a quiet one: tests wait on conditions (findBy, waitFor),
    // and these limits only bound how long a condition may take to become true before the test fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

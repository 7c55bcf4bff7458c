import { expect, type Browser, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';

export const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });
export const subnav = (page: Page) => page.getByRole('navigation', { name: 'Sections de l’administration' });

/** Where the web app keeps the refresh token (src/lib/auth/session-store.ts). */
const REFRESH_TOKEN_KEY = 'participation.refreshToken';
let sessions = 0;

/**
 * Signs in through the API and hands the session to the page the way the app keeps it (the refresh token in
 * localStorage), then opens `path` and waits until the app has restored the session (it rotates the refresh token).
 * The login form itself is covered by account.spec.ts; here it would only cost time.
 */
export async function logIn(page: Page, email: string, secret: string, path = '/profile') {
  const response = await page.request.post('/api/v1/auth/login', { data: { email, password: secret } });
  expect(response.status(), `login of ${email}`).toBe(200);
  const { refreshToken } = (await response.json()) as { refreshToken: string };
  // Set once per tab (init scripts run at every navigation; a later sign-in in the same tab wins over earlier ones).
  const seq = ++sessions;
  await page.addInitScript(
    ({ key, token, seq }) => {
      if (Number(window.sessionStorage.getItem('e2e.session') ?? 0) >= seq) return;
      window.sessionStorage.setItem('e2e.session', String(seq));
      window.localStorage.setItem(key, token);
    },
    { key: REFRESH_TOKEN_KEY, token: refreshToken, seq },
  );
  await page.goto(path);
  await expect
    .poll(() => page.evaluate((key) => window.localStorage.getItem(key), REFRESH_TOKEN_KEY), { message: `session of ${email} restored` })
    .not.toBe(refreshToken);
}

/** A screenshot for people reviewing the UI, only when E2E_SCREENSHOTS is set (each costs time and asserts nothing). */
export async function screenshot(page: Page, path: string, fullPage = true) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path, fullPage });
}

/** The e-mailed link points at the preview server; keep only its path and fragment. */
export function localPath(link: string) {
  const url = new URL(link);
  return `${url.pathname}${url.hash}`;
}

/** A page in a browser context of its own (another person), watched like the test's own (`watchCsp` from support/csp). */
export async function newPage(browser: Browser, watchCsp: (page: Page) => void, options?: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  watchCsp(page);
  return page;
}

/** Presses Tab until `target` has the focus (it fails after `maxPresses`). */
export async function tabTo(page: Page, target: Locator, maxPresses: number) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Not reached with ${maxPresses} presses of Tab`);
}

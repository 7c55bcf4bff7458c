import { expect, type Browser, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';

export const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });
export const subnav = (page: Page) => page.getByRole('navigation', { name: 'Sections de l’administration' });

/** Logs in from the login page and lands on the profile. */
export async function logIn(page: Page, email: string, secret: string) {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/profile$/);
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

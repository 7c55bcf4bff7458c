import { expect, test } from '@playwright/test';
import { admin } from './support/admin';
import { adminToken, bearer } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, subnav } from './support/pages';

failOnCspViolations();

/** A 1×1 PNG, made in the test. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

test('an admin sets the logo and the colours, and the header shows them', async ({ page, request }) => {
  const auth = bearer(await adminToken(request));
  const before = (await (await request.get('/api/v1/platform/settings', { headers: auth })).json()) as {
    primaryColour: string;
    textOnPrimaryColour: string;
    name: string;
  };
  try {
    await logIn(page, admin.email, admin.password, '/admin');
    await subnav(page).getByRole('link', { name: 'Paramètres de la plateforme' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Paramètres de la plateforme' })).toBeVisible();
    await expectAccessible(page, 'platform settings');

    // The logo: chosen, previewed, uploaded.
    await page.getByLabel('Fichier du logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await expect(page.getByRole('img', { name: 'Aperçu du fichier choisi' })).toBeVisible();
    await page.getByRole('button', { name: 'Envoyer le logo' }).click();
    await expect(page.getByText('Logo enregistré.')).toBeVisible();

    // The colours, with the keyboard: a too light text is refused beside its field, then a readable pair is saved.
    const text = page.getByLabel('Couleur du texte sur la couleur principale');
    await text.fill('#777777');
    await expect(page.getByTestId('platform-contrast')).toContainText('insuffisant');
    await text.press('Enter');
    await expect(page.locator('#platform-textOnPrimaryColour-error')).toContainText('il faut au moins 4,5:1');
    await text.fill('#ffffff');
    const primary = page.getByLabel('Couleur principale', { exact: true });
    await primary.fill('#0b5d1e');
    await expect(page.getByTestId('platform-contrast')).toContainText('(suffisant)');
    await primary.press('Enter');
    await expect(page.getByText('Paramètres enregistrés.')).toBeVisible();

    // The header: the new logo (named after the platform) on the new primary colour.
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('img', { name: before.name })).toHaveAttribute('src', /\/api\/v1\/platform\/logo\?v=/);
    await expect(page.locator('header.site-header')).toHaveCSS('background-color', 'rgb(11, 93, 30)');
    await expect(page.getByRole('button', { name: 'Enregistrer les paramètres' })).toHaveCSS('background-color', 'rgb(11, 93, 30)');
    await expectAccessible(page, 'platform settings after saving');

    // A visitor sees them too.
    await page.goto('/');
    await expect(page.getByRole('banner').getByRole('img', { name: before.name })).toBeVisible();
    await expect(page.locator('header.site-header')).toHaveCSS('background-color', 'rgb(11, 93, 30)');
  } finally {
    // The other journeys share this platform: its colours go back.
    const now = (await (await request.get('/api/v1/platform/settings', { headers: auth })).json()) as Record<string, unknown>;
    // (The retention of inactive accounts has its own endpoint: not part of this save.)
    const {
      logoUrl: _logo,
      faviconUrl: _favicon,
      updatedAt: _updated,
      defaults: _defaults,
      inactiveAccountRetentionMonths: _retention,
      ...editable
    } = now;
    const restored = await request.put('/api/v1/platform/settings', {
      headers: auth,
      data: { ...editable, primaryColour: before.primaryColour, textOnPrimaryColour: before.textOnPrimaryColour },
    });
    expect(restored.ok()).toBe(true);
  }
});

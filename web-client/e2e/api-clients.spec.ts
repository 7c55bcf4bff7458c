import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { adminToken, bearer, grantRole, password, register } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, screenshot, subnav, tabTo } from './support/pages';
import { escape, unique, uniqueEmail } from './support/text';

failOnCspViolations();

async function pressUntilFocused(page: Page, name: string | RegExp, role: 'button' | 'textbox' | 'checkbox' | 'spinbutton' = 'button') {
  await tabTo(page, page.getByRole(role, { name, exact: typeof name === 'string' }), 80);
}

/** The token endpoint, called from Node as the integration would (form-encoded client credentials). */
async function tokenStatus(request: APIRequestContext, clientId: string, clientSecret: string) {
  const response = await request.post('/api/v1/oauth/token', {
    form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
  });
  return { status: response.status(), body: (await response.json()) as { access_token?: string; error?: string } };
}

/** What the secret dialog shows: the client id and the secret, read from their fields. */
async function shownCredentials(page: Page, name: string) {
  const dialog = page.getByRole('dialog', { name: `Identifiants du client « ${name} »` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Copiez le secret maintenant : il ne sera plus jamais affiché.')).toBeVisible();
  const clientId = await dialog.getByRole('textbox', { name: 'Identifiant (client_id)' }).inputValue();
  const clientSecret = await dialog.getByRole('textbox', { name: 'Secret (client_secret)' }).inputValue();
  expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
  expect(clientSecret).toMatch(/^pcs_[A-Za-z0-9_-]{43}$/);
  return { dialog, clientId, clientSecret };
}

test('the IT manager creates an API client with the keyboard, sees its secret once, rotates it and revokes it', async ({
  page,
  request,
}) => {
  const auth = bearer(await adminToken(request));
  const email = uniqueEmail('it');
  const itManager = await register(request, { email, firstName: 'Sofie', lastName: 'Informatique' });
  await grantRole(request, auth, itManager, { role: 'it_manager', scopeType: 'platform' });
  const name = unique('Portail open data');

  await logIn(page, email, password, '/admin');
  await expect(page.getByRole('link', { name: 'Clients d’API' }).first()).toBeVisible();
  await subnav(page).getByRole('link', { name: 'Clients d’API' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients d’API' })).toBeFocused();
  await expectAccessible(page, 'api clients: list');

  // The form with the keyboard: a client without a scope is refused beside the scopes, then created with two.
  await pressUntilFocused(page, 'Nouveau client');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Nouveau client d’API' })).toBeFocused();
  await pressUntilFocused(page, 'Nom', 'textbox');
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Republie les projets et les idées sur le portail open data.');
  await pressUntilFocused(page, 'Créer le client');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Choisissez au moins une portée.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /projects:read/ })).toHaveAccessibleDescription(/Choisissez au moins une portée/);
  await expectAccessible(page, 'api clients: form with errors');
  await page.getByRole('checkbox', { name: /projects:read/ }).focus();
  await page.keyboard.press('Space');
  await pressUntilFocused(page, /ideas:read/, 'checkbox');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: /ideas:read/ })).toHaveAccessibleDescription(/Les idées publiques/);
  await pressUntilFocused(page, 'Créer le client');
  await page.keyboard.press('Enter');

  // The secret, once: copied with the keyboard, then the dialog closed; the list keeps only its last characters.
  const created = await shownCredentials(page, name);
  await expectAccessible(page, 'api clients: secret shown once');
  await screenshot(page, '/tmp/e2e-api-clients-secret.png', false);
  await pressUntilFocused(page, 'Copier Secret (client_secret)');
  await page.keyboard.press('Enter');
  await expect(created.dialog.getByRole('status').filter({ hasText: /Copié\.|Texte sélectionné/ })).toBeVisible();
  await pressUntilFocused(page, 'J’ai copié le secret');
  await page.keyboard.press('Enter');
  await expect(created.dialog).toBeHidden();
  const card = page.getByRole('article', { name });
  await expect(page.getByRole('heading', { level: 3, name })).toBeFocused();
  await expect(card.getByText('Actif', { exact: true })).toBeVisible();
  await expect(card.getByText(created.clientId)).toBeVisible();
  await expect(card.getByText(`…${created.clientSecret.slice(-4)}`)).toBeVisible();
  await expect(page.getByText(created.clientSecret)).toHaveCount(0);

  // The integration uses it: a token from the token endpoint, accepted by the change feed.
  const first = await tokenStatus(request, created.clientId, created.clientSecret);
  expect(first.status).toBe(200);
  const feed = await request.get('/api/v1/changes/cursor', { headers: bearer(first.body.access_token!) });
  expect(feed.status()).toBe(200);

  // Rotation without overlap (as after a leak): a new secret shown once; the previous one and its token stop at once.
  await pressUntilFocused(page, `Nouveau secret pour le client ${name}`);
  await page.keyboard.press('Enter');
  const rotate = page.getByRole('dialog', { name: `Nouveau secret pour « ${name} »` });
  await expect(rotate.getByRole('spinbutton', { name: 'Chevauchement (heures)' })).toHaveValue('24');
  await expect(rotate.getByRole('spinbutton', { name: 'Chevauchement (heures)' })).toHaveAccessibleDescription(
    /0 arrête les secrets actuels/,
  );
  await expectAccessible(page, 'api clients: rotate');
  await pressUntilFocused(page, 'Chevauchement (heures)', 'spinbutton');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('0');
  await pressUntilFocused(page, 'Créer le nouveau secret');
  await page.keyboard.press('Enter');
  const rotated = await shownCredentials(page, name);
  expect(rotated.clientId).toBe(created.clientId);
  expect(rotated.clientSecret).not.toBe(created.clientSecret);
  await expect(rotated.dialog.getByText(/Les secrets précédents restent valables jusqu’au/)).toBeVisible();
  await pressUntilFocused(page, 'J’ai copié le secret');
  await page.keyboard.press('Enter');
  await expect(rotated.dialog).toBeHidden();
  await expect(card.getByText(new RegExp(`${escape(created.clientSecret.slice(-4))} — inactif depuis le`))).toBeVisible();
  await expect(card.getByText(new RegExp(`${escape(rotated.clientSecret.slice(-4))} — actif$`))).toBeVisible();
  expect((await tokenStatus(request, created.clientId, created.clientSecret)).status).toBe(401);
  expect((await request.get('/api/v1/changes/cursor', { headers: bearer(first.body.access_token!) })).status()).toBe(401);
  const second = await tokenStatus(request, rotated.clientId, rotated.clientSecret);
  expect(second.status).toBe(200);
  await screenshot(page, '/tmp/e2e-api-clients-list.png');

  // Revocation, confirmed: the token endpoint now refuses the client (401 invalid_client).
  await pressUntilFocused(page, `Révoquer le client ${name}`);
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Révoquer ce client ?' });
  await expect(confirm.getByText(/C’est définitif/)).toBeVisible();
  await expectAccessible(page, 'api clients: revoke');
  await pressUntilFocused(page, 'Révoquer le client');
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Le client « ${name} » a été révoqué.` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name })).toBeFocused();
  await expect(card.getByText('Révoqué', { exact: true })).toBeVisible();
  await expect(card.getByRole('button')).toHaveCount(0);
  const refused = await tokenStatus(request, rotated.clientId, rotated.clientSecret);
  expect(refused).toEqual({ status: 401, body: expect.objectContaining({ error: 'invalid_client' }) as unknown });
  expect((await request.get('/api/v1/changes/cursor', { headers: bearer(second.body.access_token!) })).status()).toBe(401);
  await expectAccessible(page, 'api clients: revoked');
});

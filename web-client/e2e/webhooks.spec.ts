import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { adminToken, bearer, grantRole, password, register } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, subnav, tabTo } from './support/pages';
import { unique, uniqueEmail } from './support/text';

failOnCspViolations();

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 (the e2e API allows loopback): records what it gets, answers 200. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      if (body.length < 1_000_000) body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

/** Standard Webhooks verification, from the specification: HMAC-SHA256 of "id.timestamp.body" with the secret's bytes. */
function verify(secret: string, { headers, body }: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`)
    .digest('base64');
  return String(headers['webhook-signature'])
    .split(' ')
    .some(
      (s) => s.startsWith('v1,') && s.length === expected.length + 3 && timingSafeEqual(Buffer.from(s.slice(3)), Buffer.from(expected)),
    );
}

async function pressUntilFocused(page: Page, name: string | RegExp, role: 'button' | 'textbox' | 'checkbox' | 'combobox' = 'button') {
  await tabTo(page, page.getByRole(role, { name, exact: typeof name === 'string' }), 120);
}

test('the IT manager subscribes a client to events with the keyboard, sees the secret once, tests and replays deliveries', async ({
  page,
  request,
}) => {
  const receiver = await startReceiver();
  try {
    const auth = bearer(await adminToken(request));
    const email = uniqueEmail('it');
    const itManager = await register(request, { email, firstName: 'Inès', lastName: 'Informatique' });
    await grantRole(request, auth, itManager, { role: 'it_manager', scopeType: 'platform' });
    const clientName = unique('Gestion des demandes');
    const created = await request.post('/api/v1/api-clients', {
      headers: auth,
      data: { name: clientName, scopes: ['ideas:read', 'webhooks:manage'] },
    });
    expect(created.status()).toBe(201);

    await logIn(page, email, password, '/admin');
    await subnav(page).getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeFocused();
    await expectAccessible(page, 'webhooks: client picker');

    // Pick the client, then a new webhook with the keyboard: without events, refused beside the events.
    await page.getByRole('combobox', { name: 'Client' }).selectOption({ label: clientName });
    await expect(page.getByRole('heading', { level: 2, name: `Webhooks de ${clientName}` })).toBeVisible();
    await expect(page.getByText('Aucun webhook pour ce client.')).toBeVisible();
    await pressUntilFocused(page, 'Nouveau webhook');
    await page.keyboard.press('Enter');
    await pressUntilFocused(page, 'Adresse du récepteur', 'textbox');
    await page.keyboard.type(receiver.url);
    await pressUntilFocused(page, 'Créer le webhook');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Choisissez au moins un événement.')).toBeVisible();
    // Only the events the client's scopes can read are offered (ideas:read: ideas and comments, no projects).
    await expect(page.getByRole('checkbox', { name: /project\.edited/ })).toHaveCount(0);
    await expectAccessible(page, 'webhooks: form with errors');
    await pressUntilFocused(page, /idea\.submitted/, 'checkbox');
    await page.keyboard.press('Space');
    await pressUntilFocused(page, /comment\.posted/, 'checkbox');
    await page.keyboard.press('Space');
    await pressUntilFocused(page, 'Créer le webhook');
    await page.keyboard.press('Enter');

    // The secret, once, focused for copying; then gone.
    const secretField = page.getByRole('textbox', { name: 'Secret de signature' });
    await expect(secretField).toBeFocused();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await expectAccessible(page, 'webhooks: secret shown once');
    await pressUntilFocused(page, 'Copier le secret');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /Secret copié|Secret sélectionné/ })).toBeVisible();
    await pressUntilFocused(page, 'J’ai copié le secret');
    await page.keyboard.press('Enter');
    await expect(secretField).toHaveCount(0);
    const card = page.getByRole('article', { name: receiver.url });
    await expect(card.getByText('Actif', { exact: true })).toBeVisible();
    await expect(card.getByText('2 types d’événements')).toBeVisible();

    // A test message: signed, received, then "Livré" in the delivery log.
    await pressUntilFocused(page, `Envoyer un message de test à ${receiver.url}`);
    await page.keyboard.press('Enter');
    await expect(page.getByText(`Message de test mis en file pour ${receiver.url}.`)).toBeVisible();
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
    const first = receiver.received[0];
    expect(verify(secret, first)).toBe(true);
    expect(JSON.parse(first.body)).toMatchObject({ type: 'webhook.test' });
    await pressUntilFocused(page, `Journal de livraisons de ${receiver.url}`);
    await page.keyboard.press('Enter');
    const log = page.getByRole('table');
    await expect(log.getByText('Livré')).toBeVisible({ timeout: 15_000 });
    await expect(log.getByText('HTTP 200')).toBeVisible();
    await expectAccessible(page, 'webhooks: delivery log');

    // Replayed: the same message (webhook-id and body) again.
    await pressUntilFocused(page, /^Renvoyer la livraison webhook\.test/);
    await page.keyboard.press('Enter');
    await expect(page.getByText('Livraison renvoyée : elle part dans un instant.')).toBeVisible();
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
    expect(receiver.received[1].headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(receiver.received[1].body).toBe(first.body);
    expect(verify(secret, receiver.received[1])).toBe(true);
    await expect(log.getByText('rejeu', { exact: false })).toBeVisible({ timeout: 15_000 });

    // Disabled by hand, then enabled again.
    await pressUntilFocused(page, `Désactiver le webhook ${receiver.url}`);
    await page.keyboard.press('Enter');
    await expect(card.getByText('Désactivé', { exact: true })).toBeVisible();
    await pressUntilFocused(page, `Réactiver le webhook ${receiver.url}`);
    await page.keyboard.press('Enter');
    await expect(card.getByText('Actif', { exact: true })).toBeVisible();
    await expectAccessible(page, 'webhooks: list');
  } finally {
    await new Promise((resolve) => receiver.server.close(resolve));
  }
});

import { expect, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { staysOnMachine } from '../support/csp';
import { tabTo } from '../support/pages';

/**
 * `make run-cluster` as a person uses it: the built app served by nginx, every API call answered by one of two instances
 * (X-Instance names which), on the demo city. The demo's resident and the Leopold Park project (its ideas phase is open).
 */
const resident = { email: 'habitant@demo.participation.test', password: 'Demo-password-2026' };
const project = { id: '0190a000-0000-7000-8000-000000000301', title: 'Réaménagement du parc Léopold' };
const ideaTitle = 'Un espace pour chiens en liberté';

/** A 1×1 PNG: the map's tiles here (the demo's come from a public server, which the nginx CSP allows; nothing leaves). */
const tile = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('a resident signs in through nginx, likes an idea and still sees the like on every instance', async ({ page }) => {
  // Nothing leaves the machine: map tiles are answered by the browser itself, any other request off the machine is
  // refused and fails the test; so does a CSP violation (nginx sends the app's CSP).
  const outside: string[] = [];
  const violations: string[] = [];
  await page.context().route(
    (url) => !staysOnMachine(url.href),
    (route) => {
      if (new URL(route.request().url()).hostname === 'tile.openstreetmap.org')
        return route.fulfill({ status: 200, contentType: 'image/png', body: tile });
      outside.push(route.request().url());
      return route.abort();
    },
  );
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  // Which instance answered each API call (nginx sends them round robin), and which ones served the idea.
  const instances = new Set<string>();
  const ideaReads = new Set<string>();
  page.on('response', (response) => {
    const instance = response.headers()['x-instance'];
    if (!instance) return;
    instances.add(instance);
    if (response.request().method() === 'GET' && /\/api\/v1\/ideas\/[0-9a-f-]{36}$/.test(new URL(response.url()).pathname))
      ideaReads.add(instance);
  });

  // The login form, sent with the keyboard.
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
  await page.getByLabel('Adresse e-mail').fill(resident.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(resident.password);
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/login$/);

  await page.goto(`/projects/${project.id}`);
  await expect(page.getByRole('heading', { level: 1, name: project.title })).toBeVisible();
  const ideas = page.getByRole('region', { name: 'Idées', exact: true });
  await expect(ideas.getByRole('article', { name: ideaTitle })).toBeVisible();
  await expectAccessible(page, 'project page through nginx');

  await ideas.getByRole('article', { name: ideaTitle }).getByRole('link', { name: ideaTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible();
  const like = page.getByRole('button', { name: /^J’aime/ });
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  const before = Number(/\d+/.exec((await like.textContent()) ?? '')?.[0] ?? 0);
  await tabTo(page, like, 80);
  // The button turns at once (optimistic); the like is recorded once the API has answered.
  const reacted = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/reaction'));
  await page.keyboard.press('Enter');
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  await expect(like).toHaveAccessibleName(`J’aime ${before + 1}`);
  expect((await reacted).ok(), 'the like acknowledged').toBe(true);

  // Read your writes whichever instance answers: reloaded until both have served the idea (bounded), the like is there.
  ideaReads.clear();
  for (let i = 0; i < 10 && ideaReads.size < 2; i++) {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible();
    await expect(like).toHaveAttribute('aria-pressed', 'true');
    await expect(like).toHaveAccessibleName(`J’aime ${before + 1}`);
    // nginx takes turns: when a page load makes an even number of API calls, the idea would land on the same instance
    // every time. One more call through nginx shifts the turn.
    if (ideaReads.size < 2) expect((await page.request.get('/api/v1/platform')).ok()).toBe(true);
  }
  expect([...ideaReads].sort(), 'the instances that served the idea after the like').toEqual(['api-a', 'api-b']);
  expect([...instances].sort(), 'the instances that answered').toEqual(['api-a', 'api-b']);
  expect(violations, 'CSP violations').toEqual([]);
  expect(outside, 'requests leaving the machine').toEqual([]);
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { adminToken, bearer, createDepartment, createdId, dayUtc, grantRole, password, register, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, subnav, tabTo } from './support/pages';
import { escape, unique, uniqueEmail } from './support/text';

const watchCsp = failOnCspViolations();

/** A 1×1 PNG, made in the test. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Through the API: a published project with an image and a running ideation phase, and a communication manager. */
async function cityWithProject(request: APIRequestContext) {
  const auth = bearer(await adminToken(request));
  const departmentId = await createDepartment(request, auth, unique('Communication'));
  const title = unique('Place du marché');
  const projectId = await createdId(
    await request.post('/api/v1/projects', {
      headers: auth,
      data: { departmentId, title: { fr: title }, summary: { fr: 'La place sera rénovée : donnez vos idées.' } },
    }),
  );
  const image = await request.put(`/api/v1/projects/${projectId}/image`, {
    headers: auth,
    multipart: { file: { name: 'place.png', mimeType: 'image/png', buffer: PNG } },
  });
  expect(image.ok()).toBe(true);
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    headers: auth,
    data: { title: { fr: 'Vos idées pour la place' }, startsAt: dayUtc(-3), endsAt: dayUtc(20), method: 'ideation' },
  });
  expect(phase.status()).toBe(201);
  const published = await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth });
  expect(published.ok()).toBe(true);
  const email = uniqueEmail('communication');
  const managerId = await register(request, { email, firstName: 'Camille', lastName: 'Communication' });
  await grantRole(request, auth, managerId, { role: 'communication_manager', scopeType: 'platform' });
  return { title, email };
}

/**
 * A city website on a loopback port of its own (another origin than the web app and the API): it serves whatever page
 * the test sets, and is closed at the end of the test.
 */
class CityWebsite {
  pages: Record<string, string> = {};
  private readonly server: Server = createServer((req, res) => {
    const page = this.pages[req.url ?? '/'];
    res.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page ?? 'not found');
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const sitePage = (body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Ville de Belleville</title></head>` +
  `<body><main><h1>Bienvenue à Belleville</h1>${body}</main></body></html>`;

const allowedSite = new CityWebsite();
const otherSite = new CityWebsite();
let allowedOrigin = '';
let otherOrigin = '';

test.beforeAll(async () => {
  allowedOrigin = await allowedSite.start();
  otherOrigin = await otherSite.start();
});

test.afterAll(async () => {
  await Promise.all([allowedSite.close(), otherSite.close()]);
});

async function pressUntilFocused(page: Page, name: string | RegExp, role: 'button' | 'textbox' | 'combobox' | 'radio' = 'button') {
  await tabTo(page, page.getByRole(role, { name, exact: typeof name === 'string' }), 80);
}

test('a communication manager configures a widget with the keyboard, copies its snippets, and only the listed site can show it', async ({
  page,
  browser,
  request,
}) => {
  const { title, email } = await cityWithProject(request);
  const name = unique('Site de la ville');

  await logIn(page, email, password, '/admin');
  await expect(page.getByRole('link', { name: 'Widgets' }).first()).toBeVisible();
  await expect(page.getByText('Outils à venir')).toHaveCount(0);
  await subnav(page).getByRole('link', { name: 'Widgets' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Widgets' })).toBeFocused();
  await expectAccessible(page, 'widgets: list');

  // The form, with the keyboard only: a name, chosen projects, the colours and the site allowed to show it.
  await pressUntilFocused(page, 'Nouveau widget');
  await page.keyboard.press('Enter');
  await pressUntilFocused(page, 'Nom', 'textbox');
  await page.keyboard.type(name);
  await pressUntilFocused(page, /Les projets en cours/, 'radio');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Des projets choisis/ })).toBeChecked();
  await pressUntilFocused(page, 'Projet à ajouter', 'combobox');
  await page.getByRole('combobox', { name: 'Projet à ajouter' }).selectOption({ label: title });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Ajouter' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Projets choisis' }).getByText(title)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Projet à ajouter' })).toBeFocused();
  // A text colour too light for the background is refused beside the field, with its contrast.
  await pressUntilFocused(page, 'Couleur du texte', 'textbox');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('#999999');
  await expect(page.getByText(/Couleur du texte : contraste 2,8:1, insuffisant/)).toBeVisible();
  await pressUntilFocused(page, 'Sites autorisés à intégrer le widget', 'textbox');
  await page.keyboard.type(allowedOrigin);
  await pressUntilFocused(page, 'Créer le widget');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Couleur du texte')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'widgets: low contrast refused');
  await page.getByLabel('Couleur du texte').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('#1f2933');
  await expect(page.getByText(/Couleur du texte : contraste \d+,\d:1, suffisant/)).toBeVisible();
  await pressUntilFocused(page, 'Créer le widget');
  await page.keyboard.press('Enter');

  // Created: its editor opens with the snippets and the live preview (the real embed page, framed by the web app).
  await expect(page.getByRole('status').filter({ hasText: `Le widget « ${name} » a été créé.` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `Widget « ${name} »` })).toBeFocused();
  const iframeCode = page.getByRole('textbox', { name: 'Code iframe' });
  await expect(iframeCode).toHaveValue(/^<iframe src="http:\/\/[^"]+\/embed\/widgets\/[0-9a-f-]{36}" title="Participez aux projets"/);
  await expect(page.getByRole('textbox', { name: 'Code script' })).toHaveValue(/data-participation-widget="[0-9a-f-]{36}"/);
  await expect(page.getByRole('textbox', { name: 'Bouton « Participer »' })).toHaveValue(/>Participer<\/a>$/);
  const preview = page.frameLocator(`iframe[title="Aperçu du widget ${name}"]`);
  await expect(preview.getByRole('heading', { level: 1, name: 'Participez aux projets' })).toBeVisible();
  await expect(preview.getByRole('link', { name: new RegExp(escape(title)) })).toBeVisible();
  await expect(preview.getByText('Proposez vos idées')).toBeVisible();
  await pressUntilFocused(page, 'Copier le Code iframe');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /Copié\.|Texte sélectionné/ })).toBeVisible();
  await expectAccessible(page, 'widgets: snippets and preview');

  const iframe = await iframeCode.inputValue();
  const script = await page.getByRole('textbox', { name: 'Code script' }).inputValue();
  const embedUrl = /src="([^"]+)"/.exec(iframe)![1];

  // The listed site shows the widget in its page, with the iframe snippet and with the script snippet.
  allowedSite.pages['/'] = sitePage(iframe);
  allowedSite.pages['/script'] = sitePage(script);
  otherSite.pages['/'] = sitePage(iframe);
  const city = await (await browser.newContext()).newPage();
  watchCsp(city); // the widget's own style and script run under its policy
  await city.goto(`${allowedOrigin}/`);
  await expect(city.frameLocator('iframe').getByRole('link', { name: new RegExp(escape(title)) })).toBeVisible();
  await expect
    .poll(() =>
      city
        .frameLocator('iframe')
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBeGreaterThan(0);
  await city.goto(`${allowedOrigin}/script`);
  const inserted = city.locator('iframe[title="Participez aux projets"]');
  await expect(
    city.frameLocator('iframe[title="Participez aux projets"]').getByRole('link', { name: new RegExp(escape(title)) }),
  ).toBeVisible();
  // The page reported its height and the frame follows it.
  await expect(inserted).not.toHaveAttribute('height', '600');
  await city.context().close();

  // Another site cannot: the browser refuses to frame the page (its policy's frame-ancestors), the content never shows.
  const other = await (await browser.newContext()).newPage();
  const refused = other.waitForEvent('console', (message) => /frame-ancestors/.test(message.text()));
  await other.goto(`${otherOrigin}/`);
  await refused;
  await expect(other.frameLocator('iframe').getByRole('link', { name: new RegExp(escape(title)) })).toHaveCount(0);
  await expect(other.frameLocator('iframe').getByText('Participez aux projets')).toHaveCount(0);
  await other.context().close();

  // The widget page itself, as a visitor's browser reads it: accessible.
  const widget = await (await browser.newContext()).newPage();
  watchCsp(widget);
  await widget.goto(embedUrl);
  await expect(widget.getByRole('heading', { level: 2, name: new RegExp(escape(title)) })).toBeVisible();
  await expectAccessible(widget, 'widget page');
  await widget.context().close();

  // Deleted, with a confirmation: its page is gone.
  await page.getByRole('button', { name: `Supprimer le widget ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer le widget' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Le widget « ${name} » a été supprimé.` })).toBeVisible();
  const token = await tokenFor(request, email, password);
  const list = (await (await request.get('/api/v1/widgets', { headers: bearer(token) })).json()) as { items: { name: string }[] };
  expect(list.items.map((w) => w.name)).not.toContain(name);
  expect((await request.get(embedUrl)).status()).toBe(404);
});

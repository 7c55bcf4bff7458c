import { expect, test, type Page } from '@playwright/test';
import { adminToken, bearer, createDepartment, createdId, dayUtc } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { newPage } from './support/pages';
import { escape, tag } from './support/text';

const watchCsp = failOnCspViolations();

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

test('a Dutch-speaking visitor lands in Dutch; a shared link keeps its language; switching keeps the page', async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000); // three languages, two contexts' worth of pages, four axe checks on a busy machine
  // A published project translated into Dutch and English, its summary in French only.
  const auth = bearer(await adminToken(request));
  const id = tag();
  const title = { fr: `Parc des langues ${id}`, nl: `Talenpark ${id}`, en: `Language park ${id}` };
  const departmentId = await createDepartment(request, auth, `Langues ${id}`);
  const projectId = await createdId(
    await request.post('/api/v1/projects', {
      headers: auth,
      data: { departmentId, title, summary: { fr: 'Un parc où chacun parle sa langue.' } },
    }),
  );
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    headers: auth,
    data: { title: { fr: 'Vos idées' }, startsAt: dayUtc(-3), endsAt: dayUtc(20), method: 'ideation' },
  });
  expect(phase.status()).toBe(201);
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);

  // A browser that prefers Dutch lands in Dutch, under /nl/, with the page's other languages announced.
  const page = await newPage(browser, watchCsp, { locale: 'nl-BE' });
  await page.goto('/');
  await expect(page).toHaveURL(/\/nl\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
  for (const language of ['fr', 'nl', 'en'])
    await expect(page.locator(`head link[rel="alternate"][hreflang="${language}"]`)).toHaveAttribute('href', `${baseURL}/${language}/`);
  await expect(page.locator('head link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute('href', `${baseURL}/`);
  await expectAccessible(page, 'home page in Dutch');

  // An old link without a language opens in the visitor's language: the project's Dutch title (its address, one slug).
  await page.goto(`/projects/${projectId}`);
  await expect(heading(page, title.nl)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/nl/projects/${escape(`parc-des-langues-${id}`)}$`));
  // The summary exists in French only: shown in French, marked as such, with a note in Dutch.
  const summary = page.getByText('Un parc où chacun parle sa langue.');
  await expect(summary).toHaveAttribute('lang', 'fr');
  await expect(summary.locator('xpath=..').getByText('(niet vertaald)')).toBeVisible();
  await expectAccessible(page, 'project page in Dutch with a French summary');

  // A link shared in English opens in English, whatever the browser prefers.
  await page.goto(`/en/projects/${projectId}`);
  await expect(heading(page, title.en)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Un parc où chacun parle sa langue.').locator('xpath=..').getByText('(not translated)')).toBeVisible();
  const path = new URL(page.url()).pathname.slice('/en'.length);
  await expect(page.locator('head link[rel="alternate"][hreflang="nl"]')).toHaveAttribute('href', `${baseURL}/nl${path}`);

  // Switching the language keeps the page; going back returns to the English address and language.
  await page.getByLabel('Language').selectOption('fr');
  await expect(heading(page, title.fr)).toBeVisible();
  await expect(page).toHaveURL(`${baseURL}/fr${path}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByText('(non traduit)')).toHaveCount(0);
  await expectAccessible(page, 'project page after switching to French');
  await page.goBack();
  await expect(heading(page, title.en)).toBeVisible();
  await expect(page).toHaveURL(`${baseURL}/en${path}`);

  // The choice is remembered: an address without a language now opens in French, despite the Dutch browser.
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/fr\/projects$/);
  await page.context().close();
});

test('a Dutch share link opens the Dutch page, where an event written in French only is marked as such', async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const auth = bearer(await adminToken(request));
  const id = tag();
  const title = `Balade des langues ${id}`;
  const created = await request.post('/api/v1/events', {
    headers: auth,
    data: { title: { fr: title }, startsAt: dayUtc(5), endsAt: dayUtc(6), placeName: 'Parc', registration: false },
  });
  expect(created.status(), await created.text()).toBe(201);
  const event = (await created.json()) as { id: string; slug: string };

  // The share page the Dutch share buttons give sends people on to the event's page in Dutch.
  const share = await request.get(`/share/events/${event.id}?lang=nl`);
  expect(share.ok()).toBe(true);
  expect(await share.text()).toContain(`href="${baseURL}/nl/events/${event.slug}"`);

  const page = await newPage(browser, watchCsp, { locale: 'nl-BE' });
  await page.goto(`/nl/events/${event.slug}`);
  await expect(heading(page, `${title} (niet vertaald)`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 }).locator('[lang="fr"]')).toHaveText(title);
  await expectAccessible(page, 'event page in Dutch with a title in French only');
  await page.context().close();
});

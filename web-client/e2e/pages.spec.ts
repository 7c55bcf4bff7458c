import { expect, test } from '@playwright/test';
import { adminToken, bearer, createDepartment, createdId, dayUtc, grantRole, register } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, newPage, subnav } from './support/pages';
import { unique, uniqueEmail } from './support/text';

const watchCsp = failOnCspViolations();

test('a communication manager edits and publishes the about page; a visitor opens it from the footer and shares a project', async ({
  page,
  browser,
  request,
}) => {
  // Through the API: a published project and a communication manager.
  const auth = bearer(await adminToken(request));
  const departmentId = await createDepartment(request, auth, unique('Communication'));
  const title = unique('Parc des Étangs');
  const projectId = await createdId(
    await request.post('/api/v1/projects', {
      headers: auth,
      data: { departmentId, title: { fr: title }, summary: { fr: 'Le parc sera réaménagé : donnez votre avis.' } },
    }),
  );
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    headers: auth,
    data: { title: { fr: 'Vos idées' }, startsAt: dayUtc(-3), endsAt: dayUtc(20), method: 'ideation' },
  });
  expect(phase.status()).toBe(201);
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);
  const email = uniqueEmail('pages');
  const managerId = await register(request, { email, firstName: 'Camille', lastName: 'Pages' });
  await grantRole(request, auth, managerId, { role: 'communication_manager', scopeType: 'platform' });

  // The communication manager finds the pages in the staff area and opens the about page.
  await logIn(page, email, 'un mot de passe assez long', '/admin');
  await subnav(page).getByRole('link', { name: 'Pages' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pages' })).toBeVisible();
  await expectAccessible(page, 'pages list');
  await page.getByRole('table').getByRole('link', { name: 'À propos' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Page « À propos »' })).toBeVisible();

  // Taken back to draft while it is rewritten: the footer no longer shows it.
  await page.getByRole('button', { name: 'Repasser en brouillon' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'La page est repassée en brouillon.' })).toBeVisible();
  const footer = page.getByRole('navigation', { name: 'Pages d’information' });
  await expect(footer.getByRole('link', { name: 'Questions fréquentes' })).toBeVisible();
  await expect(footer.getByRole('link', { name: 'À propos' })).toHaveCount(0);

  // A sentence added with the editor, from the keyboard, saved, then published.
  const sentence = unique('Les permanences ont lieu le mardi');
  const body = page.getByRole('textbox', { name: 'Texte (Français)' });
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(sentence);
  await expectAccessible(page, 'page editor');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Page enregistrée.' })).toBeVisible();
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Page publiée.' })).toBeVisible();

  // A visitor opens it from the footer.
  const visitor = await newPage(browser, watchCsp, { permissions: ['clipboard-read', 'clipboard-write'] });
  await visitor.goto('/');
  await visitor.getByRole('navigation', { name: 'Pages d’information' }).getByRole('link', { name: 'À propos' }).click();
  await expect(visitor).toHaveURL(/\/pages\/a-propos$/);
  await expect(visitor.getByRole('heading', { level: 1, name: 'À propos' })).toBeVisible();
  await expect(visitor.getByText(sentence)).toBeVisible();
  await expectAccessible(visitor, 'about page');
  // The English address of the same page leads to it too, under the French address (the reader's language).
  await visitor.goto('/pages/about');
  await expect(visitor).toHaveURL(/\/pages\/a-propos$/);
  await visitor.goto('/pages/accessibilite');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Déclaration d’accessibilité' })).toBeVisible();
  await expectAccessible(visitor, 'accessibility statement');

  // The visitor copies a project's share link; a link preview of it shows the project.
  await visitor.goto(`/projects/${projectId}`);
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const share = visitor.getByRole('region', { name: 'Partager' });
  await share.getByRole('button', { name: 'Copier le lien' }).focus();
  await visitor.keyboard.press('Enter');
  await expect(share.getByRole('status')).toHaveText('Lien copié dans le presse-papiers.');
  const copied = await visitor.evaluate(() => navigator.clipboard.readText());
  // The share link carries the project's slug (the page itself moved from its id address to its slug address).
  expect(copied).toMatch(/\/share\/projects\/[a-z0-9-]+\?lang=fr$/);
  expect(copied).not.toContain(projectId);
  await expectAccessible(visitor, 'project page with share buttons');

  const preview = await visitor.request.get(copied, { headers: { 'User-Agent': 'facebookexternalhit/1.1' } });
  expect(preview.status()).toBe(200);
  const html = await preview.text();
  expect(html).toContain(`<meta property="og:title" content="${title}">`);
  expect(html).toContain('<meta name="twitter:card"');
  await visitor.context().close();
});

import { expect, test } from '@playwright/test';
import { adminToken, bearer, createDepartment, createdId, dayUtc, grantRole, register } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, newPage, subnav } from './support/pages';
import { unique, uniqueEmail } from './support/text';

const watchCsp = failOnCspViolations();

/** A 1×1 PNG, made in the test. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

test('the communication manager edits and publishes the home page with the editor; a visitor sees it', async ({
  page,
  browser,
  request,
}) => {
  // Through the API: a published project to pin and a communication manager.
  const auth = bearer(await adminToken(request));
  const departmentId = await createDepartment(request, auth, unique('Accueil'));
  const project = unique('Jardin partagé');
  const projectId = await createdId(
    await request.post('/api/v1/projects', {
      headers: auth,
      data: { departmentId, title: { fr: project }, summary: { fr: 'Un jardin cultivé par les voisins.' } },
    }),
  );
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    headers: auth,
    data: { title: { fr: 'Vos idées' }, startsAt: dayUtc(-3), endsAt: dayUtc(20), method: 'ideation' },
  });
  expect(phase.status()).toBe(201);
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);
  const email = uniqueEmail('home');
  const managerId = await register(request, { email, firstName: 'Camille', lastName: 'Accueil' });
  await grantRole(request, auth, managerId, { role: 'communication_manager', scopeType: 'platform' });

  // The editor, from the staff area's navigation.
  await logIn(page, email, 'un mot de passe assez long', '/admin');
  await subnav(page).getByRole('link', { name: 'Page d’accueil' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Page d’accueil' })).toBeVisible();

  // The banner: an image with its alternative text, a title, a call to action.
  const title = unique('Belleville avance avec vous');
  await page.getByLabel('Image de la bannière').setInputFiles({ name: 'parc.png', mimeType: 'image/png', buffer: PNG });
  await page.getByLabel('Texte alternatif de l’image').fill('Le parc au printemps');
  await page.getByLabel('Titre', { exact: true }).fill(title);
  await page.getByLabel('Libellé du bouton d’action').fill('Proposer une idée');
  await page.getByLabel('Lien du bouton d’action').fill(`/projects/${projectId}`);

  // A pinned project; the figures moved up with the keyboard.
  await page.getByLabel('Projet à épingler').selectOption({ label: project });
  await page.getByRole('button', { name: 'Épingler' }).click();
  const up = page.getByRole('button', { name: 'Monter « La participation en chiffres »' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expectAccessible(page, 'home page editor');

  // The preview shows the draft with the public components; the visitors still see the previous home page.
  await page.getByRole('button', { name: 'Aperçu' }).click();
  const preview = page.getByRole('region', { name: 'Aperçu du brouillon' });
  await expect(preview.getByRole('heading', { name: title })).toBeVisible();
  await expect(preview.getByRole('img', { name: 'Le parc au printemps' })).toBeVisible();
  await expect(preview.getByRole('heading', { level: 3 })).toHaveText([
    title,
    'À la une',
    'Projets ouverts à la participation',
    'Bientôt clôturés',
    'Prochains événements',
    'La participation en chiffres',
    'Derniers résultats et décisions',
  ]);
  await expectAccessible(page, 'home page preview');

  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Page d’accueil publiée.' })).toBeVisible();

  // A visitor gets the published home page: the banner, the pinned project, the call to action.
  const visitor = await newPage(browser, watchCsp);
  await visitor.goto('/');
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByRole('img', { name: 'Le parc au printemps' })).toBeVisible();
  await expect(visitor.getByRole('region', { name: 'À la une' }).getByRole('link', { name: project })).toBeVisible();
  await expectAccessible(visitor, 'published home page');
  await visitor.getByRole('link', { name: 'Proposer une idée' }).click();
  // The link named the project by its id: the page replaces it with the project's readable address.
  await expect(visitor.getByRole('heading', { level: 1, name: project })).toBeVisible();
  await expect(visitor).not.toHaveURL(new RegExp(projectId));
});

import { expect, test } from '@playwright/test';
import { adminToken, bearer, grantRole, password, registerConfirmed } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn } from './support/pages';
import { tag as stamp } from './support/text';

failOnCspViolations();

/** A 1×1 PNG, made in the test. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

test('a moderator writes a project description with the editor from the keyboard: heading, list, link and an image with its alt text', async ({
  page,
  request,
}) => {
  const tag = stamp();
  const title = `Parc du Lac ${tag}`;
  const auth = bearer(await adminToken(request));
  const department = await request.post('/api/v1/departments', { data: { name: { fr: `Service des parcs ${tag}` } }, headers: auth });
  expect(department.status()).toBe(201);
  const departmentId = ((await department.json()) as { id: string }).id;
  const created = await request.post('/api/v1/projects', { data: { departmentId, title: { fr: title } }, headers: auth });
  expect(created.status()).toBe(201);
  const projectId = ((await created.json()) as { id: string }).id;
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);
  const email = `e2e-nora-${tag}@example.test`;
  const nora = await registerConfirmed(request, { email, firstName: 'Nora', lastName: `Texte${tag}` });
  await grantRole(request, auth, nora, { role: 'project_moderator', scopeType: 'project', scopeId: projectId });

  await logIn(page, email, password, `/admin/projects/${projectId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Projet : ${title}` })).toBeVisible();
  const description = page.getByRole('textbox', { name: 'Description (Français)' });
  await expect(description).toHaveAccessibleDescription(/Intertitres, listes, citations, liens et images/);
  const toolbar = page.getByRole('toolbar', { name: 'Mise en forme : Description (Français)' });

  // A heading (Ctrl+Alt+2), a paragraph, a bulleted list (Ctrl+Shift+8), typed.
  await description.focus();
  await page.keyboard.press('Control+Alt+2');
  await expect(toolbar.getByRole('button', { name: 'Intertitre', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('Le calendrier');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Trois étapes :');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+8');
  await expect(toolbar.getByRole('button', { name: 'Liste à puces' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('La consultation');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Le vote');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // out of the list
  await page.keyboard.type('Le plan complet : ');

  // A link (Ctrl+K): a scheme other than http(s)/mailto is refused in the dialog.
  await page.keyboard.press('Control+k');
  const linkDialog = page.getByRole('dialog', { name: 'Lien' });
  const url = linkDialog.getByLabel('Adresse du lien');
  await expect(url).toBeFocused();
  await page.keyboard.type('javascript:alert(1)');
  await page.keyboard.press('Enter');
  await expect(url).toHaveAccessibleDescription(/Indiquez une adresse commençant par https:\/\//);
  await url.fill('https://ville.example/parc-du-lac');
  await page.keyboard.press('Enter');
  await expect(linkDialog).toBeHidden();
  await expect(description).toBeFocused();
  await expect(description.getByRole('link', { name: 'https://ville.example/parc-du-lac' })).toBeVisible();

  // An image: from the toolbar (Alt+F10, arrows), uploaded, with its alt text required.
  await page.keyboard.press('Alt+F10');
  await expect(toolbar.getByRole('button', { name: 'Gras' })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(toolbar.getByRole('button', { name: 'Image' })).toBeFocused();
  await page.keyboard.press('Enter');
  const imageDialog = page.getByRole('dialog', { name: 'Insérer une image' });
  const file = imageDialog.getByLabel('Image (PNG, JPEG ou WebP, 5 Mo au plus)');
  await expect(file).toBeFocused();
  await file.setInputFiles({ name: 'plan.png', mimeType: 'image/png', buffer: PNG });
  await page.keyboard.press('Tab');
  await expect(imageDialog.getByLabel('Texte alternatif')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(imageDialog.getByLabel('Texte alternatif')).toHaveAccessibleDescription(/Décrivez l’image/);
  await expectAccessible(page, 'image dialog');
  await page.keyboard.type('Plan du parc du lac');
  await page.keyboard.press('Enter');
  await expect(imageDialog).toBeHidden();
  await expect(description.getByRole('img', { name: 'Plan du parc du lac' })).toBeVisible();
  await expectAccessible(page, 'project editor with rich text');

  await page.getByRole('button', { name: 'Enregistrer les textes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Les textes ont été enregistrés.' })).toBeVisible();

  // The public page shows them.
  await page.goto(`/projects/${projectId}`);
  const shown = page.getByRole('region', { name: 'Description' });
  await expect(shown.getByRole('heading', { level: 2, name: 'Le calendrier' })).toBeVisible();
  await expect(shown.getByRole('listitem')).toHaveText(['La consultation', 'Le vote']);
  await expect(shown.getByRole('link', { name: 'https://ville.example/parc-du-lac' })).toHaveAttribute(
    'href',
    'https://ville.example/parc-du-lac',
  );
  const image = shown.getByRole('img', { name: 'Plan du parc du lac' });
  await expect(image).toHaveAttribute('src', /^\/api\/v1\/media\/[0-9a-f]{32}\.png$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expectAccessible(page, 'public project page with rich text');
});

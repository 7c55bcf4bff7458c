import { expect, test } from '@playwright/test';
import { bearer, password, publishedIdeationProject, registerConfirmed, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, newPage } from './support/pages';
import { tag, unique } from './support/text';

const watchCsp = failOnCspViolations();

// A 2 × 1 PNG: the server cuts its centre square and makes the 256 px avatar.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mM4EWDz36bixH8AE8MEz42sZN8AAAAASUVORK5CYII=', 'base64');

test('a resident sets a photo, finds her idea among her contributions; a visitor opens her public profile from the idea', async ({
  page,
  browser,
  request,
}) => {
  test.slow(); // two people, three axe runs
  const { projectId } = await publishedIdeationProject(
    request,
    { department: 'Quartiers', project: 'Nos rues' },
    { permissions: { postIdea: 'confirmed_email', comment: 'confirmed_email', react: 'confirmed_email' } },
  );
  const email = `e2e-people-${tag()}@example.test`;
  const lastName = `Profil${tag()}`;
  await registerConfirmed(request, { email, firstName: 'Inès', lastName });
  const title = unique('Des bacs à fleurs rue Haute');
  const posted = await request.post(`/api/v1/projects/${projectId}/ideas`, {
    headers: bearer(await tokenFor(request, email, password)),
    data: { title, body: '<p>Des fleurs devant les écoles.</p>' },
  });
  expect(posted.status()).toBe(201);

  // Her photo, from the profile page, with the keyboard-reachable file field.
  await logIn(page, email, password, '/profile');
  const avatar = page.getByRole('form', { name: 'Photo de profil' });
  await expect(avatar.getByText('Pas de photo : vos initiales sont affichées.')).toBeVisible();
  await avatar.getByLabel('Choisir une photo').setInputFiles({ name: 'moi.png', mimeType: 'image/png', buffer: png });
  await avatar.getByRole('button', { name: 'Enregistrer la photo' }).click();
  await expect(avatar.getByText('Votre photo a été enregistrée.')).toBeVisible();
  await expect(avatar.getByText('Votre photo actuelle.')).toBeVisible();
  await expectAccessible(page, 'profile with a photo');

  // Her contributions: the idea, linking to its page.
  await page.getByRole('link', { name: 'Mes contributions' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes contributions' })).toBeVisible();
  const mine = page.getByRole('list', { name: 'Mes contributions' });
  await expect(mine.getByRole('link', { name: title })).toBeVisible();
  await expectAccessible(page, 'my contributions');

  // A visitor reads the idea, follows the author's name to her public profile: her name, her photo, her idea, no address.
  const other = await newPage(browser, watchCsp, { locale: 'fr-BE' });
  await other.goto(`/projects/${projectId}/ideas/${((await posted.json()) as { id: string }).id}`);
  await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await other
    .getByRole('link', { name: `Inès ${lastName}` })
    .first()
    .click();
  await expect(other).toHaveURL(/\/fr\/people\/[0-9a-f-]+$/);
  await expect(other.getByRole('heading', { level: 1, name: `Inès ${lastName}` })).toBeVisible();
  const contributions = other.getByRole('list', { name: 'Contributions publiques' });
  await expect(contributions.getByRole('link', { name: title })).toBeVisible();
  await expect(other.locator('img[src*="/api/v1/avatars/"]').first()).toBeVisible();
  await expect(other.getByRole('main')).not.toContainText(email);
  await expectAccessible(other, 'public profile');
  await other.context().close();
});

import { expect, test } from '@playwright/test';
import { adminToken, bearer, dayUtc, password, registerConfirmed, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { newPage } from './support/pages';
import { escape, tag as stamp } from './support/text';

const watchCsp = failOnCspViolations();

/**
 * Readable addresses: from the projects list to a project and one of its ideas, the address bar shows their slugs; a
 * reload keeps the page; an old address holding ids lands on the slug address.
 */
test('projects and ideas open at their slug addresses, and id addresses move there', async ({ browser, request }) => {
  const tag = stamp();
  const auth = bearer(await adminToken(request));
  const department = await request.post('/api/v1/departments', { data: { name: { fr: `Urbanisme ${tag}` } }, headers: auth });
  expect(department.status()).toBe(201);
  const departmentId = ((await department.json()) as { id: string }).id;
  const title = `Rénovation de la place ${tag}`;
  const created = await request.post('/api/v1/projects', { data: { departmentId, title: { fr: title } }, headers: auth });
  expect(created.status()).toBe(201);
  const projectId = ((await created.json()) as { id: string }).id;
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    headers: auth,
    data: { title: { fr: 'Vos idées' }, startsAt: dayUtc(-1), endsAt: dayUtc(14), method: 'ideation' },
  });
  expect(phase.status(), await phase.text()).toBe(201);
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);
  const email = `e2e-slugs-${tag}@example.test`;
  await registerConfirmed(request, { email, firstName: 'Sami', lastName: `Slug${tag}` });
  const idea = await request.post(`/api/v1/projects/${projectId}/ideas`, {
    headers: bearer(await tokenFor(request, email, password)),
    data: { title: 'Des bancs à l’ombre', body: '<p>Sous les platanes, près de la fontaine.</p>' },
  });
  expect(idea.status(), await idea.text()).toBe(201);
  const ideaId = ((await idea.json()) as { id: string }).id;
  const projectSlug = `renovation-de-la-place-${tag}`;
  const projectUrl = new RegExp(`/projects/${escape(projectSlug)}$`);
  const ideaUrl = new RegExp(`/projects/${escape(projectSlug)}/ideas/des-bancs-a-l-ombre$`);

  const page = await newPage(browser, watchCsp);
  await page.goto('/projects');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(projectUrl);
  await expectAccessible(page, 'project page at its slug address');

  await page.getByRole('link', { name: 'Des bancs à l’ombre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Des bancs à l’ombre' })).toBeVisible();
  await expect(page).toHaveURL(ideaUrl);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Des bancs à l’ombre' })).toBeVisible();
  await expect(page).toHaveURL(ideaUrl);
  await expectAccessible(page, 'idea page at its slug address');

  // Addresses given out before slugs, with ids, move to the slug addresses.
  await page.goto(`/projects/${projectId}`);
  await expect(page).toHaveURL(projectUrl);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.goto(`/projects/${projectId}/ideas/${ideaId}`);
  await expect(page).toHaveURL(ideaUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Des bancs à l’ombre' })).toBeVisible();
  await page.context().close();
});

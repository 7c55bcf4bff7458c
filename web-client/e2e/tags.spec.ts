import { expect, test } from '@playwright/test';
import { admin } from './support/admin';
import { adminToken, bearer, createDepartment, createdId, dayUtc } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn } from './support/pages';
import { unique } from './support/text';

const watchCsp = failOnCspViolations();

test('an admin tags a project with a topic and an area; the public projects and events filter by them', async ({ page, request }) => {
  watchCsp(page);
  const auth = bearer(await adminToken(request));
  const topic = unique('Jeunesse');
  const area = unique('Quartier Nord');
  await createdId(await request.post('/api/v1/topics', { data: { name: { fr: topic } }, headers: auth }));
  await createdId(await request.post('/api/v1/areas', { data: { name: { fr: area } }, headers: auth }));
  const department = unique('Jeunesse et sports');
  await createDepartment(request, auth, department);

  // The project form: topics and areas are toggle buttons from the admins' lists.
  await logIn(page, admin.email, admin.password, '/admin/projects/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau projet' })).toBeVisible();
  const title = unique('Un skatepark au nord');
  await page.getByLabel('Service', { exact: true }).selectOption({ label: department });
  await page.getByLabel('Titre (Français)').fill(title);
  const topicChip = page.getByRole('group', { name: 'Thèmes' }).getByRole('button', { name: topic });
  await topicChip.focus();
  await page.keyboard.press('Space');
  await expect(topicChip).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('group', { name: 'Quartiers' }).getByRole('button', { name: area }).click();
  await expectAccessible(page, 'project form: topics and areas');
  await page.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Projet : ${title}` })).toBeVisible();
  const projectId = /\/admin\/projects\/([0-9a-f-]{36})/.exec(page.url())![1];
  await expect(page.getByRole('group', { name: 'Quartiers' }).getByRole('button', { name: area })).toHaveAttribute('aria-pressed', 'true');

  // Published with a phase, an event in the project and one platform-wide (through the API).
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    headers: auth,
    data: { title: { fr: 'Vos idées' }, startsAt: dayUtc(-1), endsAt: dayUtc(14), method: 'ideation', settings: {} },
  });
  expect(phase.status()).toBe(201);
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);
  const eventTitle = unique('Atelier skate');
  const cityEvent = unique('Fête de la ville');
  for (const [projectIdOrNull, name] of [
    [projectId, eventTitle],
    [null, cityEvent],
  ] as const) {
    await createdId(
      await request.post('/api/v1/events', {
        headers: auth,
        data: {
          projectId: projectIdOrNull,
          title: { fr: name },
          startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 3 * 86_400_000 + 7_200_000).toISOString(),
          placeName: 'Parc du Nord',
          registration: false,
        },
      }),
    );
  }

  // The public projects, filtered by the topic.
  await page.goto('/projects');
  await expect(page.getByRole('heading', { level: 1, name: 'Projets' })).toBeVisible();
  await page.getByLabel('Thème', { exact: true }).selectOption({ label: topic });
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '1 projet affiché.' })).toBeVisible();
  await expectAccessible(page, 'projects filtered by topic');

  // The events, filtered by the area: the project's event, not the city's.
  await page.goto('/events');
  await expect(page.getByRole('heading', { level: 2, name: cityEvent })).toBeVisible();
  await page.getByLabel('Quartier', { exact: true }).selectOption({ label: area });
  await expect(page.getByRole('heading', { level: 2, name: eventTitle })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: cityEvent })).toHaveCount(0);
  await expectAccessible(page, 'events filtered by area');
});

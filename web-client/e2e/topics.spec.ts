import { expect, test } from '@playwright/test';
import { admin } from './support/admin';
import { adminToken, bearer, createDepartment, dayUtc, password, registerConfirmed } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, screenshot } from './support/pages';
import { tag, unique } from './support/text';

const watchCsp = failOnCspViolations();

test('an admin adds a translated topic and an area; a resident picks topic chips with the keyboard; the ideas filter by topic', async ({
  page,
  request,
}) => {
  watchCsp(page);
  const topic = unique('Propreté');
  const area = unique('Quartier de la gare');

  // « Thèmes et quartiers »: a topic with its Dutch and English names, an area with a polygon pasted as GeoJSON.
  await logIn(page, admin.email, admin.password, '/admin/topics');
  await expect(page.getByRole('heading', { level: 1, name: 'Thèmes et quartiers' })).toBeVisible();
  const topicForm = page.getByRole('region', { name: 'Ajouter un thème' });
  await topicForm.getByLabel('Nom en français').fill(topic);
  await topicForm.getByLabel('Nom en néerlandais (facultatif)').fill(`Netheid ${tag()}`);
  await topicForm.getByLabel('Nom en anglais (facultatif)').fill(`Cleanliness ${tag()}`);
  await topicForm.getByRole('button', { name: 'Ajouter le thème' }).click();
  await expect(page.getByRole('status').filter({ hasText: `« ${topic} » a été ajouté.` })).toBeVisible();

  const areaForm = page.getByRole('region', { name: 'Ajouter un quartier' });
  await areaForm.getByLabel('Nom en français').fill(area);
  await areaForm
    .getByLabel('Polygone GeoJSON (facultatif)')
    .fill('{"type":"Polygon","coordinates":[[[4.35,50.84],[4.36,50.84],[4.36,50.85]]]}');
  await areaForm.getByRole('button', { name: 'Ajouter le quartier' }).click();
  await expect(areaForm.getByLabel('Polygone GeoJSON (facultatif)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'topics and areas: a polygon refused');
  await areaForm
    .getByLabel('Polygone GeoJSON (facultatif)')
    .fill('{"type":"Polygon","coordinates":[[[4.35,50.84],[4.36,50.84],[4.36,50.85],[4.35,50.84]]]}');
  await areaForm.getByRole('button', { name: 'Ajouter le quartier' }).click();
  await expect(page.getByRole('status').filter({ hasText: `« ${area} » a été ajouté.` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: area })).toBeVisible();
  await expectAccessible(page, 'topics and areas');
  await screenshot(page, '/tmp/participation-topics.png');

  // A project collecting ideas (through the API).
  const auth = bearer(await adminToken(request));
  const departmentId = await createDepartment(request, auth, unique('Propreté publique'));
  const projectTitle = unique('Une ville propre');
  const project = await request.post('/api/v1/projects', { data: { departmentId, title: { fr: projectTitle } }, headers: auth });
  expect(project.status()).toBe(201);
  const projectId = ((await project.json()) as { id: string }).id;
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    headers: auth,
    data: { title: { fr: 'Vos idées' }, startsAt: dayUtc(-1), endsAt: dayUtc(14), method: 'ideation', settings: {} },
  });
  expect(phase.status()).toBe(201);
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);
  const other = await request.post(`/api/v1/projects/${projectId}/ideas`, {
    headers: auth,
    data: { title: 'Une idée sans thème', body: '<p>Autre chose.</p>' },
  });
  expect(other.status()).toBe(201);

  // A resident proposes an idea, choosing the topic chip with the keyboard (Space toggles it) and the area.
  const email = `e2e-topics-${tag()}@example.test`;
  await registerConfirmed(request, { email, firstName: 'Inès', lastName: `Habitante${tag()}` });
  await logIn(page, email, password, `/projects/${projectId}/ideas/new`);
  const ideaTitle = unique('Plus de poubelles près de la gare');
  await page.getByLabel('Titre').fill(ideaTitle);
  await page.getByLabel('Description').fill('Les poubelles débordent le week-end.');
  const chip = page.getByRole('button', { name: topic });
  await chip.focus();
  await page.keyboard.press('Space');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('Quartier (facultatif)').selectOption({ label: area });
  await expectAccessible(page, 'post an idea: topic chips');
  await page.getByRole('button', { name: 'Publier mon idée' }).click();
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible();

  // The project's ideas, filtered by that topic: only hers.
  await page.goto(`/projects/${projectId}`);
  const ideas = page.getByRole('region', { name: 'Idées' });
  await expect(ideas.getByRole('heading', { name: 'Une idée sans thème' })).toBeVisible();
  await ideas.getByLabel('Thème', { exact: true }).selectOption({ label: topic });
  await expect(ideas.getByRole('heading', { name: 'Une idée sans thème' })).toBeHidden();
  await expect(ideas.getByRole('heading', { name: ideaTitle })).toBeVisible();
  await expectAccessible(page, 'ideas filtered by topic');
});

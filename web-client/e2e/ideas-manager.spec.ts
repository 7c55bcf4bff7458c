import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, bearer, grantRole, password, registerConfirmed, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, screenshot, tabTo } from './support/pages';
import { tag as stamp } from './support/text';

failOnCspViolations();

/** Someone with a confirmed address (the confirmation e-mail's link used through the API). */
async function person(request: APIRequestContext, firstName: string, tag: string) {
  const email = `e2e-${firstName.toLowerCase()}-${tag}@example.test`;
  const id = await registerConfirmed(request, { email, firstName, lastName: `Manager${tag}` });
  return { id, email, token: await tokenFor(request, email, password) };
}

/**
 * A published project whose ideation phase runs now, its moderator Mona, and three ideas by residents: two waiting for an
 * answer, one the city already answered.
 */
async function projectWithIdeas(request: APIRequestContext) {
  const tag = stamp();
  const title = `Quartier des Tilleuls ${tag}`;
  const auth = bearer(await adminToken(request));
  const department = await request.post('/api/v1/departments', { data: { name: { fr: `Service des parcs ${tag}` } }, headers: auth });
  expect(department.status()).toBe(201);
  const departmentId = ((await department.json()) as { id: string }).id;
  const created = await request.post('/api/v1/projects', { data: { departmentId, title: { fr: title } }, headers: auth });
  expect(created.status()).toBe(201);
  const projectId = ((await created.json()) as { id: string }).id;
  const day = 24 * 3600 * 1000;
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    data: {
      title: { fr: 'Vos idées' },
      startsAt: new Date(Date.now() - day).toISOString(),
      endsAt: new Date(Date.now() + 14 * day).toISOString(),
      method: 'ideation',
      settings: { permissions: { postIdea: 'confirmed_email', comment: 'confirmed_email', react: 'confirmed_email' } },
    },
    headers: auth,
  });
  expect(phase.ok(), await phase.text()).toBe(true);
  const published = await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth });
  expect(published.ok()).toBe(true);

  const mona = await person(request, 'Mona', tag);
  await grantRole(request, auth, mona.id, { role: 'project_moderator', scopeType: 'project', scopeId: projectId });
  const alice = await person(request, 'Alice', tag);
  const ideas: Record<string, string> = {};
  for (const ideaTitle of [`Des bancs à l’ombre ${tag}`, `Une fontaine ${tag}`, `Un kiosque ${tag}`]) {
    const posted = await request.post(`/api/v1/projects/${projectId}/ideas`, {
      data: { title: ideaTitle, body: '<p>Une proposition pour le quartier.</p>' },
      headers: bearer(alice.token),
    });
    expect(posted.status()).toBe(201);
    ideas[ideaTitle] = ((await posted.json()) as { id: string }).id;
  }
  const answered = await request.post(`/api/v1/ideas/${ideas[`Un kiosque ${tag}`]}/status`, {
    data: { status: 'accepted', feedback: 'Le kiosque sera construit au printemps.' },
    headers: auth,
  });
  expect(answered.ok()).toBe(true);
  return { tag, title, projectId, ideas, mona };
}

test('a moderator bulk-answers the ideas waiting for an answer with a feedback template, from the keyboard', async ({ page, request }) => {
  const { tag, title, projectId, ideas, mona } = await projectWithIdeas(request);
  const bancs = `Des bancs à l’ombre ${tag}`;
  const fontaine = `Une fontaine ${tag}`;
  const templateBody = `Le service des parcs étudie votre idée ${tag} et reviendra vers vous.`;

  // Mona opens the ideas manager from her workspace.
  await logIn(page, mona.email, password, '/admin/projects');
  await page.getByRole('link', { name: `Gestion des idées de « ${title} »` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Idées : ${title}` })).toBeVisible();
  const table = page.getByRole('table', { name: `Idées de « ${title} »` });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(page.getByText('3 idées correspondent aux filtres.')).toBeVisible();
  await expectAccessible(page, 'ideas manager');

  // She keeps a feedback template for "under consideration".
  await page.getByRole('button', { name: 'Modèles de réponse' }).first().click();
  const templates = page.getByRole('dialog', { name: 'Modèles de réponse du projet' });
  await expect(templates.getByText('Aucun modèle pour le moment.')).toBeVisible();
  await templates.getByRole('button', { name: 'Nouveau modèle' }).click();
  await templates.getByLabel('Titre').fill(`À l’étude ${tag}`);
  await templates.getByLabel('Statut concerné').selectOption('under_consideration');
  await templates.getByRole('textbox', { name: 'Réponse officielle' }).fill(templateBody);
  await expectAccessible(page, 'feedback templates dialog');
  await templates.getByRole('button', { name: 'Enregistrer le modèle' }).click();
  await expect(templates.getByRole('status')).toContainText(`Le modèle « À l’étude ${tag} » est enregistré.`);
  await expect(templates.getByRole('heading', { level: 3, name: `À l’étude ${tag}` })).toBeVisible();
  await templates.getByRole('button', { name: 'Fermer' }).click();
  await expect(templates).toBeHidden();

  // Only the ideas waiting for an answer.
  await page.getByLabel('État de la réponse').selectOption('yes');
  await expect(page.getByText('2 idées correspondent aux filtres.')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('link', { name: `Un kiosque ${tag}` })).toHaveCount(0);

  // Two ideas selected with the keyboard (Space on each checkbox).
  // Newest first: the fountain, then the benches.
  const first = table.getByRole('checkbox', { name: `Sélectionner « ${fontaine} »` });
  const second = table.getByRole('checkbox', { name: `Sélectionner « ${bancs} »` });
  await first.focus();
  await page.keyboard.press('Space');
  await tabTo(page, second, 12);
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  await expect(second).toBeChecked();
  await expect(page.getByText('2 idées sélectionnées.')).toBeVisible();

  // "Under consideration", the template's feedback, applied with Enter and confirmed.
  await page.getByLabel('Nouveau statut').selectOption('under_consideration');
  await page.getByLabel('Modèle de réponse').selectOption({ label: `À l’étude ${tag}` });
  await expect(page.getByRole('textbox', { name: 'Réponse officielle' })).toHaveText(templateBody);
  await page.getByLabel('Signé par').fill('Service des parcs');
  await page.getByLabel('Signé par').press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Confirmer la réponse en lot' });
  await expect(confirm).toContainText('Passer 2 idées au statut « À l’étude » ?');
  await expectAccessible(page, 'bulk answer confirmation');
  await confirm.getByRole('button', { name: 'Confirmer pour 2 idées' }).click();

  // The outcome of each idea is announced.
  const outcomes = page.getByRole('status').filter({ hasText: 'Résultat : 2 modifiée(s), 0 refusée(s).' });
  await expect(outcomes).toBeVisible();
  await expect(outcomes).toContainText(`« ${bancs} » : modifiée.`);
  await expect(outcomes).toContainText(`« ${fontaine} » : modifiée.`);
  await expect(page.getByRole('heading', { name: 'Résultat : 2 modifiée(s), 0 refusée(s).' })).toBeFocused();
  // Answered, they no longer wait.
  await expect(page.getByText('Aucune idée ne correspond aux filtres.')).toBeVisible();
  await expectAccessible(page, 'ideas manager after the bulk answer');
  await screenshot(page, '/tmp/participation-ideas-manager.png');

  // The public idea page shows the new status and the official feedback, signed by the service.
  await page.goto(`/projects/${projectId}/ideas/${ideas[bancs]}`);
  await expect(page.getByRole('heading', { level: 1, name: bancs })).toBeVisible();
  const feedback = page.locator('.idea-feedback').last();
  await expect(feedback).toContainText('Réponse officielle de Service des parcs');
  await expect(feedback).toContainText(templateBody);
  await expect(page.getByText('Proposée → À l’étude')).toBeVisible();
  await expectAccessible(page, 'idea page with the bulk feedback');
});

import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, bearer, createDepartment, createdId, dayUtc, grantRole, password, register, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, subnav, tabTo } from './support/pages';
import { unique, uniqueEmail } from './support/text';

failOnCspViolations();

/** A department with a published project collecting ideas, its head, and two ideas posted by a resident. */
async function departmentWithIdeas(request: APIRequestContext) {
  const auth = bearer(await adminToken(request));
  const departmentName = unique('Espaces verts');
  const departmentId = await createDepartment(request, auth, departmentName);
  const projectTitle = unique('Le parc de demain');
  const projectId = await createdId(
    await request.post('/api/v1/projects', { data: { departmentId, title: { fr: projectTitle } }, headers: auth }),
  );
  await createdId(
    await request.post(`/api/v1/projects/${projectId}/phases`, {
      headers: auth,
      data: {
        title: { fr: 'Vos idées' },
        startsAt: dayUtc(-3),
        endsAt: dayUtc(14),
        method: 'ideation',
        settings: { permissions: { postIdea: 'registered' } },
      },
    }),
  );
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);

  const headEmail = uniqueEmail('head');
  const headId = await register(request, { email: headEmail, firstName: 'Hélène', lastName: 'Cheffe' });
  await grantRole(request, auth, headId, { role: 'department_head', scopeType: 'department', scopeId: departmentId });

  const residentEmail = uniqueEmail('resident');
  await register(request, { email: residentEmail, firstName: 'Rémi', lastName: 'Habitant' });
  const resident = bearer(await tokenFor(request, residentEmail, password));
  for (const title of ['Des bancs à l’ombre', 'Un potager partagé']) {
    await createdId(
      await request.post(`/api/v1/projects/${projectId}/ideas`, {
        headers: resident,
        data: { title, body: '<p>Pour tout le quartier.</p>' },
      }),
    );
  }
  return { departmentName, projectId, projectTitle, headEmail };
}

test('a department head exports the department’s ideas as XLSX, follows the progress to ready and downloads the file', async ({
  page,
  request,
}) => {
  const { departmentName, projectId, projectTitle, headEmail } = await departmentWithIdeas(request);

  await logIn(page, headEmail, password, '/admin');
  await subnav(page).getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();
  await expect(page.getByText('Vous n’avez encore demandé aucun export.')).toBeVisible();
  await expectAccessible(page, 'exports: empty');

  // Ideas, as Excel, of the department (the scopes a head has: the department, its projects), with the keyboard.
  await expect(page.getByRole('combobox', { name: 'Données' })).toHaveValue('ideas');
  await expect(page.getByRole('combobox', { name: 'Format' })).toHaveValue('xlsx');
  await expect(page.getByRole('combobox', { name: 'Portée' }).locator('option')).toHaveText(['Un service', 'Un projet']);
  await page.getByRole('combobox', { name: 'Service' }).selectOption({ label: departmentName });
  await tabTo(page, page.getByRole('button', { name: 'Lancer l’export' }), 20);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Export « Idées » demandé' })).toBeVisible();

  // The progress bar fills up, then the file is ready with its expiry.
  const item = page.getByRole('article', { name: `Idées — ${departmentName}` });
  const progress = item.getByRole('progressbar', { name: `Avancement : Idées — ${departmentName}` });
  await expect(progress).toHaveAttribute('aria-valuenow', '100', { timeout: 30_000 });
  await expect(item.getByText('Prêt', { exact: true })).toBeVisible();
  await expect(item.getByText('2 lignes sur 2 (100 %)')).toBeVisible();
  await expect(item.getByText(/^Disponible jusqu’au /)).toBeVisible();
  await expectAccessible(page, 'exports: ready');

  const download = page.waitForEvent('download');
  await item.getByRole('button', { name: /^Télécharger ideas-\d{8}-\d{4}\.xlsx$/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ideas-\d{8}-\d{4}\.xlsx$/);
  const bytes = await readFile(await file.path());
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByRole('status').filter({ hasText: `Fichier « ${file.suggestedFilename()} » téléchargé.` })).toBeVisible();

  // From the project's staff page, the same page with the project chosen.
  await page.goto(`/admin/projects/${projectId}`);
  await page.getByRole('link', { name: 'Exporter', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Portée' })).toHaveValue('project');
  await expect(page.getByRole('combobox', { name: 'Projet' })).toHaveValue(projectId);
  await expect(page.getByRole('combobox', { name: 'Projet' }).locator('option:checked')).toHaveText(projectTitle);
  await expectAccessible(page, 'exports: from a project');
});

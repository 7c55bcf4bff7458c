import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, bearer, grantRole, password, registerConfirmed, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { mailDir, waitForMessage } from './support/mail';
import { logIn, screenshot } from './support/pages';
import { tag as stamp } from './support/text';

failOnCspViolations();

async function person(request: APIRequestContext, firstName: string, tag: string) {
  const email = `e2e-${firstName.toLowerCase()}-${tag}@example.test`;
  const id = await registerConfirmed(request, { email, firstName, lastName: `Rapport${tag}` });
  return { id, email, token: await tokenFor(request, email, password) };
}

/** A published project with an ideation phase running now, its moderator Mona, its department's head Hugo, two ideas. */
async function project(request: APIRequestContext) {
  const tag = stamp();
  const title = `Place du Marché ${tag}`;
  const auth = bearer(await adminToken(request));
  const department = await request.post('/api/v1/departments', { data: { name: { fr: `Service urbanisme ${tag}` } }, headers: auth });
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
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);

  const mona = await person(request, 'Mona', tag);
  await grantRole(request, auth, mona.id, { role: 'project_moderator', scopeType: 'project', scopeId: projectId });
  const hugo = await person(request, 'Hugo', tag);
  await grantRole(request, auth, hugo.id, { role: 'department_head', scopeType: 'department', scopeId: departmentId });
  const alice = await person(request, 'Alice', tag);
  for (const ideaTitle of [`Des arbres ${tag}`, `Un marché bio ${tag}`]) {
    const posted = await request.post(`/api/v1/projects/${projectId}/ideas`, {
      data: { title: ideaTitle, body: '<p>Pour la place.</p>' },
      headers: bearer(alice.token),
    });
    expect(posted.status()).toBe(201);
  }
  return { tag, title, projectId, mona, hugo };
}

test('a moderator bulk-answers ideas and builds and prints the report', async ({ page, request }) => {
  const { tag, title, mona, hugo } = await project(request);
  const arbres = `Des arbres ${tag}`;
  const marche = `Un marché bio ${tag}`;
  const feedback = `Retenue pour le budget ${tag}.`;

  // Mona answers both ideas at once in the ideas manager.
  await logIn(page, mona.email, password, '/admin/projects');
  await page.getByRole('link', { name: `Gestion des idées de « ${title} »` }).click();
  const table = page.getByRole('table', { name: `Idées de « ${title} »` });
  await table.getByRole('checkbox', { name: `Sélectionner « ${arbres} »` }).check();
  await table.getByRole('checkbox', { name: `Sélectionner « ${marche} »` }).check();
  await page.getByLabel('Nouveau statut').selectOption('accepted');
  await page.getByRole('textbox', { name: 'Réponse officielle' }).fill(feedback);
  await page.getByLabel('Signé par').fill('Service urbanisme');
  await page.getByLabel('Signé par').press('Enter');
  await page.getByRole('dialog', { name: 'Confirmer la réponse en lot' }).getByRole('button', { name: 'Confirmer pour 2 idées' }).click();
  await expect(page.getByRole('heading', { name: 'Résultat : 2 modifiée(s), 0 refusée(s).' })).toBeVisible();

  // She opens the report and writes the conclusions.
  await page.getByRole('link', { name: 'Rapport de résultats' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rapport de résultats : ${title}` })).toBeVisible();
  await expectAccessible(page, 'report page');
  await page.getByRole('textbox', { name: 'Conclusions de l’équipe du projet' }).fill(`Deux idées retenues ${tag}.`);
  await page.getByRole('button', { name: 'Enregistrer le rapport' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rapport enregistré.' })).toBeVisible();

  // The preview shows the answered ideas with their feedback, and the conclusions.
  const preview = page.getByRole('region', { name: 'Aperçu du rapport' });
  const ideas = preview.getByRole('table', { name: /Idées de la phase « Vos idées »/ });
  await expect(ideas.getByRole('row', { name: new RegExp(arbres) })).toContainText(feedback);
  await expect(ideas.getByRole('row', { name: new RegExp(marche) })).toContainText('Acceptée');
  await expect(preview.getByText(`Deux idées retenues ${tag}.`)).toBeVisible();

  // Printing: the browser's print is called; in print media only the report shows, each phase on its page.
  await page.evaluate(() => {
    const w = window as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Imprimer / Enregistrer en PDF' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('form', { name: 'Composer le rapport' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Sections de l’administration' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer / Enregistrer en PDF' })).toBeHidden();
  await expect(page.getByTestId('report-phase')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Conclusions' })).toBeVisible();
  await screenshot(page, '/tmp/participation-report-print.png');
  await page.emulateMedia({ media: 'screen' });

  // The workbook downloads.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger (Excel)' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  // She sends it to the department's head, who gets a link to this page.
  await page.getByRole('button', { name: 'Envoyer à…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Envoyer le rapport' });
  await dialog.getByRole('checkbox', { name: new RegExp(`Hugo Rapport${tag}`) }).check();
  await expectAccessible(page, 'send report dialog');
  await dialog.getByRole('button', { name: 'Envoyer à 1 personne' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Rapport envoyé à Hugo Rapport${tag}.` })).toBeVisible();
  const mail = await waitForMessage(mailDir, hugo.email, /Ouvrir le rapport|\/report/);
  expect(mail.text).toContain(`/admin/projects/`);
});

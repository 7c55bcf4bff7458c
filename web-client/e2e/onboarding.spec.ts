import { expect, test } from '@playwright/test';
import { admin } from './support/admin';
import { adminToken, bearer, createdId } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, subnav } from './support/pages';
import { unique } from './support/text';

failOnCspViolations();

test('an admin sees their onboarding at login, finds it in « Prise en main », and a project’s setup checklist ticks', async ({
  page,
  request,
}) => {
  const auth = bearer(await adminToken(request));
  // Shown at login until put away (another run may have put it away): open it again.
  const reopened = await request.put('/api/v1/me/onboarding/dismissal', { headers: auth, data: { role: 'admin', dismissed: false } });
  expect(reopened.ok(), await reopened.text()).toBe(true);
  const department = await createdId(
    await request.post('/api/v1/departments', { headers: auth, data: { name: { fr: unique('Mobilité') } } }),
  );
  const title = unique('Plan de mobilité');
  const project = await createdId(
    await request.post('/api/v1/projects', { headers: auth, data: { departmentId: department, title: { fr: title } } }),
  );

  // Landing in the staff area: the onboarding panel, not a modal (the page stays usable).
  await logIn(page, admin.email, admin.password, '/admin');
  const panel = page.getByRole('region', { name: 'Votre prise en main' });
  await expect(panel).toContainText('Administrateur principal de la plateforme');
  await expectAccessible(page, 'staff overview with the onboarding panel');

  // « Prise en main » from the staff navigation: tasks, workload, good to know, and the checklist from what the platform saw.
  await subnav(page).getByRole('link', { name: 'Prise en main' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prise en main' })).toBeVisible();
  const admins = page.getByRole('region', { name: 'Administrateur principal de la plateforme' });
  await expect(admins).toContainText('1 heure par semaine');
  const checklist = admins.getByRole('list', { name: 'Liste de démarrage : Administrateur principal de la plateforme' });
  await expect(checklist.locator('[data-step="department_created"]')).toContainText('Fait'); // the department made above
  await expectAccessible(page, 'getting started');

  // The project's setup checklist: one answer, and its item ticks.
  await page.goto(`/admin/projects/${project}`);
  const setup = page.getByRole('list', { name: 'Points de démarrage du projet' });
  await expect(setup.locator('[data-step="stakeholders"]')).toContainText('À faire');
  await expect(setup.locator('[data-step="key_dates"]')).toContainText('À faire'); // no phases yet
  await page.getByLabel('Parties prenantes et leurs tâches').fill('Comité de quartier, écoles, service Mobilité');
  await page.getByRole('button', { name: 'Enregistrer la liste de démarrage' }).click();
  await expect(page.getByText('Liste de démarrage enregistrée.')).toBeVisible();
  await expect(setup.locator('[data-step="stakeholders"]')).toContainText('Fait');
  await expectAccessible(page, 'project setup checklist');

  // Put away with the keyboard: the panel goes, the focus does not get lost, and it does not come back.
  await page.goto('/admin');
  await panel.getByRole('button', { name: 'Ne plus afficher' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(page.locator('#main')).toBeFocused();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(panel).toBeHidden();
});

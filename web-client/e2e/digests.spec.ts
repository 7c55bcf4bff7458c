import { expect, test } from '@playwright/test';
import {
  adminToken,
  bearer,
  createDepartment,
  createdId,
  dayUtc,
  grantRole,
  password,
  register,
  registerConfirmed,
  tokenFor,
} from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, subnav, tabTo } from './support/pages';
import { unique, uniqueEmail } from './support/text';

failOnCspViolations();

test('a moderator opens "Mes résumés", reads what the next digest holds and turns it off with the keyboard', async ({ page, request }) => {
  const auth = bearer(await adminToken(request));
  const departmentId = await createDepartment(request, auth, unique('Espaces verts'));
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
  const moderatorEmail = uniqueEmail('moderator');
  const moderatorId = await registerConfirmed(request, { email: moderatorEmail, firstName: 'Mona', lastName: 'Modératrice' });
  await grantRole(request, auth, moderatorId, { role: 'project_moderator', scopeType: 'project', scopeId: projectId });
  const residentEmail = uniqueEmail('resident');
  await register(request, { email: residentEmail, firstName: 'Rémi', lastName: 'Habitant' });
  const resident = bearer(await tokenFor(request, residentEmail, password));
  const ideaTitle = unique('Des bancs à l’ombre');
  await createdId(
    await request.post(`/api/v1/projects/${projectId}/ideas`, {
      headers: resident,
      data: { title: ideaTitle, body: '<p>Pour tout le quartier.</p>' },
    }),
  );

  await logIn(page, moderatorEmail, password, '/admin');
  await subnav(page).getByRole('link', { name: 'Mes résumés' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes résumés' })).toBeVisible();
  const digest = page.getByRole('region', { name: 'Résumé hebdomadaire « ce qui vous attend »' });
  await expect(digest.getByText(/^Il vous sera envoyé le /)).toBeVisible();
  await expect(digest.getByRole('table', { name: 'Vos projets' }).getByRole('row', { name: new RegExp(projectTitle) })).toBeVisible();
  await expect(digest.getByRole('link', { name: ideaTitle }).first()).toBeVisible();
  const toggle = digest.getByRole('checkbox', { name: 'Recevoir ce résumé par e-mail' });
  await expect(toggle).toBeChecked();
  await expectAccessible(page, 'digests: next digest');

  await tabTo(page, toggle, 60);
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'Vous ne recevrez plus ce résumé.' })).toBeVisible();
  await expect(toggle).not.toBeChecked();
  await expect(digest.getByText('Vous ne le recevez pas par e-mail.')).toBeVisible();
  await expectAccessible(page, 'digests: turned off');
});

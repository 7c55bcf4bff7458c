import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { adminToken, bearer, createDepartment, createdId, dayUtc, grantRole, password, registerConfirmed } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { nav, screenshot, subnav, tabTo } from './support/pages';
import { unique, uniqueEmail } from './support/text';

failOnCspViolations();

/**
 * A department with a published ideation project where two ideas were posted and one answered, and an elected official
 * of that department (a confirmed account), all through the API as the admin.
 */
async function departmentWithActivity(request: APIRequestContext) {
  const auth = bearer(await adminToken(request));
  const departmentName = unique('Culture');
  const departmentId = await createDepartment(request, auth, departmentName);
  const projectTitle = unique('Programme culturel');
  const projectId = await createdId(
    await request.post('/api/v1/projects', { data: { departmentId, title: { fr: projectTitle } }, headers: auth }),
  );
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    headers: auth,
    data: {
      title: { fr: 'Vos envies' },
      method: 'ideation',
      startsAt: dayUtc(-10),
      endsAt: dayUtc(20),
      settings: { permissions: { postIdea: 'registered', comment: 'registered', react: 'registered' } },
    },
  });
  expect(phase.status(), await phase.text()).toBe(201);
  const published = await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth });
  expect(published.ok()).toBe(true);
  const ideaIds: string[] = [];
  for (const title of [unique('Des concerts au parc'), unique('Un cinéma en plein air')]) {
    ideaIds.push(
      await createdId(
        await request.post(`/api/v1/projects/${projectId}/ideas`, { headers: auth, data: { title, body: `<p>${title}.</p>` } }),
      ),
    );
  }
  const answered = await request.post(`/api/v1/ideas/${ideaIds[0]}/status`, {
    headers: auth,
    data: { status: 'accepted', feedback: 'Trois concerts auront lieu cet été.', signedAs: 'Service Culture' },
  });
  expect(answered.ok(), await answered.text()).toBe(true);

  const official = { email: uniqueEmail('elue'), firstName: 'Hélène', lastName: 'Moreau' };
  const officialId = await registerConfirmed(request, official);
  await grantRole(request, auth, officialId, { role: 'elected_official', scopeType: 'department', scopeId: departmentId });
  return { departmentId, departmentName, projectId, projectTitle, official };
}

/** Signs in with the login form, as an official would (the other specs sign in through the API). */
async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

test('an elected official lands on the dashboard of their department, reads a figure and its definition, changes the period with the keyboard and opens the weekly table', async ({
  page,
  request,
}) => {
  const s = await departmentWithActivity(request);

  // Signing in leads to the department's dashboard, not to the profile.
  await signIn(page, s.official.email);
  await expect(page).toHaveURL(new RegExp(`/dashboard/department/${s.departmentId}$`));
  const title = `Tableau de bord : ${s.departmentName}`;
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `));
  await expect(nav(page).getByRole('link', { name: 'Tableau de bord' })).toHaveAttribute('aria-current', 'page');
  await expect(subnav(page).getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByText(/\(91 jours\), comparé à la période précédente/)).toBeVisible();

  // A figure, its previous value, its change in words and its definition, shown in full.
  const ideas = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Idées', exact: true }) });
  await expect(ideas.locator('.figure-card__value')).toHaveText('2');
  await expect(ideas.getByText('Période précédente : 0')).toBeVisible();
  await expect(ideas.getByText('En hausse de 2')).toBeVisible();
  await expect(ideas.getByText(/Idées déposées pendant la période/)).toBeVisible();
  const answers = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Réponses officielles' }) });
  await expect(answers.locator('.figure-card__value')).toHaveText('1');
  // Decisions, and the project's own dashboard one link away.
  await expect(page.getByRole('region', { name: 'Décisions prises' }).getByText('Trois concerts auront lieu cet été.')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Tableaux de bord des projets de ce service' }).getByRole('link', { name: s.projectTitle }),
  ).toHaveAttribute('href', `/fr/dashboard/project/${s.projectId}`);
  await expect(page.getByRole('img', { name: /^Participants par semaine, de la semaine du / })).toBeVisible();
  await expectAccessible(page, 'dashboard of a department');
  await screenshot(page, 'test-results/dashboard-department.png');

  // The period, with the keyboard alone: the quarter is chosen; the arrow picks the last 30 days, Tab reaches the button.
  const quarter = page.getByRole('radio', { name: 'Dernier trimestre (91 jours)' });
  await expect(quarter).toBeChecked();
  await quarter.focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('radio', { name: '30 derniers jours' })).toBeChecked();
  await expect(page.getByRole('radio', { name: '30 derniers jours' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Afficher', exact: true }), 10);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByText(/\(30 jours\), comparé à la période précédente/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
  await expect(ideas.locator('.figure-card__value')).toHaveText('2');

  // The weekly chart's table, opened with the keyboard.
  const toggle = page.getByRole('button', { name: 'Afficher le tableau des semaines' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: 'Actions de participation par semaine' });
  await expect(table).toBeVisible();
  await expect(page.getByRole('button', { name: 'Masquer le tableau des semaines' })).toHaveAttribute('aria-expanded', 'true');
  await expect(table.getByRole('columnheader', { name: 'Idées' })).toBeVisible();
  expect(await table.getByRole('row').count()).toBeGreaterThanOrEqual(5); // the header and 4 or 5 weeks of 30 days
  await expectAccessible(page, 'dashboard with the weekly table');
  await screenshot(page, 'test-results/dashboard-weekly-table.png');

  // The link keeps the period: reloading shows the same page.
  const url = page.url();
  await page.reload();
  await expect(page.getByText(/\(30 jours\), comparé à la période précédente/)).toBeVisible();
  expect(page.url()).toBe(url);

  // In the staff area, the dashboard replaces « Outils à venir ».
  await subnav(page).getByRole('link', { name: 'Vue d’ensemble' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Tableau de bord' }).getByRole('link')).toHaveAttribute('href', '/fr/dashboard');
  await expect(page.getByText('Outils à venir')).toHaveCount(0);
  await expectAccessible(page, 'staff area of an elected official');
});

import { expect, test } from '@playwright/test';
import { adminToken, bearer, createdId, grantRole, password, registerConfirmed } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, newPage } from './support/pages';
import { tag as stamp } from './support/text';

const watchCsp = failOnCspViolations();

test('a communication manager reads the content calendar, as a month and a list, and creates her iCal address', async ({
  browser,
  request,
}) => {
  const tag = stamp();
  const title = `Parc des Saules ${tag}`;
  const auth = bearer(await adminToken(request));
  const department = await request.post('/api/v1/departments', { data: { name: { fr: `Espaces verts ${tag}` } }, headers: auth });
  const project = await request.post('/api/v1/projects', {
    data: { departmentId: await createdId(department), title: { fr: title } },
    headers: auth,
  });
  const projectId = await createdId(project);
  // Today (local time of the browser: the same day in UTC for the run's hours), so both are in the month shown first.
  const now = new Date();
  const at = (hours: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours).toISOString();
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    data: {
      title: { fr: `Information ${tag}` },
      startsAt: at(1),
      endsAt: new Date(Date.now() + 30 * 864e5).toISOString(),
      method: 'information',
    },
    headers: auth,
  });
  expect(phase.ok(), await phase.text()).toBe(true);
  const event = await request.post('/api/v1/events', {
    data: { projectId, title: { fr: `Balade ${tag}` }, startsAt: at(22), endsAt: at(23), placeName: 'Parc', registration: false },
    headers: auth,
  });
  expect(event.status(), await event.text()).toBe(201);
  const camille = `e2e-camille-calendar-${tag}@example.test`;
  const camilleId = await registerConfirmed(request, { email: camille, firstName: 'Camille', lastName: `Calendrier${tag}` });
  await grantRole(request, auth, camilleId, { role: 'communication_manager', scopeType: 'platform' });

  const page = await newPage(browser, watchCsp);
  await logIn(page, camille, password, '/admin');
  await page.getByRole('navigation', { name: 'Sections de l’administration' }).getByRole('link', { name: 'Calendrier éditorial' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendrier éditorial' })).toBeVisible();

  // The month: today's cell is marked and lists the phase's start and the event, each a link to its page.
  const grid = page.getByRole('grid');
  const today = grid.locator('[aria-current="date"]');
  await expect(today.getByRole('link', { name: new RegExp(`Début de phase : Information ${tag}`) })).toHaveAttribute(
    'href',
    `/fr/admin/projects/${projectId}`,
  );
  await expect(today.getByRole('link', { name: new RegExp(`Événement : Balade ${tag}`) })).toBeVisible();
  await today.focus();
  await page.keyboard.press('ArrowRight');
  await expect(grid.locator('td[tabindex="0"]')).toBeFocused();
  await expectAccessible(page, 'content calendar, month');

  // The list by day.
  await page.getByRole('button', { name: 'Liste', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Liste', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expect(page.getByRole('link', { name: new RegExp(`Événement : Balade ${tag}`) })).toBeVisible();
  await expectAccessible(page, 'content calendar, list');

  // The private iCal address: shown once, and it serves the calendar.
  await page.getByRole('button', { name: 'Créer mon adresse iCal' }).click();
  const address = page.getByLabel('Votre adresse iCal privée');
  await expect(address).toHaveValue(/\/api\/v1\/content-calendar\/feeds\/.+\.ics$/);
  const ics = await request.get(new URL(await address.inputValue()).pathname);
  expect(ics.status()).toBe(200);
  expect(await ics.text()).toContain(`Balade ${tag}`);
  await expectAccessible(page, 'content calendar, feed');
});

import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, bearer, grantRole, password, registerConfirmed } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, newPage } from './support/pages';
import { tag as stamp } from './support/text';

const watchCsp = failOnCspViolations();

/** A published project, its moderator Mona and a resident, Rita. */
async function project(request: APIRequestContext) {
  const tag = stamp();
  const title = `Parc des Étangs ${tag}`;
  const auth = bearer(await adminToken(request));
  const department = await request.post('/api/v1/departments', { data: { name: { fr: `Espaces verts ${tag}` } }, headers: auth });
  expect(department.status()).toBe(201);
  const departmentId = ((await department.json()) as { id: string }).id;
  const created = await request.post('/api/v1/projects', { data: { departmentId, title: { fr: title } }, headers: auth });
  expect(created.status()).toBe(201);
  const projectId = ((await created.json()) as { id: string }).id;
  const day = 24 * 3600 * 1000;
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    data: {
      title: { fr: 'Information' },
      startsAt: new Date(Date.now() - day).toISOString(),
      endsAt: new Date(Date.now() + 30 * day).toISOString(),
      method: 'information',
    },
    headers: auth,
  });
  expect(phase.ok(), await phase.text()).toBe(true);
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);
  const mona = { email: `e2e-mona-events-${tag}@example.test` };
  const monaId = await registerConfirmed(request, { email: mona.email, firstName: 'Mona', lastName: `Events${tag}` });
  await grantRole(request, auth, monaId, { role: 'project_moderator', scopeType: 'project', scopeId: projectId });
  const rita = { email: `e2e-rita-events-${tag}@example.test` };
  await registerConfirmed(request, { email: rita.email, firstName: 'Rita', lastName: `Events${tag}` });
  return { tag, title, projectId, mona, rita };
}

test('a moderator creates an event; a resident registers and adds it to her calendar', async ({ page, browser, request }) => {
  const { tag, title, projectId, mona, rita } = await project(request);
  const eventTitle = `Balade au parc ${tag}`;
  const day = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString().slice(0, 10);

  // Mona creates the event from the project's staff area, with the keyboard for the dates.
  await logIn(page, mona.email, password, `/admin/projects/${projectId}`);
  await page.getByRole('main').getByRole('link', { name: 'Événements', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Événements : ${title}` })).toBeVisible();
  await page.getByRole('button', { name: 'Nouvel événement' }).click();
  await page.getByLabel('Titre (FR)').fill(eventTitle);
  await page.getByLabel('Description (FR)').fill('Rendez-vous à l’entrée du parc.');
  await page.getByLabel(/^Début/).fill(`${day}T10:00`);
  await page.getByLabel('Fin', { exact: true }).fill(`${day}T12:00`);
  await page.getByLabel('Nom du lieu').fill('Entrée du parc');
  await page.getByLabel('Adresse', { exact: true }).fill('Rue des Étangs 1, 1040 Bruxelles');
  await page.getByLabel('Les habitant·es s’inscrivent').check();
  await page.getByLabel(/Nombre de places/).fill('2');
  await expectAccessible(page, 'event form');
  await page.getByRole('button', { name: 'Créer l’événement' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Événement « ${eventTitle} » créé.` })).toBeVisible();
  await expect(page.getByRole('link', { name: eventTitle })).toBeVisible();

  // Rita finds it on the project page and registers.
  const resident = await newPage(browser, watchCsp);
  await logIn(resident, rita.email, password, `/projects/${projectId}`);
  const upcoming = resident.getByRole('region', { name: 'Événements à venir' });
  await upcoming.getByRole('link', { name: eventTitle }).click();
  await expect(resident.getByRole('heading', { level: 1, name: eventTitle })).toBeVisible();
  await expect(resident.getByText('2 places restantes sur 2.')).toBeVisible();
  await expect(resident.getByText(/10:00 – 12:00/)).toBeVisible();
  await expectAccessible(resident, 'event page');
  const registerButton = resident.getByRole('button', { name: 'M’inscrire' });
  await registerButton.focus();
  await resident.keyboard.press('Enter');
  await expect(resident.getByRole('status').filter({ hasText: 'Vous êtes inscrit·e.' })).toBeVisible();
  await expect(resident.getByText('1 place restante sur 2.')).toBeVisible();

  // "Add to calendar" downloads an .ics naming the event and linking back to its page.
  const download = resident.waitForEvent('download');
  await resident.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.ics$/);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const ics = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r\n[ \t]/g, '');
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain(`SUMMARY:${eventTitle}`);
  expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  const eventId = new URL(resident.url()).pathname.split('/').pop()!;
  expect(ics).toMatch(new RegExp(`URL[^:]*:.*/events/${eventId}`));
  expect(ics).toContain('LOCATION:Entrée du parc\\, Rue des Étangs 1\\, 1040 Bruxelles');

  // Mona sees Rita among the registered people (by name).
  await page.reload();
  await page.getByRole('button', { name: `Inscrit·es à « ${eventTitle} »` }).click();
  await expect(page.getByRole('table', { name: `Inscrit·es à « ${eventTitle} », dans l’ordre` })).toContainText(`Rita Events${tag}`);
  await expectAccessible(page, 'event registrants');
  await resident.context().close();
});

import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { CITY_HOST_SUFFIX } from './support/browser-config';
import { failOnCspViolations } from './support/csp';
import { mailDir, waitForLink } from './support/mail';
import { createOperator, e2eOperator, e2eSupport, keepSuiteCityOnLoopback, signInToConsole } from './support/operators';
import { newPage, subnav } from './support/pages';
import { escape, uniqueSlug } from './support/text';

const watchCsp = failOnCspViolations();

test.beforeAll(() => {
  createOperator(e2eOperator);
  createOperator(e2eSupport);
});

/**
 * Issue 19's journey across the roles, each in a browser of their own: the vendor's operator creates a city with its own
 * address (a host name that Chromium resolves to loopback), its first admin accepts the e-mailed invitation there and
 * grants the vendor's support access, the support person opens a session from the console and acts in the city's staff
 * area, and the admin sees that action in the city's audit log, marked « via l'assistance ».
 */
test('a new city from the console to its admin, then the vendor’s support acting there with consent', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await keepSuiteCityOnLoopback(page.request, e2eOperator);
  const slug = uniqueSlug('ville');
  const host = `${slug}${CITY_HOST_SUFFIX}`;
  const city = `Ville ${slug}`;
  const adminEmail = `admin@${host}`;

  // The operator creates the city.
  await signInToConsole(page, e2eOperator);
  await page.getByRole('link', { name: 'Nouvelle ville' }).click();
  await page.getByLabel(/^Nom/).fill(city);
  await page.getByLabel(/^Identifiant/).fill(slug);
  await page.getByLabel(/^Adresses/).fill(host);
  await page.getByLabel(/^E-mail du premier administrateur/).fill(adminEmail);
  await page.getByRole('button', { name: 'Créer la ville' }).click();
  await expect(page.getByRole('heading', { level: 1, name: city })).toBeVisible();

  // Its first admin follows the e-mailed invitation, a link on the city's own address, and signs up there.
  const link = await waitForLink(mailDir, adminEmail, 'invitation');
  expect(new URL(link).hostname).toBe(host);
  const cityAdmin = await newPage(browser, watchCsp);
  await cityAdmin.goto(link);
  await expect(cityAdmin.getByRole('heading', { level: 1, name: 'Invitation' })).toBeVisible();
  await expectAccessible(cityAdmin, 'invitation on the city’s address');
  await cityAdmin.getByLabel('Prénom').fill('Inès');
  await cityAdmin.getByLabel('Nom', { exact: true }).fill('Première');
  await cityAdmin.getByLabel('Mot de passe', { exact: true }).fill('premiere-admin-password');
  await cityAdmin.getByRole('button', { name: 'Créer mon compte et accepter' }).click();
  await expect(cityAdmin).toHaveURL(new RegExp(`^http://${escape(host)}:\\d+/(fr/)?admin$`));
  await expect(cityAdmin.getByRole('status').filter({ hasText: 'Votre invitation a été acceptée' })).toBeVisible();

  // The admin grants the vendor's support access for a day.
  await subnav(cityAdmin).getByRole('link', { name: 'Assistance' }).click();
  await cityAdmin.getByLabel('Durée (à partir de maintenant)').selectOption({ label: '1 jour' });
  await cityAdmin.getByLabel('Motif (facultatif)').fill('Configuration des services');
  await cityAdmin.getByRole('button', { name: 'Ouvrir l’accès' }).click();
  await expect(cityAdmin.getByRole('status').filter({ hasText: 'L’assistance a accès jusqu’au' })).toBeVisible();

  // The support person finds the city in the console and opens a session: the tab goes to the city's address, in its
  // staff area, as the support account of that city.
  const support = await newPage(browser, watchCsp);
  await signInToConsole(support, e2eSupport);
  await support.getByRole('link', { name: 'Assistance' }).click();
  await expect(support.getByRole('heading', { level: 1, name: 'Sessions d’assistance' })).toBeVisible();
  const row = support.getByRole('row').filter({ hasText: city });
  await expect(row).toContainText(host);
  await expectAccessible(support, 'console: cities granting support access');
  await row.getByRole('button', { name: `Ouvrir une session d’assistance à ${city}` }).click();
  await expect(support).toHaveURL(new RegExp(`^http://${escape(host)}:\\d+/(fr/)?admin$`));
  await expect(support.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expectAccessible(support, 'staff area in a support session');

  // It creates a department there.
  const department = `Urbanisme ${slug}`;
  await subnav(support).getByRole('link', { name: 'Services' }).click();
  await support.getByLabel('Nom en français').fill(department);
  await support.getByRole('button', { name: 'Créer le service' }).click();
  await expect(support.getByRole('status').filter({ hasText: `Le service « ${department} » a été créé.` })).toBeVisible();

  // The city's admin sees the action in the audit log, marked as done through support.
  await subnav(cityAdmin).getByRole('link', { name: 'Journal d’audit' }).click();
  const audit = cityAdmin.getByRole('table', { name: 'Journal d’audit, les plus récentes d’abord' });
  const created = audit.getByRole('row').filter({ hasText: department });
  await expect(created).toContainText('Service créé');
  await expect(created).toContainText('via l’assistance');
  await expect(created).toContainText('Sam Support');
  await expectAccessible(cityAdmin, 'audit log with an action through support');
});

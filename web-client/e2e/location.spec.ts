import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { password, publishedIdeationProject, registerConfirmed } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { knownPlace, startFakeGeocoder } from './support/geocoder';
import { logIn } from './support/pages';
import { tag, unique } from './support/text';

failOnCspViolations();

// Where the resident's browser says they stand (Grand-Place), for « Utiliser ma position ».
test.use({ permissions: ['geolocation'], geolocation: { latitude: 50.846777, longitude: 4.352427 } });

let geocoder: Server;
test.beforeAll(async () => {
  geocoder = await startFakeGeocoder();
});
test.afterAll(async () => {
  await new Promise((resolve) => geocoder.close(resolve));
});

test('a resident finds an address, places an idea there and its page shows the address on a small map', async ({ page, request }) => {
  test.slow(); // three axe runs and two Leaflet maps: on a busy shared machine, more than the default 90 s
  const { projectId } = await publishedIdeationProject(
    request,
    { department: 'Urbanisme', project: 'Rue de la Loi apaisée' },
    { permissions: { postIdea: 'confirmed_email' }, map: true },
  );
  const email = `e2e-location-${tag()}@example.test`;
  await registerConfirmed(request, { email, firstName: 'Lina', lastName: `Habitante${tag()}` });
  const ideaTitle = unique('Des arbres rue de la Loi');

  await logIn(page, email, password, `/projects/${projectId}`);
  await page.getByRole('region', { name: 'Idées', exact: true }).getByRole('link', { name: 'Proposer une idée' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Proposer une idée' })).toBeFocused();
  await page.getByLabel('Titre').fill(ideaTitle);
  await page.getByLabel('Description').fill('Des arbres pour de l’ombre le long de la rue.');

  // « Utiliser ma position »: the browser's position (the page's permissions policy allows it), then the address search.
  const location = page.getByRole('group', { name: 'Emplacement de l’idée' });
  await location.getByRole('button', { name: 'Utiliser ma position' }).click();
  await expect(location.getByLabel('Latitude')).toHaveValue('50.846777');
  await expect(location.getByLabel('Longitude')).toHaveValue('4.352427');

  // The address search: type, go down the list with the keyboard, choose with Enter.
  const search = location.getByRole('combobox', { name: 'Rechercher une adresse' });
  await search.fill('rue de la loi 16');
  const option = location.getByRole('option', { name: knownPlace.label });
  await expect(option).toBeVisible();
  await expect(location.getByText('1 adresse trouvée. Flèche bas pour la choisir.')).toBeAttached();
  await expectAccessible(page, 'post an idea: addresses found');
  await search.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(option).toBeHidden();
  await expect(location.getByLabel('Latitude')).toHaveValue('50.8466');
  await expect(location.getByLabel('Longitude')).toHaveValue('4.3676');
  await expect(page.getByLabel('Adresse ou lieu (facultatif)')).toHaveValue(knownPlace.label);
  await expectAccessible(page, 'post an idea: address chosen');
  await page.getByRole('button', { name: 'Publier mon idée' }).click();

  // The idea's page: its address, not its coordinates, and a small map with the pin.
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible();
  const where = page.getByRole('region', { name: 'Emplacement', exact: true });
  await expect(where).toContainText(knownPlace.label);
  await expect(where).not.toContainText('Latitude');
  await expect(where.getByRole('region', { name: `Emplacement de l’idée sur la carte : ${knownPlace.label}` })).toBeVisible();
  await expect(where.locator('.map-marker')).toHaveCount(1);
  await expectAccessible(page, 'idea page with its address');
});

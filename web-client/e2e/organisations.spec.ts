import { expect, test, type APIRequestContext } from '@playwright/test';
import { admin } from './support/admin';
import { adminToken, bearer, createdId, password, register, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, nav, screenshot } from './support/pages';
import { tag } from './support/text';

failOnCspViolations();

/** Olivia, a resident registered through the API, and the name her organisation will have. */
async function organiser(request: APIRequestContext) {
  const id = tag();
  const email = `e2e-org-${id}@example.test`;
  await register(request, { email, firstName: 'Olivia', lastName: 'Organisatrice' });
  return { id, email, name: `Comité de quartier ${id}` };
}

/** What the first test does in the browser, through the API: Olivia's organisation, pending verification. */
async function pendingOrganisation(request: APIRequestContext) {
  const { id, email, name } = await organiser(request);
  const organisationId = await createdId(
    await request.post('/api/v1/organisations', {
      headers: bearer(await tokenFor(request, email, password)),
      data: {
        name,
        description: 'Nous animons le quartier.\nRéunion chaque premier lundi.\n<b>Bienvenue</b>',
        website: 'https://comite.example.org/accueil',
      },
    }),
  );
  return { id, email, name, organisationId };
}

// One story (a resident creates an organisation, an admin verifies it, it appears in the public directory), told as
// four tests that each set up what came before through the API.

test('a resident creates an organisation from the profile: invalid fields refused beside them, then pending verification', async ({
  page,
  request,
}) => {
  const { email, name } = await organiser(request);

  // The resident starts from the profile.
  await logIn(page, email, password);
  const mine = page.getByRole('region', { name: 'Mes organisations' });
  await expect(mine.getByText('Vous ne faites partie d’aucune organisation.')).toBeVisible();
  await expectAccessible(page, 'profile with organisations');
  await mine.getByRole('link', { name: 'Créer une organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Créer une organisation' })).toBeFocused();
  await page.getByLabel('Site web').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Créer l’organisation' }).click();
  await expect(page.getByLabel('Nom')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Site web')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'create organisation: invalid');
  await page.getByLabel('Nom').fill(name);
  await page.getByLabel('Présentation (facultatif)').fill('Nous animons le quartier.\nRéunion chaque premier lundi.\n<b>Bienvenue</b>');
  await page.getByLabel('Site web').fill('https://comite.example.org/accueil');
  await page.getByRole('button', { name: 'Créer l’organisation' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'L’organisation a été créée.' })).toBeVisible();
  await expect(page.getByText('En attente de vérification')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Membres' })).toContainText('Olivia Organisatrice');
  await expect(page.getByRole('region', { name: 'Inviter un membre' })).toBeVisible();
  await expectAccessible(page, 'organisation page (owner, pending)');
});

test('the owner invites a member and withdraws the invitation; the same name again is refused; the directory waits for verification', async ({
  page,
  request,
}) => {
  const { id, email, name, organisationId } = await pendingOrganisation(request);
  await logIn(page, email, password, `/organisations/${organisationId}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Inviting says the same whatever the address: no hint whether it has an account.
  const invite = page.getByRole('region', { name: 'Inviter un membre' });
  await invite.getByLabel('Adresse e-mail').fill(`e2e-nobody-${id}@example.test`);
  await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `C’est noté : si e2e-nobody-${id}@example.test peut être invitée` }),
  ).toBeVisible();
  await expect(invite.getByRole('listitem').filter({ hasText: `e2e-nobody-${id}@example.test` })).toBeVisible();
  await expectAccessible(page, 'organisation: invitation sent');

  // The owner withdraws it, after confirming.
  await invite.getByRole('button', { name: `Retirer l’invitation de e2e-nobody-${id}@example.test` }).click();
  const withdraw = page.getByRole('dialog', { name: 'Retirer cette invitation ?' });
  await expect(withdraw).toBeVisible();
  await expectAccessible(page, 'organisation: withdraw dialog');
  await withdraw.getByRole('button', { name: 'Oui, retirer' }).click();
  await expect(withdraw).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `L’invitation de e2e-nobody-${id}@example.test a été retirée.` })).toBeVisible();
  await expect(invite.getByText('Aucune invitation en attente.')).toBeVisible();
  await expect(invite.getByLabel('Adresse e-mail')).toBeFocused();
  await expectAccessible(page, 'organisation: invitation withdrawn');

  // The same name again is refused beside the field.
  await page.goto('/organisations/new');
  await page.getByLabel('Nom').fill(name);
  await page.getByRole('button', { name: 'Créer l’organisation' }).click();
  await expect(page.getByLabel('Nom')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'create organisation: duplicate');
  await nav(page).getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vous êtes déconnecté.' })).toBeVisible();

  // Not verified yet: the public directory does not list it.
  await page.goto('/organisations');
  await page.getByLabel('Rechercher une organisation').fill(id);
  await expect(page.getByText('Aucune organisation ne correspond à cette recherche.')).toBeVisible();
});

test('an admin reviews the organisation: a refusal needs a reason, then it is verified', async ({ page, request }) => {
  const { name } = await pendingOrganisation(request);

  // The admin reviews it.
  await logIn(page, admin.email, admin.password, '/admin');
  await page.getByRole('navigation', { name: 'Sections de l’administration' }).getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  const card = page.getByRole('article', { name });
  await expect(card).toContainText('Nous animons le quartier.');
  await expectAccessible(page, 'review queue');
  await card.getByRole('button', { name: `Refuser ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Refuser cette organisation ?' });
  await dialog.getByRole('button', { name: 'Refuser l’organisation' }).click();
  await expect(dialog.getByLabel('Raison du refus')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'reject dialog: missing reason');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await card.getByRole('button', { name: `Vérifier ${name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} est vérifiée.` })).toBeVisible();
  await expect(page.getByRole('article', { name })).toHaveCount(0);
  await expectAccessible(page, 'review queue: verified');
});

test('anyone finds a verified organisation in the directory, with its badge; the description is text, never HTML', async ({
  page,
  request,
}) => {
  const { id, name, organisationId } = await pendingOrganisation(request);
  const verified = await request.post(`/api/v1/organisations/${organisationId}/review`, {
    headers: bearer(await adminToken(request)),
    data: { decision: 'verify' },
  });
  expect(verified.ok(), await verified.text()).toBe(true);
  const visitor = page;

  // Anyone now finds it, with the verified badge; the description is text, never HTML.
  await visitor.goto('/');
  await nav(visitor).getByRole('link', { name: 'Organisations' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Organisations' })).toBeFocused();
  await visitor.getByLabel('Rechercher une organisation').fill(id);
  const listed = visitor.getByRole('article', { name });
  await expect(listed).toContainText('Vérifiée');
  await expectAccessible(visitor, 'organisations directory');
  await listed.getByRole('link', { name }).click();
  await expect(visitor.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(visitor.getByText('Vérifiée', { exact: true })).toBeVisible();
  await expect(visitor.getByText('<b>Bienvenue</b>')).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'comite.example.org/accueil' })).toHaveAttribute(
    'href',
    'https://comite.example.org/accueil',
  );
  await expect(visitor.getByRole('region', { name: 'Membres' })).toHaveCount(0);
  await expectAccessible(visitor, 'organisation page (public)');
  await screenshot(visitor, '/tmp/participation-organisation.png');
});

import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { createOperator, e2eOperator, keepSuiteCityOnLoopback, signInToConsole } from './support/operators';
import { mailDir, waitForLink } from './support/mail';
import { newPage } from './support/pages';
import { uniqueSlug } from './support/text';

const watchCsp = failOnCspViolations();

const operator = e2eOperator;

test.beforeAll(() => createOperator(operator));

test('the operator signs in to the console, opens a city and finds it in the list', async ({ page }) => {
  await keepSuiteCityOnLoopback(page.request, operator);

  await page.goto('/operator');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion à la console' })).toBeVisible();
  await expectAccessible(page, 'operator sign-in');
  await page.getByLabel('Adresse e-mail').fill(operator.email);
  await page.getByLabel('Mot de passe').fill(operator.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Villes' })).toBeVisible();
  await expectAccessible(page, 'operator cities');

  const slug = uniqueSlug('ville');
  await page.getByRole('link', { name: 'Nouvelle ville' }).click();
  await page.getByLabel(/^Nom/).fill(`Ville ${slug}`);
  await page.getByLabel(/^Identifiant/).fill(slug);
  await page.getByLabel(/^Adresses/).fill(`${slug}.example.test\nwww.${slug}.example.test`);
  await page.getByLabel('Néerlandais').check();
  await page.getByLabel(/^E-mail du premier administrateur/).fill(`admin@${slug}.example.test`);
  await expectAccessible(page, 'operator new city');
  await page.getByRole('button', { name: 'Créer la ville' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Ville ${slug}` })).toBeVisible();

  await page.getByRole('link', { name: 'Villes', exact: true }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Ville ${slug}` }) });
  await expect(row).toContainText(`${slug}.example.test`);
  await expect(row).toContainText('active');
  await expectAccessible(page, 'operator cities with the new city');
});

test('the operator adds a person to the console, makes them an operator, then disables them', async ({ page }) => {
  await signInToConsole(page, operator);
  await page.getByRole('link', { name: 'Équipe de la console' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Équipe de la console' })).toBeVisible();
  await expectAccessible(page, 'operator team');

  const name = `Nina ${uniqueSlug('n')}`;
  await page.getByLabel(/^Adresse e-mail/).fill(`${uniqueSlug('nina')}@vendor.example.org`);
  await page.getByRole('textbox', { name: /^Nom/ }).fill(name);
  await page.getByLabel(/^Donner plutôt un mot de passe initial/).check(); // the secondary way: invitations are the default
  await page.getByLabel(/^Mot de passe initial/).fill('nina-first-password');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} a été ajouté·e.` })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row.getByRole('cell', { name: 'support', exact: true })).toBeVisible();

  await row.getByRole('button', { name: `Nommer opérateur – ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`${name} deviendra opérateur`);
  await expectAccessible(page, 'operator team, change of role');
  await dialog.getByRole('button', { name: 'Nommer opérateur' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell', { name: 'opérateur', exact: true })).toBeVisible();

  await row.getByRole('button', { name: `Désactiver – ${name}` }).press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Désactiver' }).press('Enter');
  await expect(row).toContainText('désactivé');
  await expect(row.getByRole('button', { name: `Réactiver – ${name}` })).toBeVisible();

  await page.getByRole('link', { name: 'Journal des opérateurs' }).click();
  // Said in words: the action, and the person it concerned.
  const disabled = page
    .getByRole('row')
    .filter({ hasText: 'Accès à la console retiré' })
    .filter({ hasText: `Personne : ${name}` });
  await expect(disabled.first()).toBeVisible();
  await expectAccessible(page, 'operators’ log');
});

test('a person added to the console replaces the first password before anything else', async ({ page, browser }) => {
  await signInToConsole(page, operator);
  await page.getByRole('link', { name: 'Équipe de la console' }).click();
  const email = `${uniqueSlug('paul')}@vendor.example.org`;
  const name = `Paul ${uniqueSlug('p')}`;
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByRole('textbox', { name: /^Nom/ }).fill(name);
  await page.getByLabel(/^Donner plutôt un mot de passe initial/).check(); // the secondary way: invitations are the default
  await page.getByLabel(/^Mot de passe initial/).fill('paul-first-password');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} a été ajouté·e.` })).toBeVisible();

  // Paul, in a browser of his own: the first password only opens the choice of his own.
  const paul = await newPage(browser, watchCsp);
  await paul.goto('/operator');
  await paul.getByLabel('Adresse e-mail').fill(email);
  await paul.getByLabel('Mot de passe').fill('paul-first-password');
  await paul.getByLabel('Mot de passe').press('Enter');
  await expect(paul.getByRole('heading', { level: 1, name: 'Choisissez votre mot de passe' })).toBeVisible();
  await expect(paul.getByRole('navigation', { name: 'Console' })).toHaveCount(0);
  await expectAccessible(paul, 'console, password to replace');
  await paul.getByLabel(/^Mot de passe actuel/).fill('paul-first-password');
  await paul.getByLabel(/^Nouveau mot de passe/).fill('paul-own-password-2026');
  await paul.getByLabel(/^Nouveau mot de passe/).press('Enter');
  await expect(paul.getByRole('heading', { level: 1, name: 'Villes' })).toBeVisible();
  await paul.context().close();

  await page.getByRole('link', { name: 'Journal des opérateurs' }).click();
  await expect(
    page.getByRole('row').filter({ hasText: 'Mot de passe changé par la personne elle-même' }).filter({ hasText: name }).first(),
  ).toBeVisible();
});

test('a person invited to the console chooses a password from the e-mailed link and lands in the console', async ({ page, browser }) => {
  await signInToConsole(page, operator);
  await page.getByRole('link', { name: 'Équipe de la console' }).click();
  const email = `${uniqueSlug('ines')}@vendor.example.org`;
  const name = `Inès ${uniqueSlug('i')}`;
  await expect(page.getByLabel(/^Mot de passe initial/)).toHaveCount(0); // an invitation by default, no password
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByRole('textbox', { name: /^Nom/ }).fill(name);
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation envoyée à ${name}` })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row).toContainText('invitation envoyée, valable jusqu’au');
  await expect(row.getByRole('button', { name: `Renvoyer l’invitation – ${name}` })).toBeVisible();
  await expect(row.getByRole('button', { name: `Retirer l’invitation – ${name}` })).toBeVisible();
  await expectAccessible(page, 'operator team, pending invitation');

  // Inès, in a browser of her own, from the e-mail's link: her password, twice, and the console opens.
  const link = await waitForLink(mailDir, email, 'operator/invitation');
  const ines = await newPage(browser, watchCsp);
  await ines.goto(link);
  await expect(ines.getByRole('heading', { level: 1, name: 'Rejoindre la console' })).toBeVisible();
  await expect(ines.getByRole('main')).toContainText(email);
  await expectAccessible(ines, 'console invitation');
  await ines.getByLabel(/^Mot de passe/).fill('ines-own-password-2026');
  await ines.getByLabel(/^Confirmez le mot de passe/).fill('ines-own-password-2026');
  await ines.getByRole('button', { name: 'Activer mon compte' }).click();
  await expect(ines.getByRole('heading', { level: 1, name: 'Villes' })).toBeVisible();
  // The link served once.
  await ines.goto(link);
  await expect(ines.getByRole('alert')).toContainText('Ce lien n’est plus valable');
  await ines.context().close();

  await page.reload();
  await expect(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) })).toContainText('actif');
  await page.getByRole('link', { name: 'Journal des opérateurs' }).click();
  await expect(
    page.getByRole('row').filter({ hasText: 'Invitation acceptée, mot de passe choisi' }).filter({ hasText: name }).first(),
  ).toBeVisible();
});

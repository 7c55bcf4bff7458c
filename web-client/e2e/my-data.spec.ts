import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { admin } from './support/admin';
import { password, registerConfirmed } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn } from './support/pages';
import { tag } from './support/text';

failOnCspViolations();

/** The entries of a zip file by name, read through its central directory (stored or deflated entries). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, 'end of central directory').toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at), 'central directory entry').toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

async function submitLogin(page: Page, email: string, secret: string) {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

test('a resident downloads their data, which opens, then deletes their account and can no longer sign in', async ({ page, request }) => {
  const email = `e2e-my-data-${tag()}@example.test`;
  const lastName = `Donnees${tag()}`;
  await registerConfirmed(request, { email, firstName: 'Margot', lastName });
  await logIn(page, email, password, '/profile');

  const myData = page.getByRole('region', { name: 'Mes données' });
  await expect(myData).toBeVisible();
  await expectAccessible(page, 'my data');
  await myData.getByRole('button', { name: 'Demander un export' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Export demandé : il est en préparation.' })).toBeVisible();

  // Prepared in the background: the list follows it until it is ready.
  const exports = myData.getByRole('list', { name: 'Mes exports' });
  await expect(exports.getByText('prêt', { exact: true })).toBeVisible({ timeout: 60_000 });
  const download = page.waitForEvent('download');
  await exports.getByRole('button', { name: 'Télécharger' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.zip$/);
  const entries = unzip(await readFile(await file.path()));
  const html = entries.get('index.html')?.toString('utf8');
  expect(html).toContain('<html lang="fr">');
  expect(html).toMatch(/<h1>Vos donn(é|&#233;)es<\/h1>/);
  expect(html).toContain(lastName);
  const json = entries.get('data.json')?.toString('utf8');
  expect(json).toBeDefined();
  const data = JSON.parse(json!) as Record<string, unknown>;
  expect(data.format).toBe('participation-personal-data/1');
  expect(JSON.stringify(data)).toContain(email);
  await expect(page.getByRole('status').filter({ hasText: /^Fichier .+\.zip téléchargé\.$/ })).toBeVisible();

  // Deleting asks for the password and the typed word.
  const deletion = myData.getByRole('form', { name: 'Supprimer mon compte' });
  await deletion.getByLabel('Mot de passe actuel').fill(password);
  await deletion.getByLabel('Tapez SUPPRIMER pour confirmer').fill('supprimer');
  await deletion.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  await expect(deletion.getByLabel('Tapez SUPPRIMER pour confirmer')).toHaveAccessibleDescription('Tapez exactement SUPPRIMER.');
  await expectAccessible(page, 'my data: deletion not confirmed');
  await deletion.getByLabel('Tapez SUPPRIMER pour confirmer').fill('SUPPRIMER');
  await deletion.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  await expect(page).toHaveURL(/\/fr\/?$/);

  // The account is gone: signing in again is refused.
  await page.goto('/fr/login');
  await submitLogin(page, email, password);
  await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
  await expectAccessible(page, 'login after deletion');
});

test('an admin turns on the retention of inactive accounts, explained on the settings page', async ({ page }) => {
  await logIn(page, admin.email, admin.password, '/fr/admin/settings');

  const retention = page.getByRole('form', { name: 'Conservation des comptes inactifs' });
  await expect(retention.getByText(/prévenue par e-mail 30 jours avant/)).toBeVisible();
  const enabled = retention.getByRole('checkbox', { name: 'Supprimer les comptes inactifs' });
  if (await enabled.isChecked()) await enabled.uncheck(); // an earlier run of the suite
  await enabled.check();
  const months = retention.getByLabel('Après combien de mois sans connexion');
  await months.fill('8');
  await retention.getByRole('button', { name: 'Enregistrer la conservation' }).click();
  await expect(months).toHaveAccessibleDescription(/Indiquez un nombre entier de mois entre 12 et 120\./);
  await months.fill('36');
  await retention.getByRole('button', { name: 'Enregistrer la conservation' }).click();
  await expect(retention.getByRole('status')).toHaveText(
    'Enregistré : les comptes inactifs depuis 36 mois seront supprimés, après un avertissement.',
  );
  await expectAccessible(page, 'settings: retention of inactive accounts');

  // Off again, so that the rest of the suite's residents are never warned.
  await enabled.uncheck();
  await retention.getByRole('button', { name: 'Enregistrer la conservation' }).click();
  await expect(retention.getByRole('status')).toHaveText('Enregistré : les comptes inactifs ne sont pas supprimés.');
});

import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, bearer, grantRole, password, register, registerConfirmed, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { mailDir, waitForLink, waitForMessage } from './support/mail';
import { localPath, logIn, newPage, subnav } from './support/pages';
import { unique, uniqueEmail } from './support/text';

const watchCsp = failOnCspViolations();

/** A resident with a confirmed address who consents (or not) to the newsletter; returns the address. */
async function resident(request: APIRequestContext, firstName: string, consented: boolean) {
  const email = uniqueEmail(firstName.toLowerCase());
  await registerConfirmed(request, { email, firstName, lastName: 'Habitant' });
  if (consented) {
    const token = await tokenFor(request, email, password);
    const consent = await request.put('/api/v1/newsletter/consent', { headers: bearer(token), data: { consented: true } });
    expect(consent.ok()).toBe(true);
  }
  return email;
}

test('a communication manager writes a campaign with the editor, previews its recipients, tests it and sends it', async ({
  page,
  browser,
  request,
}) => {
  const auth = bearer(await adminToken(request));
  const managerEmail = uniqueEmail('communication');
  const managerId = await register(request, { email: managerEmail, firstName: 'Camille', lastName: 'Communication' });
  await grantRole(request, auth, managerId, { role: 'communication_manager', scopeType: 'platform' });
  const reader = await resident(request, 'Lina', true);
  await resident(request, 'Noah', true);
  const refuser = await resident(request, 'Hugo', false);
  const managerAuth = bearer(await tokenFor(request, managerEmail, password));
  const expected = (await (
    await request.post('/api/v1/campaigns/recipients/preview', { headers: managerAuth, data: { kind: 'newsletter' } })
  ).json()) as {
    count: number;
  };
  expect(expected.count).toBeGreaterThanOrEqual(2);
  const subject = unique('Fête du parc');

  await logIn(page, managerEmail, password, '/admin');
  await subnav(page).getByRole('link', { name: 'Campagnes e-mail' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campagnes e-mail' })).toBeVisible();
  await expectAccessible(page, 'campaigns list');

  await page.getByRole('button', { name: 'Nouvelle campagne' }).click();
  await page.getByLabel('Objet').fill(subject);
  const editor = page.getByRole('textbox', { name: 'Message' });
  await editor.click();
  await page.keyboard.type('La fête du parc a lieu samedi. ');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('Venez nombreux !');
  await expect(page.getByRole('status').filter({ hasText: `${expected.count} destinataires à cet instant` })).toBeVisible();
  await expectAccessible(page, 'campaign editor');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(`Campagne « ${subject} » enregistrée.`)).toBeVisible();

  await page.getByRole('button', { name: `M’envoyer un test de « ${subject} »` }).click();
  await expect(page.getByText(`Test de « ${subject} » envoyé à votre adresse.`)).toBeVisible();
  const test = await waitForMessage(mailDir, managerEmail, /La fête du parc a lieu samedi\. Venez nombreux !/);
  expect(test.headers.get('subject')).toContain('[TEST]');

  await page.getByRole('button', { name: `Envoyer « ${subject} »…` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'campaign send confirmation');
  await dialog.getByRole('button', { name: 'Envoyer maintenant' }).click();
  await expect(page.getByText(`Campagne « ${subject} » programmée`)).toBeVisible();

  const received = await waitForMessage(mailDir, reader, /La fête du parc a lieu samedi\. Venez nombreux !/);
  expect(received.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  expect(received.headers.get('list-unsubscribe')).toMatch(/\/api\/v1\/newsletter\/unsubscribe\?token=[0-9a-f]{64}>$/);
  const row = page.getByRole('row', { name: subject });
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(expected.count));
  await expect(row.getByRole('cell').nth(3)).toHaveText(String(expected.count), { timeout: 20_000 });
  const refused = await request.get('/api/v1/newsletter/consent', { headers: bearer(await tokenFor(request, refuser, password)) });
  expect(((await refused.json()) as { consented: boolean }).consented).toBe(false);

  // The resident follows the e-mail's unsubscribe link: one press withdraws the consent.
  const link = await waitForLink(mailDir, reader, 'newsletter/unsubscribe');
  const residentPage = await newPage(browser, watchCsp);
  await residentPage.goto(localPath(link));
  await expect(residentPage.getByRole('heading', { level: 1, name: 'Se désabonner des nouvelles' })).toBeVisible();
  await expectAccessible(residentPage, 'newsletter unsubscribe');
  await residentPage.getByRole('button', { name: 'Me désabonner' }).click();
  await expect(residentPage.getByText('C’est fait : vous ne recevrez plus les nouvelles de la plateforme.')).toBeVisible();
  const after = await request.get('/api/v1/newsletter/consent', { headers: bearer(await tokenFor(request, reader, password)) });
  expect(((await after.json()) as { consented: boolean }).consented).toBe(false);
});

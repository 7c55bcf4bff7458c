import { expect, test } from '@playwright/test';
import { admin } from './support/admin';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { mailDir, waitForMessage } from './support/mail';
import { logIn, subnav } from './support/pages';
import { unique } from './support/text';

failOnCspViolations();

test('an admin grants the vendor’s support access for a day, revokes it, and writes to support from « Assistance »', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, admin.email, admin.password, '/admin');
  await subnav(page).getByRole('link', { name: 'Assistance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assistance' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Accès de l’assistance' })).toBeVisible();
  await expectAccessible(page, 'support page');

  // Grant access for a day, with a reason: the page says until when, and the history lists the grant.
  const reason = unique('Import des projets bloqué');
  await page.getByLabel('Durée (à partir de maintenant)').selectOption({ label: '1 jour' });
  await page.getByLabel('Motif (facultatif)').fill(reason);
  await page.getByRole('button', { name: 'Ouvrir l’accès' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'L’assistance a accès jusqu’au' })).toBeVisible();
  await expect(page.getByText('L’assistance a accès à l’espace du personnel')).toBeVisible();
  const history = page.getByRole('table', { name: 'Historique des accès de l’assistance, les plus récents d’abord' });
  await expect(history.getByRole('row').filter({ hasText: reason })).toContainText('Actif');
  await expectAccessible(page, 'support page with an active grant');

  // Revoke it, after a confirmation.
  await page.getByRole('button', { name: 'Retirer l’accès' }).click();
  const confirm = page.getByRole('dialog', { name: 'Retirer l’accès de l’assistance ?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Retirer l’accès' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'L’accès de l’assistance est retiré.' })).toBeVisible();
  await expect(history.getByRole('row').filter({ hasText: reason })).toContainText('Retiré');

  // Write to support: the request is e-mailed to the vendor's support address with the city's name.
  const subject = unique('Export impossible');
  await page.getByLabel('Sujet').fill(subject);
  const message = unique('L’export des idées échoue depuis ce matin.');
  await page.getByLabel('Message').fill(message);
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre demande a été envoyée à l’assistance.' })).toBeVisible();
  const mail = await waitForMessage(mailDir, 'support@participation.local', new RegExp(message.split(' ').pop()!));
  expect(mail.text).toContain(admin.email);

  // The audit log shows both steps of the grant.
  await subnav(page).getByRole('link', { name: 'Journal d’audit' }).click();
  await expect(page.getByRole('cell', { name: 'Accès de l’assistance retiré' }).first()).toBeVisible();
  await expectAccessible(page, 'audit log with support access');
});

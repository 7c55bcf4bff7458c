import { expect, test } from '@playwright/test';
import { password, registerConfirmed } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn } from './support/pages';
import { uniqueEmail } from './support/text';

failOnCspViolations();

test('a person asked to accept the terms does so from the banner and changes their newsletter choice in « Mes consentements »', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('consents');
  await registerConfirmed(request, { email, firstName: 'Zoé', lastName: 'Consent', acceptTerms: false });
  await logIn(page, email, password, '/profile');

  const banner = page.getByRole('region', { name: 'Merci d’accepter les conditions d’utilisation de la plateforme.' });
  await expect(banner).toBeVisible();
  const consents = page.getByRole('region', { name: 'Mes consentements' });
  await expect(consents.getByText('Vous n’avez pas encore accepté les conditions d’utilisation.')).toBeVisible();
  await expect(consents.getByText('Non, depuis le', { exact: false })).toBeVisible();
  await expectAccessible(page, 'profile with the terms banner');

  // With the keyboard: the banner's button accepts the version in force.
  await banner.getByRole('button', { name: 'J’accepte les conditions d’utilisation (version 1)' }).focus();
  await page.keyboard.press('Enter');
  await expect(banner).toBeHidden();
  await expect(consents.getByText(/Vous avez accepté la version 1 le/)).toBeVisible();

  const newsletter = consents.getByRole('checkbox', { name: 'Je souhaite recevoir les nouvelles de la plateforme par e-mail' });
  await newsletter.focus();
  await page.keyboard.press('Space');
  await expect(newsletter).toBeChecked();
  await expect(consents.getByText(/^Oui, depuis le/)).toBeVisible();
  await consents.getByText('Historique (3 enregistrements)').click();
  await expect(consents.getByRole('listitem')).toHaveCount(3);
  await expectAccessible(page, 'profile consents');
});

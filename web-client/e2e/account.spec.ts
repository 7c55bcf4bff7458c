import { expect, test, type Page } from '@playwright/test';
import { password, register, registerConfirmed } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { mailDir, waitForLink } from './support/mail';
import { localPath, logIn, nav, screenshot } from './support/pages';
import { uniqueEmail } from './support/text';

failOnCspViolations();

/** Fills and sends the login form (the page is on it). The other specs sign in through the API (support/pages.ts). */
async function submitLoginForm(page: Page, email: string, secret: string) {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

test('a resident registers from the home page and is asked to confirm the address', async ({ page }) => {
  const email = uniqueEmail('account');

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Projets ouverts à la participation' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expectAccessible(page, 'home');

  await nav(page).getByRole('link', { name: 'Créer un compte' }).click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un compte' })).toBeFocused();
  await expect(page).toHaveTitle(/^Créer un compte · /);
  await expectAccessible(page, 'register');

  await page.getByLabel('Prénom').fill('Amélie');
  await page.getByLabel('Nom', { exact: true }).fill('Dupont');
  await page.getByLabel('Adresse e-mail').fill(email);
  await expect(page.getByText('12 caractères minimum.')).toBeVisible();
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await expect(page.getByLabel('Langue de la plateforme et des e-mails')).toHaveValue('fr');
  await page.getByRole('checkbox', { name: /J’accepte les conditions d’utilisation/ }).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte de réception' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page, 'register: check your mailbox');
});

test('a resident confirms the address through the e-mailed link and is offered to log in', async ({ page, request }) => {
  const email = uniqueEmail('account');
  await register(request, { email, firstName: 'Amélie', lastName: 'Dupont' });

  const confirmLink = await waitForLink(mailDir, email, 'confirm-email');
  await page.goto(localPath(confirmLink));
  await expect(page.getByText('Votre adresse e-mail est confirmée. Merci !')).toBeVisible();
  await expect(page).toHaveURL(/\/confirm-email$/); // the one-time token left the address bar
  await expectAccessible(page, 'confirm e-mail');

  await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
  await expectAccessible(page, 'login');
});

test('a resident logs in with the form and edits the profile, kept after a reload', async ({ page, request }) => {
  const email = uniqueEmail('account');
  await registerConfirmed(request, { email, firstName: 'Amélie', lastName: 'Dupont' });

  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
  await submitLoginForm(page, email, password);

  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText('Confirmée', { exact: true })).toBeVisible();
  await expectAccessible(page, 'profile');

  await page.getByLabel('Prénom').fill('Amélie-Rose');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vos informations ont été enregistrées.' })).toBeVisible();
  await expectAccessible(page, 'profile: saved');

  await page.reload(); // the session comes back from the stored refresh token
  await expect(page.getByLabel('Prénom')).toHaveValue('Amélie-Rose');
  await expect(page.getByText(email)).toBeVisible();
});

test('a resident switches the language of the profile and back, then logs out', async ({ page, request }) => {
  const email = uniqueEmail('account');
  await registerConfirmed(request, { email, firstName: 'Amélie', lastName: 'Dupont' });
  await logIn(page, email, password, '/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();

  await page.getByLabel('Langue', { exact: true }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(/^My profile · /);
  // The profile's language follows, so e-mails come in English too.
  await expect(page.getByLabel('Language of the platform and e-mails')).toHaveValue('en');
  await expectAccessible(page, 'profile in English');

  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByLabel('Langue de la plateforme et des e-mails')).toHaveValue('fr');

  await nav(page).getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/fr$/);
  await expect(page.getByRole('status').filter({ hasText: 'Vous êtes déconnecté.' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Mon profil' })).toHaveCount(0);
  await expectAccessible(page, 'home after logout');

  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
});

test('a wrong password is refused; logged in but not confirmed, a resident is offered a new confirmation e-mail', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('reset');
  await register(request, { email, firstName: 'Jan', lastName: 'Peeters' });

  await page.goto('/cette-page-n-existe-pas');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await expectAccessible(page, 'not found');

  await page.goto('/login');
  await submitLoginForm(page, email, 'not the password at all');
  await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
  await expectAccessible(page, 'login: wrong password');

  // Logged in but not confirmed yet: the profile offers a new confirmation e-mail.
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByText('Non confirmée')).toBeVisible();
  await page.getByRole('button', { name: 'Renvoyer l’e-mail de confirmation' }).click();
  // Right after registering the API asks to wait (one e-mail per 20 s); either answer is shown.
  await expect(
    page.getByText(
      /^(Un nouvel e-mail de confirmation vous a été envoyé\.|Un e-mail vient d’être envoyé\. Vous pourrez en demander un autre dans \d+ secondes?\.)$/,
    ),
  ).toBeVisible();
  await expectAccessible(page, 'profile (unconfirmed)');
  await nav(page).getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vous êtes déconnecté.' })).toBeVisible();
});

test('a resident who forgot the password resets it through the e-mailed link', async ({ page, request }) => {
  const email = uniqueEmail('reset');
  const newPassword = 'un tout nouveau mot de passe';
  await register(request, { email, firstName: 'Jan', lastName: 'Peeters' });

  await page.goto('/');
  await nav(page).getByRole('link', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeFocused();
  await expectAccessible(page, 'forgot password');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Envoyer le lien' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Si un compte existe' })).toBeVisible();
  await expectAccessible(page, 'forgot password: sent');

  const resetLink = await waitForLink(mailDir, email, 'reset-password');
  await page.goto(localPath(resetLink));
  await expect(page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' })).toBeVisible();
  await expectAccessible(page, 'reset password');

  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirmez le nouveau mot de passe').fill('something else entirely');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByLabel('Confirmez le nouveau mot de passe')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Les deux mots de passe ne sont pas identiques.')).toBeVisible();
  await expectAccessible(page, 'reset password: mismatch');

  await page.getByLabel('Confirmez le nouveau mot de passe').fill(newPassword);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByText('Votre mot de passe a été modifié.')).toBeVisible();
  await expectAccessible(page, 'reset password: done');
});

test('a used reset link is refused; after a reset, a resident logs in with the keyboard alone, the address proved too', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('reset');
  const newPassword = 'un tout nouveau mot de passe';
  await register(request, { email, firstName: 'Jan', lastName: 'Peeters' });
  // What the previous test does in the browser, through the API: the reset link asked for by e-mail, then used.
  const asked = await request.post('/api/v1/auth/password-reset', { data: { email } });
  expect(asked.ok()).toBe(true);
  const resetLink = await waitForLink(mailDir, email, 'reset-password');
  const token = new URLSearchParams(new URL(resetLink).hash.slice(1)).get('token');
  const reset = await request.post('/api/v1/auth/password-reset/confirm', { data: { token, newPassword } });
  expect(reset.ok(), await reset.text()).toBe(true);

  // The used link is now invalid (opened afresh, as from the mail program).
  await page.goto('about:blank');
  await page.goto(localPath(resetLink));
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirmez le nouveau mot de passe').fill(newPassword);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByText('Ce lien n’est pas valable ou a expiré.')).toBeVisible();
  await expectAccessible(page, 'reset password: used link');
  await page.getByRole('link', { name: 'Demander un nouveau lien' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeVisible();

  // Log in with the keyboard only: focus starts on the heading after navigating.
  await page.getByRole('link', { name: 'Retour à la connexion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Adresse e-mail')).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Mot de passe', { exact: true })).toBeFocused();
  await page.keyboard.type(newPassword);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByText(email)).toBeVisible();
  // Following the reset link proved the address too.
  await expect(page.getByText('Confirmée', { exact: true })).toBeVisible();
  await expectAccessible(page, 'profile after reset');
  await screenshot(page, '/tmp/participation-profile.png');
  await page.goto('/');
  await expect(page.getByText('Aucun projet de participation n’est ouvert pour le moment.')).toBeVisible();
  await screenshot(page, '/tmp/participation-home.png');
  // Logged in, /register sends to the profile: log out to see it.
  await page.goto('/register');
  await expect(page).toHaveURL(/\/profile$/);
  await nav(page).getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vous êtes déconnecté.' })).toBeVisible();
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un compte' })).toBeVisible();
  await expectAccessible(page, 'register (mobile)');
  await screenshot(page, '/tmp/participation-register-mobile.png');
});

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { admin } from './support/admin';
import { adminToken, bearer, createDepartment, grantRole, invite, password, register } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { mailDir, waitForLink } from './support/mail';
import { localPath, logIn, nav, subnav, screenshot } from './support/pages';
import { uniqueEmail, uniqueSlug } from './support/text';

failOnCspViolations();

/** What the first test does in the browser, through the API: a department, and its head invited with a message. */
async function departmentHeadInvited(request: APIRequestContext) {
  const department = `Urbanisme ${uniqueSlug('d')}`;
  const headEmail = uniqueEmail('head');
  const auth = bearer(await adminToken(request));
  const departmentId = await createDepartment(request, auth, department);
  const message = 'Bienvenue dans l’équipe !\n<b>À bientôt</b>';
  const link = await invite(request, auth, {
    email: headEmail,
    role: 'department_head',
    scopeType: 'department',
    scopeId: departmentId,
    message,
  });
  return { department, headEmail, link };
}

/** Rémi, a resident with no role yet (registered through the API). */
async function aResident(request: APIRequestContext) {
  const email = uniqueEmail('resident');
  const id = await register(request, { email, firstName: 'Rémi', lastName: 'Résident' });
  return { email, id };
}

async function logOut(page: Page) {
  await nav(page).getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vous êtes déconnecté.' })).toBeVisible();
}

test('an admin creates a department, refused beside the field when unnamed or taken, and invites its head with a message', async ({
  page,
}) => {
  const department = `Urbanisme ${uniqueSlug('d')}`;
  const headEmail = uniqueEmail('head');

  await logIn(page, admin.email, admin.password);
  await nav(page).getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Mes rôles' })).toBeVisible();
  await expectAccessible(page, 'staff overview (admin)');

  // A department, with a French and a Dutch name.
  await subnav(page).getByRole('link', { name: 'Services' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
  await page.getByRole('button', { name: 'Créer le service' }).click();
  await expect(page.getByLabel('Nom en français')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Le nom en français est obligatoire.')).toBeVisible();
  await expectAccessible(page, 'departments: missing name');
  await page.getByLabel('Nom en français').fill(department);
  await page.getByLabel('Nom en néerlandais (facultatif)').fill(`Stedenbouw ${department.slice(10)}`);
  await page.getByRole('button', { name: 'Créer le service' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Le service « ${department} » a été créé.` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: department })).toBeVisible();
  // The same French name again is refused beside the field.
  await page.getByLabel('Nom en français').fill(department);
  await page.getByRole('button', { name: 'Créer le service' }).click();
  await expect(page.getByLabel('Nom en français')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Un service porte déjà ce nom.').first()).toBeVisible();
  await expectAccessible(page, 'departments: duplicate name');
  await page.getByLabel('Nom en français').fill('');

  // Invite its head, with a personal message.
  await subnav(page).getByRole('link', { name: 'Invitations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations' })).toBeVisible();
  await expectAccessible(page, 'invitations (admin)');
  const form = page.getByRole('form', { name: 'Inviter par e-mail' });
  await form.getByRole('group', { name: 'Personne 1' }).getByLabel('Adresse e-mail').fill(headEmail);
  await form.getByLabel('Rôle', { exact: true }).selectOption('department_head');
  await form.getByLabel('Service', { exact: true }).selectOption({ label: department });
  await form.getByLabel('Message personnel (facultatif)').fill('Bienvenue dans l’équipe !\n<b>À bientôt</b>');
  await form.getByRole('button', { name: 'Envoyer les invitations' }).click();
  const invited = page.getByRole('table', { name: 'Invitations envoyées (1)' });
  await expect(invited).toContainText(headEmail);
  await expect(page.getByRole('heading', { name: 'Résultat' }).first()).toBeFocused();
  await expectAccessible(page, 'invitations: report');

  const list = page.getByRole('table', { name: 'Invitations, les plus récentes d’abord' });
  const row = list.getByRole('row').filter({ hasText: headEmail });
  await expect(row).toContainText('En attente');
  await expect(row).toContainText(/En file d’attente|Envoyé/);
  await expect(row).toContainText(department);
  await screenshot(page, '/tmp/participation-admin-invitations.png');
  await logOut(page);
});

test('the invited department head accepts from the e-mailed link and lands in the staff area', async ({ page, request }) => {
  const { department, link } = await departmentHeadInvited(request);

  // The invitee follows the e-mailed link.
  await page.goto(localPath(link));
  await expect(page.getByRole('heading', { level: 1, name: 'Invitation' })).toBeVisible();
  await expect(page.getByText('Ada Admin vous invite à rejoindre la plateforme en tant que Chef de service.')).toBeVisible();
  await expect(page.getByText(department)).toBeVisible();
  // The message is text, never HTML.
  await expect(page.locator('blockquote')).toContainText('<b>À bientôt</b>');
  await expect(page).toHaveURL(/\/invitation$/); // the token left the address bar
  await expectAccessible(page, 'invitation page');

  await page.getByRole('button', { name: 'Créer mon compte et accepter' }).click();
  await expect(page.getByLabel('Prénom')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'invitation: missing fields');
  await page.getByLabel('Prénom').fill('Hélène');
  await page.getByLabel('Nom', { exact: true }).fill('Chef');
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Créer mon compte et accepter' }).click();

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('status').filter({ hasText: 'Votre invitation a été acceptée' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mon service' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: department })).toBeVisible();
  await expect(subnav(page).getByRole('link', { name: 'Utilisateurs' })).toHaveCount(0);
  await expectAccessible(page, 'staff overview (department head)');
});

test('a department head may invite project moderators only; the used invitation link is refused; the admin sees it accepted', async ({
  page,
  request,
}) => {
  const { headEmail, link } = await departmentHeadInvited(request);
  // What the previous test does in the browser, through the API: the invitation accepted with a new account.
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token');
  const accepted = await request.post('/api/v1/invitations/accept', {
    data: { token, firstName: 'Hélène', lastName: 'Chef', password, locale: 'fr' },
  });
  expect(accepted.ok(), await accepted.text()).toBe(true);
  await logIn(page, headEmail, password, '/admin');
  await expect(page.getByRole('heading', { name: 'Mon service' })).toBeVisible();

  await subnav(page).getByRole('link', { name: 'Invitations' }).click();
  await expect(page.getByText('Inviter des modérateurs de projet')).toBeVisible();
  // A department head may invite project moderators only: the role is already chosen; no project exists yet.
  const headForm = page.getByRole('form', { name: 'Inviter par e-mail' });
  await expect(headForm.getByLabel('Rôle', { exact: true })).toHaveValue('project_moderator');
  await expect(headForm.getByLabel('Rôle', { exact: true }).locator('option')).toHaveText(['Choisissez un rôle', 'Modérateur de projet']);
  await expect(headForm.getByText('Aucun projet à votre portée : créez d’abord un projet.')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Invitations, les plus récentes d’abord' }).getByRole('row').filter({ hasText: headEmail }),
  ).toContainText('Acceptée');
  await expectAccessible(page, 'invitations (department head)');

  // A used link says so, without detail.
  await logOut(page);
  await page.goto(localPath(link));
  await expect(page.getByText('Ce lien d’invitation n’est pas valable ou a expiré.')).toBeVisible();
  await expectAccessible(page, 'invitation: used link');

  // The admin sees the invitation accepted.
  await logIn(page, admin.email, admin.password, '/admin/invitations');
  await page.getByLabel('État', { exact: true }).selectOption('accepted');
  await expect(
    page.getByRole('table', { name: 'Invitations, les plus récentes d’abord' }).getByRole('row').filter({ hasText: headEmail }),
  ).toContainText('Acceptée');
  await expectAccessible(page, 'invitations: accepted filter');
});

test('an admin imports invitations from a CSV file with one bad row', async ({ page }) => {
  const good = uniqueEmail('csv');
  await logIn(page, admin.email, admin.password, '/admin/invitations');
  const form = page.getByRole('form', { name: 'Importer un fichier CSV' });
  await expect(form.getByRole('link', { name: 'Télécharger un fichier d’exemple' })).toHaveAttribute('download', 'invitations-example.csv');

  // A malformed file is refused as a whole, beside the file field.
  await form.getByLabel('Fichier CSV').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('mail;name\nx;y\n') });
  await form.getByLabel('Rôle', { exact: true }).selectOption('elected_official');
  await form.getByLabel('Toute la plateforme').check();
  await form.getByRole('button', { name: 'Importer et inviter' }).click();
  await expect(form.getByLabel('Fichier CSV')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'import: malformed file');

  const csv = `email,first_name,last_name,locale\n${good},Marc,Lemaire,nl\nnot-an-address,Bad,Row,fr\n`;
  await form.getByLabel('Fichier CSV').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await form.getByRole('button', { name: 'Importer et inviter' }).click();
  const invited = page.getByRole('table', { name: 'Invitations envoyées (1)' });
  await expect(invited).toContainText(good);
  await expect(invited.getByRole('row').filter({ hasText: good })).toContainText('2');
  const errors = page.getByRole('table', { name: 'Lignes en erreur (1)' });
  await expect(errors.getByRole('row').filter({ hasText: 'not-an-address' })).toContainText('3');
  await expect(errors).toContainText('Adresse e-mail non valide.');
  await expectAccessible(page, 'import: report');

  // Resend, then revoke (after confirming) the new invitation.
  const row = page.getByRole('table', { name: 'Invitations, les plus récentes d’abord' }).getByRole('row').filter({ hasText: good });
  await expect(row).toContainText('Élu');
  await row.getByRole('button', { name: `Renvoyer l’invitation à ${good}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `L’invitation a été renvoyée à ${good}` })).toBeVisible();
  await row.getByRole('button', { name: `Révoquer l’invitation de ${good}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Révoquer cette invitation ?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'invitations: revoke dialog');
  await dialog.getByRole('button', { name: 'Oui, révoquer' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Révoquée');
  await screenshot(page, '/tmp/participation-admin-import.png');
});

test('only staff enter the staff area', async ({ page, request }) => {
  const { email: residentEmail } = await aResident(request);

  // A resident has no way in.
  await logIn(page, residentEmail, password);
  await expect(nav(page).getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Accès réservé' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Retour à l’accueil' })).toBeVisible();
  await expectAccessible(page, 'staff area: forbidden');
  // Logged in: no more registering.
  await page.goto('/register');
  await expect(page).toHaveURL(/\/profile$/);
  await logOut(page);
});

test('an admin finds a person and makes them head of a department, a missing role refused first', async ({ page, request }) => {
  const { email: residentEmail } = await aResident(request);
  const department = `Mobilité ${uniqueSlug('d')}`;
  await createDepartment(request, bearer(await adminToken(request)), department);

  await logIn(page, admin.email, admin.password, '/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  await page.getByLabel('Rechercher').fill(residentEmail);
  const users = page.getByRole('table', { name: 'Personnes inscrites' });
  await expect(users.getByRole('row')).toHaveCount(2);
  const row = users.getByRole('row').filter({ hasText: residentEmail });
  await expect(row).toContainText('Aucun rôle');
  await expectAccessible(page, 'users: search');

  await row.getByRole('button', { name: 'Gérer les rôles de Rémi Résident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rôles de Rémi Résident' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Ajouter le rôle' }).click();
  await expect(dialog.getByLabel('Rôle', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'manage roles: missing role');
  await dialog.getByLabel('Rôle', { exact: true }).selectOption('department_head');
  await dialog.getByLabel('Service', { exact: true }).selectOption({ label: department });
  await dialog.getByRole('button', { name: 'Ajouter le rôle' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: `Le rôle « Chef de service · ${department} » a été ajouté.` })).toBeVisible();
  await expect(row).toContainText(`Chef de service · ${department}`);
  await expectAccessible(page, 'manage roles: granted');
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('button', { name: 'Gérer les rôles de Rémi Résident' })).toBeFocused();
});

test('a department with a head cannot be deleted, without one it can; the staff pages on a phone', async ({ page, request }) => {
  const resident = await aResident(request);
  const department = `Mobilité ${uniqueSlug('d')}`;
  const auth = bearer(await adminToken(request));
  const departmentId = await createDepartment(request, auth, department);
  // What the previous test does in the browser, through the API: Rémi made head of the department.
  await grantRole(request, auth, resident.id, { role: 'department_head', scopeType: 'department', scopeId: departmentId });

  // The department page lists the new head; removing asks first.
  await logIn(page, admin.email, admin.password, '/admin/departments');
  const card = page.getByRole('article', { name: department });
  await expect(card).toContainText('Rémi Résident');
  await card.getByRole('button', { name: `Supprimer ${department}` }).click();
  const refuse = page.getByRole('dialog', { name: 'Supprimer ce service ?' });
  await refuse.getByRole('button', { name: 'Oui, supprimer' }).click();
  await expect(refuse.getByRole('alert')).toContainText('Ce service a encore des chefs de service');
  await expectAccessible(page, 'departments: delete refused');
  await refuse.getByRole('button', { name: 'Annuler' }).click();

  await card.getByRole('button', { name: 'Retirer Rémi Résident des chefs de service' }).click();
  const confirm = page.getByRole('dialog', { name: 'Retirer ce chef de service ?' });
  await confirm.getByRole('button', { name: 'Oui, retirer' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Rémi Résident n’est plus chef du service ${department}.` })).toBeVisible();
  await expect(card).toContainText('Aucun chef de service pour le moment.');

  // Now empty, the department can go.
  await card.getByRole('button', { name: `Supprimer ${department}` }).click();
  await page.getByRole('dialog', { name: 'Supprimer ce service ?' }).getByRole('button', { name: 'Oui, supprimer' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Le service « ${department} » a été supprimé.` })).toBeVisible();
  await expectAccessible(page, 'departments: deleted');
  await screenshot(page, '/tmp/participation-admin-departments.png');

  await page.goto('/admin/users');
  await expect(page.getByRole('table', { name: 'Personnes inscrites' })).toBeVisible();
  await screenshot(page, '/tmp/participation-admin-users.png');
  await page.setViewportSize({ width: 375, height: 740 });
  await page.reload();
  await expect(page.getByRole('table', { name: 'Personnes inscrites' })).toBeVisible();
  await expectAccessible(page, 'users (mobile)');
  await screenshot(page, '/tmp/participation-admin-users-mobile.png');
  await page.goto('/admin/invitations');
  await expect(page.getByRole('form', { name: 'Inviter par e-mail' })).toBeVisible();
  await expectAccessible(page, 'invitations (mobile)');
  await screenshot(page, '/tmp/participation-admin-invitations-mobile.png');
});

test('someone with an account logs in to accept and comes back to the invitation', async ({ page, request }) => {
  const email = uniqueEmail('existing');
  await register(request, { email, firstName: 'Élise', lastName: 'Élue' });
  const link = await invite(request, bearer(await adminToken(request)), { email, role: 'elected_official', scopeType: 'platform' });

  await page.goto(localPath(link));
  await expect(page.getByText('Un compte existe déjà pour')).toBeVisible();
  await expect(page.getByText('Toute la plateforme')).toBeVisible();
  await expectAccessible(page, 'invitation: account exists');
  await page.getByRole('link', { name: 'Se connecter pour accepter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();

  // Back on the invitation (the token waited in the tab's storage), signed in as the invited address.
  await expect(page).toHaveURL(/\/invitation$/);
  await expect(page.getByText(`Vous êtes connecté avec ${email}`)).toBeVisible();
  await expectAccessible(page, 'invitation: signed in');
  await page.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('list').filter({ hasText: 'Élu · toute la plateforme' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Administration' })).toBeVisible();
  await expectAccessible(page, 'staff overview (elected official)');
});

test('an admin blocks someone, sees the block in the list, and lifts it', async ({ page, request }) => {
  const email = uniqueEmail('blocked');
  await register(request, { email, firstName: 'Bruno', lastName: 'Bloqué' });

  await logIn(page, admin.email, admin.password, '/admin/users');
  await page.getByLabel('Rechercher').fill(email);
  const users = page.getByRole('table', { name: 'Personnes inscrites' });
  const row = users.getByRole('row').filter({ hasText: email });
  await expect(users.getByRole('row')).toHaveCount(2);
  await expect(row).not.toContainText('Bloquée jusqu’au');

  await row.getByRole('button', { name: 'Bloquer Bruno Bloqué' }).click();
  const dialog = page.getByRole('dialog', { name: 'Blocage de Bruno Bloqué' });
  await dialog.getByLabel('Raison').fill('Messages injurieux répétés.');
  await dialog.getByRole('button', { name: 'Bloquer', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'La personne est bloquée jusqu’au' })).toBeVisible();
  // The dialog now offers to lift the block, and the list shows it.
  await expect(dialog.getByRole('heading', { name: 'Blocage en cours' })).toBeVisible();
  await expect(dialog.getByText('Messages injurieux répétés.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Débloquer' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Bloquer', exact: true })).toHaveCount(0);
  await expect(row).toContainText('Bloquée jusqu’au');
  await expectAccessible(page, 'block dialog: blocked');
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(row.getByRole('button', { name: 'Voir le blocage de Bruno Bloqué ou le lever' })).toBeFocused();
  await expectAccessible(page, 'users: blocked badge');

  await row.getByRole('button', { name: 'Voir le blocage de Bruno Bloqué ou le lever' }).click();
  await dialog.getByRole('button', { name: 'Débloquer' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Le blocage a été levé.' })).toBeVisible();
  await expect(dialog.getByLabel('Bloquée jusqu’au (inclus)')).toBeFocused();
  await expect(row).not.toContainText('Bloquée jusqu’au');
  await expect(row.getByRole('button', { name: 'Bloquer Bruno Bloqué' })).toBeVisible();
  await expectAccessible(page, 'block dialog: unblocked');
});

test('an admin invites a project moderator, who accepts and finds the project in their workspace', async ({ page, request }) => {
  const auth = bearer(await adminToken(request));
  const title = `Fête de quartier ${uniqueSlug('p')}`;
  const moderatorEmail = uniqueEmail('moderator');

  const departmentId = await createDepartment(request, auth, `Culture ${uniqueSlug('d')}`);
  const project = await request.post('/api/v1/projects', {
    data: { departmentId, title: { fr: title, nl: `Buurtfeest ${title.slice(17)}` } },
    headers: auth,
  });
  expect(project.status()).toBe(201);

  await logIn(page, admin.email, admin.password, '/admin/invitations');
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Inviter par e-mail' });
  await form.getByRole('group', { name: 'Personne 1' }).getByLabel('Adresse e-mail').fill(moderatorEmail);
  await form.getByLabel('Rôle', { exact: true }).selectOption('project_moderator');
  // The project is required, and said so beside its list.
  await form.getByRole('button', { name: 'Envoyer les invitations' }).click();
  await expect(form.getByLabel('Projet', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'invitations: project missing');
  await form.getByLabel('Projet', { exact: true }).selectOption({ label: title });
  await expectAccessible(page, 'invitations: project moderator chosen');
  await form.getByRole('button', { name: 'Envoyer les invitations' }).click();
  await expect(page.getByRole('table', { name: 'Invitations envoyées (1)' })).toContainText(moderatorEmail);

  const row = page
    .getByRole('table', { name: 'Invitations, les plus récentes d’abord' })
    .getByRole('row')
    .filter({ hasText: moderatorEmail });
  await expect(row).toContainText('Modérateur de projet');
  await expect(row).toContainText(`Projet : ${title}`);
  await expectAccessible(page, 'invitations: project moderator invited');
  await logOut(page);

  // The invitee follows the e-mailed link, gives names and a password.
  const link = await waitForLink(mailDir, moderatorEmail, 'invitation');
  await page.goto(localPath(link));
  await expect(page.getByText('Ada Admin vous invite à rejoindre la plateforme en tant que Modérateur de projet.')).toBeVisible();
  await expect(page.getByText(title)).toBeVisible();
  await expectAccessible(page, 'invitation page (project moderator)');
  await page.getByLabel('Prénom').fill('Maëlle');
  await page.getByLabel('Nom', { exact: true }).fill('Modératrice');
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Créer mon compte et accepter' }).click();

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('status').filter({ hasText: 'Votre invitation a été acceptée' })).toBeVisible();
  await expectAccessible(page, 'staff overview (project moderator)');
  await subnav(page).getByRole('link', { name: 'Projets' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Projets' })).toBeVisible();
  const projects = page.getByRole('table', { name: 'Projets, modifiés récemment d’abord' });
  await expect(projects.getByRole('row').filter({ hasText: title })).toContainText('Vous le modérez');
  await expect(projects.getByRole('row')).toHaveCount(2);
  await expectAccessible(page, 'workspace (project moderator)');
});

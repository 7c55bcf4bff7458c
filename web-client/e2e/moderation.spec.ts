import { expect, test, type APIRequestContext } from '@playwright/test';
import { admin } from './support/admin';
import { adminToken, bearer, password, registerConfirmed, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { mailDir, waitForMessage } from './support/mail';
import { logIn, screenshot } from './support/pages';
import { tag as stamp } from './support/text';

const watchCsp = failOnCspViolations();

/** A resident with a confirmed address (the link of the confirmation e-mail is used through the API). */
async function resident(request: APIRequestContext, firstName: string, tag: string) {
  const email = `e2e-${firstName.toLowerCase()}-${tag}@example.test`;
  const lastName = `Habitant${tag}`;
  await registerConfirmed(request, { email, firstName, lastName });
  return { email, name: `${firstName} ${lastName}`, token: await tokenFor(request, email, password) };
}

/** A published project (in a new department) whose ideation phase runs now. */
async function projectWithIdeas(request: APIRequestContext, title: string, preModeration: boolean) {
  const auth = bearer(await adminToken(request));
  const department = await request.post('/api/v1/departments', { data: { name: { fr: `Service ${title}` } }, headers: auth });
  expect(department.status()).toBe(201);
  const departmentId = ((await department.json()) as { id: string }).id;
  const created = await request.post('/api/v1/projects', { data: { departmentId, title: { fr: title } }, headers: auth });
  expect(created.status()).toBe(201);
  const projectId = ((await created.json()) as { id: string }).id;
  const day = 24 * 3600 * 1000;
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    data: {
      title: { fr: 'Vos idées' },
      startsAt: new Date(Date.now() - day).toISOString(),
      endsAt: new Date(Date.now() + 14 * day).toISOString(),
      method: 'ideation',
      settings: { permissions: { postIdea: 'confirmed_email', comment: 'confirmed_email', react: 'confirmed_email' }, preModeration },
    },
    headers: auth,
  });
  expect(phase.ok()).toBe(true);
  const published = await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth });
  expect(published.ok()).toBe(true);
  return projectId;
}

async function postIdea(request: APIRequestContext, token: string, projectId: string, title: string) {
  const response = await request.post(`/api/v1/projects/${projectId}/ideas`, {
    data: { title, body: '<p>Une proposition pour le quartier.</p>' },
    headers: bearer(token),
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Alice posts an idea, Bruno comments on it, Alice reports the comment (all through the API). */
async function flaggedComment(request: APIRequestContext) {
  const tag = stamp();
  const title = `Parc des Tilleuls ${tag}`;
  const ideaTitle = `Des bancs à l’ombre ${tag}`;
  const reason = `Propos injurieux envers un voisin ${tag}`;
  const projectId = await projectWithIdeas(request, title, false);
  const alice = await resident(request, 'Alice', tag);
  const bruno = await resident(request, 'Bruno', tag);
  const ideaId = await postIdea(request, alice.token, projectId, ideaTitle);
  const comment = await request.post(`/api/v1/ideas/${ideaId}/comments`, {
    data: { body: `<p>Commentaire déplacé ${tag}</p>` },
    headers: bearer(bruno.token),
  });
  expect(comment.status()).toBe(201);
  const commentId = ((await comment.json()) as { id: string }).id;
  const flagged = await request.post(`/api/v1/comments/${commentId}/flags`, {
    data: { reason: 'inappropriate', details: `Il insulte quelqu’un ${tag}` },
    headers: bearer(alice.token),
  });
  expect(flagged.ok()).toBe(true);
  return { tag, title, ideaTitle, reason, projectId, ideaId, commentId, alice, bruno };
}

/** What the first test does in the queue, through the API: the comment hidden with `reason` (its author is told). */
async function hiddenComment(request: APIRequestContext) {
  const story = await flaggedComment(request);
  const hidden = await request.post(`/api/v1/comments/${story.commentId}/hide`, {
    data: { reason: story.reason },
    headers: bearer(await adminToken(request)),
  });
  expect(hidden.ok(), await hidden.text()).toBe(true);
  return story;
}

// One story (a moderator hides a flagged comment; its author is notified, adjusts the preferences and unsubscribes
// from an e-mail), told as three tests that each set up what came before through the API.

test('a moderator finds a flagged comment in the queue and hides it, a reason asked first', async ({ page, request }) => {
  const { tag, title, ideaTitle, reason, projectId, ideaId, bruno } = await flaggedComment(request);

  // The admin finds the queue from the workspace and from the project's staff page.
  await logIn(page, admin.email, admin.password, '/admin/projects');
  await expect(page.getByRole('heading', { level: 1, name: 'Projets' })).toBeVisible();
  await expect(page.getByRole('link', { name: `File de modération de « ${title} »` })).toHaveAttribute(
    'href',
    `/fr/admin/projects/${projectId}/moderation`,
  );
  await expectAccessible(page, 'workspace with moderation links');
  await page.goto(`/admin/projects/${projectId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Projet : ${title}` })).toBeVisible();
  await page.getByRole('link', { name: 'File de modération', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Modération : ${title}` })).toBeFocused();

  const item = page.getByRole('article').filter({ hasText: `Commentaire déplacé ${tag}` });
  await expect(item).toContainText('Commentaire');
  await expect(item).toContainText(`Par ${bruno.name}`);
  await expect(item).toContainText('1 signalement');
  await expect(item).toContainText(`Contenu inapproprié — « Il insulte quelqu’un ${tag} »`);
  await expect(item).not.toContainText('Masqué provisoirement');
  await expect(item.getByRole('link', { name: ideaTitle })).toHaveAttribute('href', `/fr/projects/${projectId}/ideas/${ideaId}`);
  await expectAccessible(page, 'moderation queue');
  await screenshot(page, '/tmp/participation-moderation-queue.png');

  // Hiding asks for a reason first.
  await item.getByRole('button', { name: `Masquer : commentaire sur l’idée « ${ideaTitle} »` }).click();
  const dialog = page.getByRole('dialog', { name: 'Masquer ce commentaire' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Masquer', exact: true }).click();
  await expect(dialog.getByLabel('Motif')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'hide dialog: reason missing');
  await dialog.getByLabel('Motif').fill(reason);
  await dialog.getByRole('button', { name: 'Masquer', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Le commentaire sur l’idée « ${ideaTitle} » est masqué ; son auteur en est informé.` }),
  ).toBeVisible();
  await expect(item).toHaveCount(0);
  await expect(page.getByText('Rien à modérer pour le moment.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'À traiter' })).toBeFocused();
  await expectAccessible(page, 'moderation queue: empty');
});

test('the author of a hidden comment is notified in the header’s menu and on the notifications page, and marks it read', async ({
  page,
  request,
}) => {
  const { title, ideaTitle, reason, bruno } = await hiddenComment(request);
  const brunoPage = page;

  // Bruno sees the notification in the header's menu, then on the notifications page.
  await logIn(brunoPage, bruno.email, password);
  const bell = brunoPage.getByRole('button', { name: 'Notifications, 1 non lue' });
  await expect(bell).toHaveAttribute('aria-expanded', 'false');
  await bell.click();
  const menu = brunoPage.getByRole('region', { name: 'Dernières notifications' });
  const latest = menu.getByRole('listitem').filter({ hasText: ideaTitle });
  await expect(latest).toContainText('Non lue');
  await expect(latest.getByRole('link')).toHaveText(`Votre commentaire sur l’idée « ${ideaTitle} » a été masqué : ${reason}`);
  await expectAccessible(brunoPage, 'notification menu (open)');
  await screenshot(brunoPage, '/tmp/participation-notification-menu.png', false);
  await brunoPage.setViewportSize({ width: 375, height: 740 });
  await expectAccessible(brunoPage, 'notification menu (open, mobile)');
  await screenshot(brunoPage, '/tmp/participation-notification-menu-mobile.png', false);
  await brunoPage.setViewportSize({ width: 1280, height: 720 });
  await brunoPage.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(bell).toBeFocused();
  await bell.click();
  await menu.getByRole('link', { name: 'Voir toutes les notifications' }).click();

  await expect(brunoPage.getByRole('heading', { level: 1, name: 'Notifications' })).toBeFocused();
  const entry = brunoPage.getByRole('listitem').filter({ hasText: ideaTitle });
  await expect(entry).toContainText(reason);
  await expect(entry).toContainText('Non lue');
  await expect(entry).toContainText(title);
  await expectAccessible(brunoPage, 'notifications page');
  await screenshot(brunoPage, '/tmp/participation-notifications.png');
  await entry.getByRole('button', { name: /^Marquer comme lue/ }).click();
  await expect(brunoPage.getByRole('status').filter({ hasText: 'La notification est marquée comme lue.' })).toBeVisible();
  await expect(entry).not.toContainText('Non lue');
  await expect(brunoPage.getByRole('button', { name: 'Notifications, aucune non lue' })).toBeVisible();
  await brunoPage.getByLabel('Non lues seulement').check();
  await expect(brunoPage.getByText('Vous n’avez aucune notification non lue.')).toBeVisible();
  await expectAccessible(brunoPage, 'notifications page: unread only');
});

test('the author turns a kind of notification off, and unsubscribes in one click from the e-mail; a forged link is refused', async ({
  page,
  request,
  browser,
}) => {
  const { bruno, reason } = await hiddenComment(request);
  const brunoPage = page;
  await logIn(brunoPage, bruno.email, password, '/notifications');

  // Preferences: replies to comments turned off, kept after a reload.
  await brunoPage.getByRole('link', { name: 'Gérer mes préférences de notification' }).click();
  await expect(brunoPage.getByRole('heading', { level: 1, name: 'Préférences de notification' })).toBeFocused();
  const replies = brunoPage.getByRole('group', { name: 'Réponses à vos commentaires' });
  await expect(replies.getByRole('radio', { name: 'E-mail et dans l’application' })).toBeChecked();
  await expectAccessible(brunoPage, 'notification preferences');
  await screenshot(brunoPage, '/tmp/participation-notification-preferences.png');
  await replies.getByRole('radio', { name: 'Désactivé' }).check();
  await brunoPage.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
  await expect(brunoPage.getByRole('status').filter({ hasText: 'Vos préférences de notification sont enregistrées.' })).toBeVisible();
  await expectAccessible(brunoPage, 'notification preferences: saved');
  await brunoPage.reload();
  await expect(
    brunoPage.getByRole('group', { name: 'Réponses à vos commentaires' }).getByRole('radio', { name: 'Désactivé' }),
  ).toBeChecked();
  const hidden = brunoPage.getByRole('group', { name: 'Contributions masquées' });
  await expect(hidden.getByRole('radio', { name: 'E-mail et dans l’application' })).toBeChecked();

  // The e-mail about the hidden comment offers a one-click unsubscribe (header and link).
  const mail = await waitForMessage(mailDir, bruno.email, new RegExp(`Motif : ${reason}`));
  expect(mail.headers.get('list-unsubscribe')).toMatch(/^<https?:\/\/[^>]+\/api\/v1\/notifications\/unsubscribe\?token=[^>]+>$/);
  expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  const link = /https?:\/\/\S+\/unsubscribe#token=\S+/.exec(mail.text)?.[0];
  expect(link).toBeTruthy();

  // Opened from the mailbox, without a session: nothing happens before the button is pressed.
  const mailbox = await browser.newContext();
  const visitor = await mailbox.newPage();
  watchCsp(visitor);
  const url = new URL(link!);
  await visitor.goto(`${url.pathname}${url.hash}`);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Se désabonner des e-mails' })).toBeVisible();
  await expect(visitor).toHaveURL(/\/unsubscribe$/); // the token left the address bar
  await expectAccessible(visitor, 'unsubscribe page');
  await visitor.getByRole('button', { name: 'Me désabonner' }).click();
  await expect(visitor.getByRole('status')).toContainText('Vous ne recevrez plus d’e-mails pour : contributions masquées.');
  await expect(visitor.getByRole('link', { name: 'Gérer toutes mes notifications' })).toHaveAttribute('href', '/fr/notifications/settings');
  await expectAccessible(visitor, 'unsubscribe: done');

  // A forged or stale link is refused (opened from the mailbox: a new tab).
  const forged = await mailbox.newPage();
  watchCsp(forged);
  await forged.goto('/unsubscribe#token=not-a-real-token');
  await forged.getByRole('button', { name: 'Me désabonner' }).click();
  await expect(forged.getByRole('alert')).toContainText('Ce lien n’est plus valable');
  await expectAccessible(forged, 'unsubscribe: invalid link');
  await mailbox.close();

  // Bruno's preferences show the e-mails of that category stopped, in-app notifications kept.
  await brunoPage.reload();
  await expect(
    brunoPage.getByRole('group', { name: 'Contributions masquées' }).getByRole('radio', { name: 'Dans l’application seulement' }),
  ).toBeChecked();
});

test('a moderator approves one idea awaiting pre-moderation and rejects another with a reason; the author reads both', async ({
  page,
  request,
  browser,
}) => {
  const tag = stamp();
  const title = `Place du Marché ${tag}`;
  const approved = `Un marché bio ${tag}`;
  const rejected = `Un parking géant ${tag}`;
  const reason = `Contraire au plan de mobilité ${tag}`;
  const projectId = await projectWithIdeas(request, title, true);
  const chloe = await resident(request, 'Chloé', tag);
  await postIdea(request, chloe.token, projectId, approved);
  await postIdea(request, chloe.token, projectId, rejected);

  await logIn(page, admin.email, admin.password, `/admin/projects/${projectId}/moderation`);
  await expect(page.getByRole('heading', { level: 1, name: `Modération : ${title}` })).toBeVisible();
  const first = page.getByRole('article').filter({ hasText: approved });
  const second = page.getByRole('article').filter({ hasText: rejected });
  await expect(first).toContainText('En attente de pré-modération');
  await expect(first).toContainText(`Par ${chloe.name}`);
  await expect(second).toContainText('En attente de pré-modération');
  // Oldest first.
  await expect(page.getByRole('article').first()).toContainText(approved);
  await expectAccessible(page, 'moderation queue (pre-moderation)');

  await first.getByRole('button', { name: `Approuver : idée « ${approved} »` }).click();
  await expect(page.getByRole('status').filter({ hasText: `L’idée « ${approved} » est approuvée et publiée.` })).toBeVisible();
  await expect(first).toHaveCount(0);

  await second.getByRole('button', { name: `Refuser : idée « ${rejected} »` }).click();
  const dialog = page.getByRole('dialog', { name: 'Refuser cette idée' });
  await dialog.getByLabel('Motif').fill(reason);
  await expectAccessible(page, 'reject dialog');
  await dialog.getByRole('button', { name: 'Refuser l’idée' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `L’idée « ${rejected} » est refusée ; son auteur en est informé.` }),
  ).toBeVisible();
  await expect(page.getByText('Rien à modérer pour le moment.')).toBeVisible();

  // Chloé reads both decisions; the rejection quotes the reason.
  const context = await browser.newContext();
  const chloePage = await context.newPage();
  watchCsp(chloePage);
  await logIn(chloePage, chloe.email, password);
  await chloePage.getByRole('button', { name: 'Notifications, 2 non lues' }).click();
  await chloePage
    .getByRole('region', { name: 'Dernières notifications' })
    .getByRole('link', { name: 'Voir toutes les notifications' })
    .click();
  await expect(chloePage.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(chloePage.getByRole('listitem').filter({ hasText: approved })).toContainText(
    `Votre idée « ${approved} » a été approuvée : elle est maintenant publique.`,
  );
  const refusal = chloePage.getByRole('listitem').filter({ hasText: rejected });
  await expect(refusal).toContainText(`Votre idée « ${rejected} » est maintenant refusée.`);
  await expect(refusal).toContainText(reason);
  await expectAccessible(chloePage, 'notifications page (decisions)');
  await chloePage.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await expect(chloePage.getByRole('status').filter({ hasText: 'Toutes vos notifications sont marquées comme lues.' })).toBeVisible();
  await expect(chloePage.getByRole('button', { name: 'Notifications, aucune non lue' })).toBeVisible();
  await context.close();
});

import { expect, test, type APIRequestContext } from '@playwright/test';
import { admin } from './support/admin';
import { adminToken, bearer, dayUtc, password, registerConfirmed, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, newPage, tabTo, screenshot } from './support/pages';
import { tag, unique } from './support/text';

const watchCsp = failOnCspViolations();

/** A published project whose current phase collects ideas on a map (confirmed e-mail needed to take part). */
async function ideationProject(request: APIRequestContext) {
  const auth = bearer(await adminToken(request));
  const department = await request.post('/api/v1/departments', { data: { name: { fr: unique('Mobilité') } }, headers: auth });
  expect(department.status()).toBe(201);
  const departmentId = ((await department.json()) as { id: string }).id;
  const title = unique('Le quartier de demain');
  const project = await request.post('/api/v1/projects', {
    data: { departmentId, title: { fr: title } },
    headers: auth,
  });
  expect(project.status()).toBe(201);
  const projectId = ((await project.json()) as { id: string }).id;
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    headers: auth,
    data: {
      title: { fr: 'Vos idées' },
      startsAt: dayUtc(-3),
      endsAt: dayUtc(14),
      method: 'ideation',
      settings: {
        permissions: { postIdea: 'confirmed_email', comment: 'confirmed_email', react: 'confirmed_email' },
        map: true,
        dislikes: true,
      },
    },
  });
  expect(phase.status()).toBe(201);
  const published = await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth });
  expect(published.ok()).toBe(true);
  return { projectId, title };
}

/** A resident with a confirmed address (the link comes by e-mail, as in real life). */
async function resident(request: APIRequestContext, firstName: string) {
  const email = `e2e-ideas-${firstName.toLowerCase()}-${tag()}@example.test`;
  const lastName = `Habitant${tag()}`;
  await registerConfirmed(request, { email, firstName, lastName });
  return { email, name: `${firstName} ${lastName}` };
}

/** An idea posted through the API by `author` (with a point on the map, as the phase asks); returns its id and page. */
async function postIdea(request: APIRequestContext, projectId: string, author: { email: string }, title: string) {
  const posted = await request.post(`/api/v1/projects/${projectId}/ideas`, {
    headers: bearer(await tokenFor(request, author.email, password)),
    data: {
      title,
      body: '<p>Il fait trop chaud l’été sur la place.</p>',
      latitude: 50.8466,
      longitude: 4.3528,
      locationLabel: 'Place du marché',
    },
  });
  expect(posted.status()).toBe(201);
  const ideaId = ((await posted.json()) as { id: string }).id;
  return { ideaId, ideaUrl: `/projects/${projectId}/ideas/${ideaId}` };
}

// One journey (a resident posts, another likes and comments, the city answers, everyone reads it), told as four
// tests that each set up what came before through the API.

test('a resident posts an idea on the map: refused beside the missing fields, then published with its place', async ({ page, request }) => {
  const { projectId, title: projectTitle } = await ideationProject(request);
  const alice = await resident(request, 'Alice');
  const ideaTitle = unique('Des bancs à l’ombre place du marché');

  // Alice finds the ideas section on the project page and is invited to propose one.
  await logIn(page, alice.email, password, `/projects/${projectId}`);
  await expect(page.getByRole('heading', { level: 1, name: projectTitle })).toBeVisible();
  const ideas = page.getByRole('region', { name: 'Idées', exact: true });
  await expect(ideas.getByText('Aucune idée pour le moment.')).toBeVisible();
  await expectAccessible(page, 'project page with its ideas section (resident)');
  await ideas.getByRole('link', { name: 'Proposer une idée' }).click();

  // The form: nothing filled in is refused beside the fields (the phase asks for a location).
  await expect(page.getByRole('heading', { level: 1, name: 'Proposer une idée' })).toBeFocused();
  await expect(page.getByText(`Votre idée pour le projet « ${projectTitle} ».`)).toBeVisible();
  await page.getByRole('button', { name: 'Publier mon idée' }).click();
  await expect(page.getByLabel('Titre')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Latitude')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('group', { name: 'Emplacement de l’idée' })).toContainText(
    'Cette phase demande un emplacement sur la carte.',
  );
  await expectAccessible(page, 'post an idea: missing fields');

  await page.getByLabel('Titre').fill(ideaTitle);
  await page.getByLabel('Description').fill('Il fait trop chaud l’été sur la place.\n\nDes bancs sous les arbres, près de la <fontaine>.');
  // The map's keyboard path: type the coordinates.
  await page.getByLabel('Latitude').fill('50.8466');
  await page.getByLabel('Longitude').fill('4.3528');
  await page.getByLabel('Adresse ou lieu (facultatif)').fill('Place du marché');
  await expectAccessible(page, 'post an idea: filled in');
  await screenshot(page, '/tmp/participation-idea-form.png');
  await page.getByRole('button', { name: 'Publier mon idée' }).click();

  // Her idea's page.
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible();
  await expect(page).toHaveURL(/\/projects\/[a-z0-9-]+\/ideas\/[a-z0-9-]+$/); // slugs, not ids
  await expect(page.getByRole('status').filter({ hasText: 'Votre idée a été publiée.' })).toBeVisible();
  await expect(page.locator('.idea__body p')).toHaveCount(2);
  await expect(page.locator('.idea__body')).toContainText('près de la <fontaine>.');
  const where = page.getByRole('region', { name: 'Emplacement', exact: true });
  await expect(where).toContainText('Place du marché'); // its address, not its coordinates
  await expect(where).not.toContainText('Latitude');
  await expect(where.getByRole('region', { name: 'Emplacement de l’idée sur la carte : Place du marché' })).toBeVisible();
  const mine = page.getByRole('region', { name: 'Participer' });
  await expect(mine.getByRole('link', { name: 'Modifier mon idée' })).toBeVisible();
  await expect(mine.getByText('Vous ne pouvez pas signaler votre propre idée.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Modération' })).toHaveCount(0);
  await expectAccessible(page, 'idea page (its author)');
});

test('another resident finds the idea in the list and on the map, likes it with the keyboard, follows it and comments', async ({
  page,
  request,
}) => {
  const { projectId } = await ideationProject(request);
  const [alice, bruno] = await Promise.all([resident(request, 'Alice'), resident(request, 'Bruno')]);
  const ideaTitle = unique('Des bancs à l’ombre place du marché');
  await postIdea(request, projectId, alice, ideaTitle);

  // Bruno finds it in the list, on the map too; the list stays usable without a base map.
  await logIn(page, bruno.email, password, `/projects/${projectId}`);
  const list = page.getByRole('region', { name: 'Idées', exact: true });
  const card = list.getByRole('article', { name: ideaTitle });
  await expect(card).toContainText('Proposée');
  await expect(card).toContainText(`Par ${alice.name}`);
  await expect(card).toContainText('0 j’aime');
  await list.getByRole('button', { name: 'Carte' }).click();
  await expect(list.getByRole('button', { name: 'Carte' })).toHaveAttribute('aria-pressed', 'true');
  await expect(list.getByRole('region', { name: 'Carte des idées' }).getByRole('button', { name: ideaTitle })).toBeVisible();
  await expect(list.getByRole('list', { name: 'Idées dans la zone de la carte' }).getByRole('article', { name: ideaTitle })).toBeVisible();
  await expectAccessible(page, 'project ideas: map view');
  await screenshot(page, '/tmp/participation-ideas-map.png');
  await list.getByRole('button', { name: 'Liste' }).click();
  await list.getByRole('article', { name: ideaTitle }).getByRole('link', { name: ideaTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeFocused();
  await expectAccessible(page, 'idea page (resident)');

  // He likes it with the keyboard alone.
  const likeButton = page.getByRole('button', { name: /^J’aime/ });
  await expect(likeButton).toHaveAttribute('aria-pressed', 'false');
  await tabTo(page, likeButton, 80);
  await page.keyboard.press('Enter');
  await expect(likeButton).toHaveAttribute('aria-pressed', 'true');
  await expect(likeButton).toHaveAccessibleName('J’aime 1');
  // He follows it, then comments.
  await page.getByRole('button', { name: 'Suivre cette idée' }).click();
  await expect(page.getByRole('button', { name: 'Suivre cette idée' })).toHaveAttribute('aria-pressed', 'true');
  const comments = page.getByRole('region', { name: /^Commentaires/ });
  await comments.getByLabel('Votre commentaire').fill('Bonne idée !\nEt une fontaine à boire ?');
  await comments.getByRole('button', { name: 'Publier le commentaire' }).click();
  await expect(comments.getByRole('status')).toHaveText('Votre commentaire a été publié.');
  await expect(comments.getByRole('heading', { name: 'Commentaires (1)' })).toBeVisible();
  await expect(comments.getByRole('article', { name: bruno.name })).toContainText('Et une fontaine à boire ?');
  await expectAccessible(page, 'idea page: liked and commented');
});

test('the city accepts an idea with official feedback signed by a service', async ({ page, request }) => {
  const { projectId } = await ideationProject(request);
  const alice = await resident(request, 'Alice');
  const ideaTitle = unique('Des bancs à l’ombre place du marché');
  const { ideaUrl } = await postIdea(request, projectId, alice, ideaTitle);

  // The admin (staff of every project) accepts the idea with official feedback signed by a service.
  const cityPage = page;
  await logIn(cityPage, admin.email, admin.password, ideaUrl);
  const moderation = cityPage.getByRole('region', { name: 'Modération' });
  await expect(moderation).toBeVisible();
  await expect(cityPage.getByRole('region', { name: 'Notes internes' })).toBeVisible();
  await expectAccessible(cityPage, 'idea page (staff)');
  await moderation.getByLabel('Statut', { exact: true }).selectOption({ label: 'Acceptée' });
  await moderation
    .getByRole('textbox', { name: 'Réponse officielle (facultatif)' })
    .fill('Merci ! Dix bancs seront installés au printemps.');
  await moderation.getByLabel('Signé par').fill('Service Mobilité');
  await moderation.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(cityPage.getByRole('status').filter({ hasText: 'Enregistré : l’idée est « Acceptée ».' })).toBeVisible();
  const history = cityPage.getByRole('region', { name: 'Suivi de l’idée' });
  await expect(history).toContainText('Proposée → Acceptée');
  await expect(history.getByText('Réponse officielle de Service Mobilité')).toBeVisible();
  await expect(history).toContainText('Dix bancs seront installés au printemps.');
  await expectAccessible(cityPage, 'idea page: accepted with feedback (staff)');
  await screenshot(cityPage, '/tmp/participation-idea-page-staff.png');
  await cityPage.setViewportSize({ width: 375, height: 740 });
  await expectAccessible(cityPage, 'idea page (staff, mobile)');
  await screenshot(cityPage, '/tmp/participation-idea-page-mobile.png');
});

test('the author of an accepted idea reads the official answer, can no longer edit it, and is notified of the answer and a comment', async ({
  page,
  request,
}) => {
  const { projectId } = await ideationProject(request);
  const [alice, bruno] = await Promise.all([resident(request, 'Alice'), resident(request, 'Bruno')]);
  const ideaTitle = unique('Des bancs à l’ombre place du marché');
  const { ideaId, ideaUrl } = await postIdea(request, projectId, alice, ideaTitle);
  const commented = await request.post(`/api/v1/ideas/${ideaId}/comments`, {
    headers: bearer(await tokenFor(request, bruno.email, password)),
    data: { body: 'Bonne idée ! Et une fontaine à boire ?' },
  });
  expect(commented.status()).toBe(201);
  const accepted = await request.post(`/api/v1/ideas/${ideaId}/status`, {
    headers: bearer(await adminToken(request)),
    data: { status: 'accepted', feedback: 'Merci ! Dix bancs seront installés au printemps.', signedAs: 'Service Mobilité' },
  });
  expect(accepted.ok(), await accepted.text()).toBe(true);

  // Alice sees the answer on her idea's page, where editing is now closed, and is notified.
  await logIn(page, alice.email, password, ideaUrl);
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible();
  await expect(page.locator('.idea__meta')).toContainText('Acceptée');
  await expect(page.getByRole('region', { name: 'Suivi de l’idée' }).getByText('Réponse officielle de Service Mobilité')).toBeVisible();
  await expect(page.getByText('Modifier mon idée :')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Modifier mon idée' })).toHaveCount(0);
  await expectAccessible(page, 'idea page: accepted (its author)');
  // Alice finds both events on her notifications page: the official answer and Bruno's comment.
  await page.goto('/notifications');
  const answer = page.getByRole('listitem').filter({ hasText: `Votre idée « ${ideaTitle} » est maintenant acceptée` });
  await expect(answer).toBeVisible();
  await expect(answer).toContainText('Service Mobilité');
  await expect(page.getByRole('listitem').filter({ hasText: ideaTitle }).filter({ hasText: 'a commenté' })).toBeVisible();
  await expectAccessible(page, 'notifications page (the idea’s author)');
});

test('an anonymous visitor reads an idea and is asked once to log in (each disabled action says why)', async ({ page, request }) => {
  const { projectId } = await ideationProject(request);
  const [alice, bruno] = await Promise.all([resident(request, 'Alice'), resident(request, 'Bruno')]);
  const ideaTitle = unique('Des bancs à l’ombre place du marché');
  const { ideaId, ideaUrl } = await postIdea(request, projectId, alice, ideaTitle);
  const liked = await request.put(`/api/v1/ideas/${ideaId}/reaction`, {
    headers: bearer(await tokenFor(request, bruno.email, password)),
    data: { kind: 'like' },
  });
  expect(liked.ok()).toBe(true);

  await page.goto(ideaUrl);
  await expect(page.getByRole('heading', { level: 1, name: ideaTitle })).toBeVisible();
  const visitorActions = page.getByRole('region', { name: 'Participer' });
  await expect(visitorActions.getByRole('button', { name: 'J’aime 1' })).toBeDisabled();
  // One prompt to sign in for the page (with the ways to do so), not one per action; each disabled button says why.
  await expect(page.getByRole('main').getByText('Connectez-vous pour participer.').filter({ visible: true })).toHaveCount(1);
  await expect(visitorActions.getByRole('link', { name: 'Se connecter' })).toHaveAttribute('href', '/fr/login');
  await expect(visitorActions.getByRole('button', { name: 'J’aime 1' })).toHaveAccessibleDescription(/Connectez-vous pour participer/);
  await expectAccessible(page, 'idea page (anonymous)');
});

test('an idea is edited by its author, a moderator hides and shows it again with a reason', async ({ page, browser, request }) => {
  const { projectId } = await ideationProject(request);
  const carla = await resident(request, 'Carla');
  const ideaTitle = unique('Un potager partagé');
  const carlaAuth = bearer(await tokenFor(request, carla.email, password));
  const posted = await request.post(`/api/v1/projects/${projectId}/ideas`, {
    headers: carlaAuth,
    data: { title: ideaTitle, body: '<p>Dans le parc.</p>', latitude: 50.85, longitude: 4.35 },
  });
  expect(posted.status()).toBe(201);
  const ideaId = ((await posted.json()) as { id: string }).id;

  // The author rewrites it; the form starts from the text as it is.
  await logIn(page, carla.email, password, `/projects/${projectId}/ideas/${ideaId}`);
  await page.getByRole('link', { name: 'Modifier mon idée' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier mon idée' })).toBeVisible();
  await expect(page.getByLabel('Description')).toHaveValue('Dans le parc.');
  await expect(page.getByLabel('Latitude')).toHaveValue('50.85');
  await page.getByLabel('Titre').fill('Un');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByLabel('Titre')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'edit an idea: title too short');
  await page.getByLabel('Titre').fill(`${ideaTitle} (bio)`);
  await page.getByLabel('Description').fill('Dans le parc, près des ruches.');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${ideaTitle} (bio)` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Vos modifications ont été enregistrées.' })).toBeVisible();
  await expect(page.locator('.idea__meta')).toContainText('modifiée le');

  // A moderator hides it with a reason; the author reads the reason on the page.
  const cityPage = await newPage(browser, watchCsp);
  await logIn(cityPage, admin.email, admin.password, `/projects/${projectId}/ideas/${ideaId}`);
  const moderation = cityPage.getByRole('region', { name: 'Modération' });
  await moderation.getByRole('button', { name: 'Masquer l’idée' }).click();
  await expect(moderation.getByLabel('Motif du masquage')).toHaveAttribute('aria-invalid', 'true');
  await moderation.getByLabel('Motif du masquage').fill('Doublon d’une idée existante.');
  await moderation.getByRole('button', { name: 'Masquer l’idée' }).click();
  await expect(cityPage.getByRole('status').filter({ hasText: 'L’idée est masquée.' })).toBeVisible();
  await expect(cityPage.getByText('Cette idée est masquée par la modération.')).toBeVisible();
  await expectAccessible(cityPage, 'idea page: hidden (staff)');

  await page.reload();
  await expect(page.getByText('Cette idée est masquée par la modération.')).toBeVisible();
  await expect(page.getByText('Motif : Doublon d’une idée existante.')).toBeVisible();
  await expect(page.getByText('Modifier mon idée :')).toBeVisible();
  await expectAccessible(page, 'idea page: hidden (its author)');

  await moderation.getByRole('button', { name: 'Afficher à nouveau' }).click();
  await expect(cityPage.getByRole('status').filter({ hasText: 'L’idée est de nouveau visible.' })).toBeVisible();
  await expect(cityPage.getByText('Cette idée est masquée par la modération.')).toHaveCount(0);
  await cityPage.context().close();
});

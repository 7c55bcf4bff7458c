import { expect, test, type APIRequestContext, type Locator } from '@playwright/test';
import { admin } from './support/admin';
import { adminToken, bearer, dayUtc, password, registerConfirmed, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, newPage, tabTo, screenshot } from './support/pages';
import { escape, tag, unique, words } from './support/text';

const watchCsp = failOnCspViolations();

/** The one button of a card about this idea, whatever it says now (its words change when it is pressed). */
const buttonAbout = (scope: Locator, title: string) => scope.getByRole('button', { name: new RegExp(`« ${escape(title)} »`) });

type Headers = { Authorization: string };

/**
 * A published project whose ideas were collected in an ideation phase that is now over (the ideas are posted
 * while it runs, then its end is moved into the past), followed by a running phase of `method`.
 */
async function projectAfterIdeas(
  request: APIRequestContext,
  auth: Headers,
  departmentId: string,
  ideaTitles: string[],
  next: { title: string; method: 'voting' | 'budgeting'; settings: Record<string, unknown> },
) {
  const title = unique(next.method === 'voting' ? 'Embellir la place' : 'Budget participatif du quartier');
  const project = await request.post('/api/v1/projects', {
    data: { departmentId, title: { fr: title } },
    headers: auth,
  });
  expect(project.status()).toBe(201);
  const projectId = ((await project.json()) as { id: string }).id;
  const ideation = {
    title: { fr: 'Vos idées' },
    method: 'ideation',
    startsAt: dayUtc(-10),
    settings: { permissions: { postIdea: 'registered', comment: 'confirmed_email', react: 'confirmed_email' } },
  };
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, { headers: auth, data: { ...ideation, endsAt: dayUtc(14) } });
  expect(phase.status()).toBe(201);
  const ideationId = ((await phase.json()) as { id: string }).id;
  const published = await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth });
  expect(published.ok()).toBe(true);

  const ideaIds: Record<string, string> = {};
  for (const ideaTitle of ideaTitles) {
    const posted = await request.post(`/api/v1/projects/${projectId}/ideas`, {
      headers: auth,
      data: { title: ideaTitle, body: `<p>${ideaTitle}, pour tout le quartier.</p>` },
    });
    expect(posted.status()).toBe(201);
    ideaIds[ideaTitle] = ((await posted.json()) as { id: string }).id;
  }

  // The ideas phase is over (phases may not overlap: a day's gap before the next one).
  const ended = await request.put(`/api/v1/projects/${projectId}/phases/${ideationId}`, {
    headers: auth,
    data: { ...ideation, endsAt: dayUtc(-2) },
  });
  expect(ended.ok(), await ended.text()).toBe(true);
  const current = await request.post(`/api/v1/projects/${projectId}/phases`, {
    headers: auth,
    data: { title: { fr: next.title }, method: next.method, startsAt: dayUtc(-1), endsAt: dayUtc(14), settings: next.settings },
  });
  expect(current.status(), await current.text()).toBe(201);
  const phaseId = ((await current.json()) as { id: string }).id;
  return { projectId, title, phaseId, ideaIds };
}

/** A resident with a confirmed address (the link comes by e-mail, as in real life). */
async function resident(request: APIRequestContext, firstName: string) {
  const email = `e2e-votes-${firstName.toLowerCase()}-${tag()}@example.test`;
  await registerConfirmed(request, { email, firstName, lastName: `Habitant${tag()}` });
  return { email };
}

/** A department, a budget project (costs on three of its four ideas) and a vote project, all through the API. */
async function budgetAndVote(request: APIRequestContext) {
  const auth = bearer(await adminToken(request));
  const department = await request.post('/api/v1/departments', { data: { name: { fr: unique('Quartiers') } }, headers: auth });
  expect(department.status()).toBe(201);
  const departmentId = ((await department.json()) as { id: string }).id;

  const [benches, garden, fountain, kiosk] = ['Des bancs', 'Un potager', 'Une fontaine', 'Un kiosque'].map(unique);
  const budget = await projectAfterIdeas(request, auth, departmentId, [benches, garden, fountain, kiosk], {
    title: 'Budget participatif',
    method: 'budgeting',
    settings: {
      permissions: { vote: 'confirmed_email', comment: 'confirmed_email' },
      budgetAmount: 1000,
      budgetCurrency: 'EUR',
      minimumIdeas: 2,
    },
  });
  for (const [ideaTitle, cost] of [
    [benches, 400],
    [garden, 300],
    [fountain, 700],
  ] as const) {
    const set = await request.put(`/api/v1/ideas/${budget.ideaIds[ideaTitle]}/cost`, { headers: auth, data: { cost } });
    expect(set.ok(), await set.text()).toBe(true);
  }
  const [trees, lights, library] = ['Des arbres', 'Un éclairage', 'Une boîte à livres'].map(unique);
  const vote = await projectAfterIdeas(request, auth, departmentId, [trees, lights, library], {
    title: 'Vote des habitants',
    method: 'voting',
    settings: { permissions: { vote: 'confirmed_email', comment: 'confirmed_email' }, votesPerUser: 2 },
  });
  return { budget, vote, benches, garden, fountain, kiosk, trees, lights, library };
}

/** What the residents did in the first two tests, through the API: Alice's basket (garden and benches) sent, Bruno's one vote (lights). */
async function basketAndVote(
  request: APIRequestContext,
  s: Awaited<ReturnType<typeof budgetAndVote>>,
  alice: { email: string },
  bruno: { email: string },
) {
  const aliceAuth = bearer(await tokenFor(request, alice.email, password));
  for (const idea of [s.garden, s.benches]) {
    const added = await request.put(`/api/v1/projects/${s.budget.projectId}/basket/ideas/${s.budget.ideaIds[idea]}`, {
      headers: aliceAuth,
    });
    expect(added.ok(), await added.text()).toBe(true);
  }
  const sent = await request.post(`/api/v1/projects/${s.budget.projectId}/basket/submit`, { headers: aliceAuth });
  expect(sent.ok(), await sent.text()).toBe(true);
  const voted = await request.put(`/api/v1/ideas/${s.vote.ideaIds[s.lights]}/vote`, {
    headers: bearer(await tokenFor(request, bruno.email, password)),
  });
  expect(voted.ok(), await voted.text()).toBe(true);
}

// One story (residents fill a basket and vote, the city reads the results and sets costs), told as four tests that
// each set up what came before through the API.

test('a resident fills a participatory budget basket with the keyboard, is refused below the minimum, sends it, reopens and changes it', async ({
  page,
  request,
}) => {
  const { budget, benches, garden, fountain, kiosk } = await budgetAndVote(request);
  const alice = await resident(request, 'Alice');

  // ---- Alice fills a basket.
  await logIn(page, alice.email, password, `/projects/${budget.projectId}`);
  await expect(page.getByRole('heading', { level: 1, name: budget.title })).toBeVisible();
  const basket = page.getByRole('region', { name: 'Mon panier' });
  const total = basket.locator('#basket-total');
  await expect(basket).toContainText(words('Budget : 1 000 €'));
  await expect(basket).toContainText('Choisissez au moins 2 idées.');
  await expect(total).toHaveText(words('Total : 0 € sur 1 000 € — reste 1 000 €'));
  await expect(basket).toContainText('Votre panier est vide');
  const ideas = page.getByRole('region', { name: 'Idées', exact: true });
  const card = (title: string) => ideas.getByRole('article', { name: title });
  await expect(card(benches)).toContainText(words('Coût : 400 €'));
  const kioskButton = card(kiosk).getByRole('button', { name: `Ajouter au panier « ${kiosk} »` });
  await expect(kioskButton).toBeDisabled();
  await expect(kioskButton).toHaveAccessibleDescription('Coût non défini');
  await expectAccessible(page, 'project page: participatory budget, empty basket');

  // The fountain goes in with the keyboard alone.
  const addFountain = buttonAbout(card(fountain), fountain);
  await expect(addFountain).toHaveAccessibleName(`Ajouter au panier « ${fountain} »`);
  await tabTo(page, addFountain, 150);
  await page.keyboard.press('Enter');
  await expect(total).toHaveText(words('Total : 700 € sur 1 000 € — reste 300 €'));
  await expect(addFountain).toHaveAccessibleName(`Retirer « ${fountain} » de mon panier`);
  await expect(addFountain).toBeFocused();
  await expect(card(fountain)).toContainText('Dans votre panier');
  const addBenches = card(benches).getByRole('button', { name: `Ajouter au panier « ${benches} »` });
  await expect(addBenches).toBeDisabled();
  await expect(addBenches).toHaveAccessibleDescription('Dépasse le budget restant');
  await expect(basket.locator('meter')).toHaveAttribute('value', '700');

  // One idea is not enough: the API's refusal shows in an alert.
  await basket.getByRole('button', { name: 'Envoyer mon panier' }).click();
  await expect(basket.getByRole('alert')).toContainText('Choisissez au moins 2 idées avant d');
  await expectAccessible(page, 'basket: refused (minimum number of ideas)');

  await card(garden)
    .getByRole('button', { name: `Ajouter au panier « ${garden} »` })
    .click();
  await expect(total).toHaveText(words('Total : 1 000 € sur 1 000 € — reste 0 €'));
  await expect(basket.getByRole('list', { name: 'Idées dans mon panier (2)' })).toContainText(garden);
  const sendButton = basket.getByRole('button', { name: 'Envoyer mon panier' });
  await sendButton.click();
  await expect(basket.getByRole('status').filter({ hasText: 'Panier envoyé le' })).toBeVisible();
  await expect(basket).toContainText('Il compte dans les résultats.');
  await expect(basket.getByRole('button', { name: 'Rouvrir mon panier' })).toBeFocused();
  await expect(card(garden).getByRole('button', { name: `Retirer « ${garden} » de mon panier` })).toHaveAccessibleDescription(
    'Votre panier est envoyé : rouvrez-le pour le modifier.',
  );
  await expectAccessible(page, 'basket: submitted');
  await screenshot(page, '/tmp/participation-basket-submitted.png');

  // She reopens it, takes the fountain out, puts the benches in and sends it again.
  await basket.getByRole('button', { name: 'Rouvrir mon panier' }).click();
  await expect(basket.getByRole('status').filter({ hasText: 'Votre panier est rouvert' })).toBeVisible();
  await basket.getByRole('button', { name: `Retirer « ${fountain} » de mon panier` }).click();
  await expect(total).toHaveText(words('Total : 300 € sur 1 000 € — reste 700 €'));
  await expect(basket.getByRole('heading', { name: 'Mon panier' })).toBeFocused();
  await expect(basket.getByRole('list', { name: 'Idées dans mon panier (1)' })).not.toContainText(fountain);
  await addBenches.click();
  await expect(total).toHaveText(words('Total : 700 € sur 1 000 € — reste 300 €'));
  await basket.getByRole('button', { name: 'Envoyer mon panier' }).click();
  await expect(basket.getByRole('button', { name: 'Rouvrir mon panier' })).toBeVisible();
  await expect(basket).toContainText('Panier envoyé le');
  await expectAccessible(page, 'basket: submitted again');
  // On a phone the basket comes first, above the ideas.
  await page.setViewportSize({ width: 375, height: 740 });
  await expectAccessible(page, 'basket: submitted again (mobile)');
  await screenshot(page, '/tmp/participation-basket-mobile.png', false);
  await page.setViewportSize({ width: 1280, height: 720 });
  // Residents do not read the results before they are published.
  await expect(page.getByRole('link', { name: /Voir les résultats/ })).toHaveCount(0);
});

test('a resident votes with the keyboard until no vote is left, then takes one back', async ({ page, request }) => {
  const { vote, trees, lights, library } = await budgetAndVote(request);
  const bruno = await resident(request, 'Bruno');
  const brunoPage = page;

  // ---- Bruno votes until he has no vote left, then takes one back.
  await logIn(brunoPage, bruno.email, password, `/projects/${vote.projectId}`);
  await expect(brunoPage.getByRole('heading', { level: 1, name: vote.title })).toBeVisible();
  const votes = brunoPage.getByRole('region', { name: 'Vos votes' });
  const counter = votes.getByRole('status');
  await expect(counter).toHaveText('Il vous reste 2 votes sur 2');
  const voteIdeas = brunoPage.getByRole('region', { name: 'Idées', exact: true });
  const voteCard = (title: string) => voteIdeas.getByRole('article', { name: title });
  await expectAccessible(brunoPage, 'project page: vote, nothing voted yet');

  // The first vote with the keyboard alone.
  const voteTrees = buttonAbout(voteCard(trees), trees);
  await expect(voteTrees).toHaveAccessibleName(`Voter pour « ${trees} »`);
  await expect(voteTrees).toHaveAttribute('aria-pressed', 'false');
  await tabTo(brunoPage, voteTrees, 150);
  await brunoPage.keyboard.press('Space');
  await expect(voteTrees).toHaveAttribute('aria-pressed', 'true');
  await expect(voteTrees).toHaveAccessibleName(`Retirer mon vote pour « ${trees} »`);
  await expect(voteTrees).toBeFocused();
  await expect(counter).toHaveText('Il vous reste 1 vote sur 2');

  await voteCard(lights)
    .getByRole('button', { name: `Voter pour « ${lights} »` })
    .click();
  await expect(counter).toHaveText('Il vous reste 0 vote sur 2');
  await expect(votes).toContainText('Vous avez utilisé tous vos votes. Retirez-en un pour voter pour une autre idée.');
  const voteLibrary = voteCard(library).getByRole('button', { name: `Voter pour « ${library} »` });
  await expect(voteLibrary).toBeDisabled();
  await expect(voteLibrary).toHaveAccessibleDescription('Vous avez utilisé tous vos votes.');
  await expect(voteCard(library)).toContainText('Vous avez utilisé tous vos votes.');
  await expect(brunoPage.getByRole('region', { name: 'Que puis-je faire maintenant ?' })).toContainText(
    'Vous avez atteint la limite prévue pour cette phase.',
  );
  await expectAccessible(brunoPage, 'project page: vote, no vote left');
  await screenshot(brunoPage, '/tmp/participation-votes-none-left.png');

  await voteTrees.click();
  await expect(counter).toHaveText('Il vous reste 1 vote sur 2');
  await expect(voteTrees).toHaveAttribute('aria-pressed', 'false');
  await expect(voteLibrary).toBeEnabled();
  await expect(voteCard(library)).not.toContainText('Vous avez utilisé tous vos votes.');
  await expectAccessible(brunoPage, 'project page: vote withdrawn');
});

test('the city reads the vote and budget results from the timeline; a resident is told when, then reads them once published', async ({
  page,
  browser,
  request,
}) => {
  const s = await budgetAndVote(request);
  const { budget, vote, benches, garden, lights } = s;
  const [alice, bruno] = await Promise.all([resident(request, 'Alice'), resident(request, 'Bruno')]);
  await basketAndVote(request, s, alice, bruno);
  const cityPage = page;
  const brunoPage = await newPage(browser, watchCsp);
  await logIn(brunoPage, bruno.email, password, `/projects/${vote.projectId}`);

  // ---- The city: results of both phases, linked from the timeline.
  await logIn(cityPage, admin.email, admin.password, `/projects/${vote.projectId}`);
  await expect(cityPage.getByRole('region', { name: 'Vos votes' }).getByRole('link', { name: 'Voir les résultats du vote' })).toBeVisible();
  await expectAccessible(cityPage, 'project page: vote (staff)');
  await cityPage
    .getByRole('region', { name: 'Calendrier' })
    .getByRole('link', { name: 'Voir les résultats de « Vote des habitants »' })
    .click();
  await expect(cityPage.getByRole('heading', { level: 1, name: 'Résultats : Vote des habitants' })).toBeFocused();
  await expect(cityPage.getByText('Ces résultats ne sont pas encore publics : seule l’équipe du projet les voit.')).toBeVisible();
  await expect(cityPage.getByText('Le vote est encore ouvert : ces résultats sont provisoires.')).toBeVisible();
  await expect(cityPage.getByText('1 personne a voté, 1 vote au total.')).toBeVisible();
  const voteTable = cityPage.getByRole('table', { name: 'Votes par idée, de la plus soutenue à la moins soutenue' });
  await expect(voteTable.getByRole('row')).toHaveCount(2);
  await expect(voteTable.getByRole('row').nth(1)).toContainText(lights);
  await expect(voteTable.getByRole('row').nth(1)).toContainText(words('100 %'));
  await expect(cityPage.getByRole('img', { name: `Graphique des votes par idée. En tête : 1. ${lights}, 1 vote.` })).toBeVisible();
  await expectAccessible(cityPage, 'vote results (staff, not public yet)');
  await screenshot(cityPage, '/tmp/participation-vote-results.png');

  await cityPage.goto(`/projects/${budget.projectId}`);
  await cityPage
    .getByRole('region', { name: 'Calendrier' })
    .getByRole('link', { name: 'Voir les résultats de « Budget participatif »' })
    .click();
  await expect(cityPage.getByRole('heading', { level: 1, name: 'Résultats : Budget participatif' })).toBeVisible();
  const budgetTable = cityPage.getByRole('table', { name: 'Idées par nombre de paniers, et leur financement' });
  await expect(budgetTable.getByRole('row')).toHaveCount(3);
  await expect(budgetTable.getByRole('row').filter({ hasText: garden })).toContainText(words('300 €'));
  await expect(budgetTable.getByRole('row').filter({ hasText: benches })).toContainText('Oui');
  await expect(cityPage.locator('#budget-funded-total')).toHaveText(words('Financé : 700 € sur 1 000 € — reste 300 €'));
  await expect(cityPage.getByRole('img', { name: /^Graphique des paniers par idée\. En tête : / })).toBeVisible();
  await expectAccessible(cityPage, 'budget results (staff, not public yet)');
  await screenshot(cityPage, '/tmp/participation-budget-results.png');

  // A resident is told when the results come.
  const resultsUrl = `/projects/${budget.projectId}/phases/${budget.phaseId}/results`;
  await brunoPage.goto(resultsUrl);
  await expect(brunoPage.getByRole('heading', { level: 1, name: 'Résultats : Budget participatif' })).toBeVisible();
  await expect(brunoPage.getByText('Les résultats seront publiés à la fin de la phase.')).toBeVisible();
  await expect(brunoPage.getByRole('table')).toHaveCount(0);
  await expectAccessible(brunoPage, 'budget results (resident, not published)');

  // The city publishes them during the phase, from the phase editor; the resident reads them.
  await cityPage.goto(`/admin/projects/${budget.projectId}`);
  await cityPage.getByRole('button', { name: 'Modifier la phase Budget participatif' }).click();
  const published = cityPage.getByRole('checkbox', { name: 'Publier les résultats pendant la phase' });
  await expect(published).not.toBeChecked();
  await expect(cityPage.getByLabel('Nombre minimum d’idées par panier (facultatif)')).toHaveValue('2');
  await published.check();
  await expectAccessible(cityPage, 'phase editor: budgeting settings');
  await cityPage.getByRole('button', { name: 'Enregistrer la phase' }).click();
  await expect(cityPage.getByRole('status').filter({ hasText: 'La phase « Budget participatif » a été enregistrée.' })).toBeVisible();
  await brunoPage.reload();
  await expect(brunoPage.getByRole('table', { name: 'Idées par nombre de paniers, et leur financement' })).toBeVisible();
  await expect(brunoPage.getByText('Le budget participatif est encore ouvert : ces résultats sont provisoires.')).toBeVisible();
  await expect(brunoPage.getByText(/pas encore publics/)).toHaveCount(0);
  await expectAccessible(brunoPage, 'budget results (resident, published)');

  await brunoPage.context().close();
});

test('the city sets costs on the idea page, a cost already in a basket is locked, and residents see the new cost', async ({
  page,
  browser,
  request,
}) => {
  const s = await budgetAndVote(request);
  const { budget, garden, kiosk } = s;
  const [alice, bruno] = await Promise.all([resident(request, 'Alice'), resident(request, 'Bruno')]);
  await basketAndVote(request, s, alice, bruno);
  await logIn(page, alice.email, password, `/projects/${budget.projectId}`);
  const ideas = page.getByRole('region', { name: 'Idées', exact: true });
  const card = (title: string) => ideas.getByRole('article', { name: title });
  await expect(card(kiosk)).toBeVisible();
  const cityPage = await newPage(browser, watchCsp);
  await logIn(cityPage, admin.email, admin.password, `/projects/${budget.projectId}/ideas/${budget.ideaIds[kiosk]}`);

  // ---- The city sets costs on the idea page; a cost in a basket is locked.
  const costPanel = cityPage.getByRole('region', { name: 'Coût pour le budget participatif' });
  await costPanel.getByLabel('Coût estimé (EUR)').fill('250');
  await costPanel.getByRole('button', { name: 'Enregistrer le coût' }).click();
  await expect(costPanel.getByRole('status')).toHaveText(words('Coût enregistré : 250 €.'));
  await expectAccessible(cityPage, 'idea page: cost saved (staff)');
  await cityPage.goto(`/projects/${budget.projectId}/ideas/${budget.ideaIds[garden]}`);
  const gardenCost = cityPage.getByRole('region', { name: 'Coût pour le budget participatif' }).getByLabel('Coût estimé (EUR)');
  await expect(gardenCost).toHaveValue('300');
  await gardenCost.fill('350');
  await cityPage.getByRole('button', { name: 'Enregistrer le coût' }).click();
  await expect(gardenCost).toHaveAttribute('aria-invalid', 'true');
  await expect(gardenCost).toHaveAccessibleDescription(/Cette idée est déjà dans des paniers : son coût ne peut plus changer\./);
  await expectAccessible(cityPage, 'idea page: cost locked (staff)');

  // Alice sees the kiosk's new cost on its card.
  await page.reload();
  await expect(card(kiosk)).toContainText(words('Coût : 250 €'));

  await cityPage.context().close();
});

import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { admin } from './support/admin';
import { adminToken, bearer, createDepartment, createdId, dayUtc, password, registerConfirmed, tokenFor, type Auth } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, newPage, screenshot } from './support/pages';
import { tag, unique } from './support/text';

const watchCsp = failOnCspViolations();

/** The phones the pages are laid out for: the narrowest still in use (320 px, WCAG 1.4.10's reflow width) and a common one. */
const PHONES = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
] as const;

/** A long description: on a phone it must not push the participation below the first screen. */
const LONG_DESCRIPTION = Array.from(
  { length: 12 },
  (_, i) => `<p>Paragraphe ${i + 1} : le parc a quarante ans, ses allées, ses bancs et ses arbres demandent un nouveau plan.</p>`,
).join('');

interface City {
  auth: Auth;
  ideation: { projectId: string; ideaId: string; title: string };
  voting: { projectId: string; phaseId: string; title: string };
  budgeting: { projectId: string; phaseId: string; title: string };
  eventId: string;
  organisationId: string;
  resident: { email: string };
}

async function project(request: APIRequestContext, auth: Auth, departmentId: string, title: string, description?: string) {
  return createdId(
    await request.post('/api/v1/projects', {
      headers: auth,
      data: {
        departmentId,
        title: { fr: title },
        summary: { fr: 'Dites-nous ce qui compte pour vous.' },
        ...(description ? { description: { fr: description } } : {}),
      },
    }),
  );
}

async function phase(request: APIRequestContext, auth: Auth, projectId: string, data: Record<string, unknown>) {
  return createdId(await request.post(`/api/v1/projects/${projectId}/phases`, { headers: auth, data }));
}

async function publish(request: APIRequestContext, auth: Auth, projectId: string) {
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);
}

async function idea(request: APIRequestContext, auth: Auth, projectId: string, title: string) {
  return createdId(
    await request.post(`/api/v1/projects/${projectId}/ideas`, {
      headers: auth,
      data: { title, body: `<p>${title}, pour le quartier.</p>` },
    }),
  );
}

/**
 * A project whose ideas were collected and whose current phase is `method` (a vote or a budget), with two ideas
 * (with costs for a budget).
 */
async function afterIdeas(request: APIRequestContext, auth: Auth, departmentId: string, method: 'voting' | 'budgeting') {
  const title = unique(method === 'voting' ? 'Vote de la place' : 'Budget du quartier');
  const projectId = await project(request, auth, departmentId, title, LONG_DESCRIPTION);
  const ideation = {
    title: { fr: 'Vos idées' },
    method: 'ideation',
    startsAt: dayUtc(-10),
    settings: { permissions: { postIdea: 'registered', comment: 'confirmed_email', react: 'confirmed_email' } },
  };
  const ideationId = await phase(request, auth, projectId, { ...ideation, endsAt: dayUtc(14) });
  await publish(request, auth, projectId);
  const ideas = [];
  for (const name of ['Des bancs', 'Un potager', 'Une fontaine']) ideas.push(await idea(request, auth, projectId, unique(name)));
  const ended = await request.put(`/api/v1/projects/${projectId}/phases/${ideationId}`, {
    headers: auth,
    data: { ...ideation, endsAt: dayUtc(-2) },
  });
  expect(ended.ok(), await ended.text()).toBe(true);
  const settings =
    method === 'voting'
      ? { permissions: { vote: 'confirmed_email' }, votesPerUser: 2 }
      : { permissions: { vote: 'confirmed_email' }, budgetAmount: 1000, budgetCurrency: 'EUR', minimumIdeas: 1 };
  const phaseId = await phase(request, auth, projectId, {
    title: { fr: method === 'voting' ? 'Vote' : 'Budget' },
    method,
    startsAt: dayUtc(-1),
    endsAt: dayUtc(14),
    settings,
  });
  if (method === 'budgeting') {
    for (const [i, ideaId] of ideas.entries()) {
      const cost = await request.put(`/api/v1/ideas/${ideaId}/cost`, { headers: auth, data: { cost: 300 + i * 100 } });
      expect(cost.ok(), await cost.text()).toBe(true);
    }
  }
  return { projectId, phaseId, title };
}

/** The demo of the pages below, through the API. */
async function city(request: APIRequestContext): Promise<City> {
  const auth = bearer(await adminToken(request));
  const departmentId = await createDepartment(request, auth, unique('Espaces verts'));
  const title = unique('Réaménagement du parc');
  const projectId = await project(request, auth, departmentId, title, LONG_DESCRIPTION);
  await phase(request, auth, projectId, {
    title: { fr: 'Vos idées pour le parc' },
    method: 'ideation',
    startsAt: dayUtc(-3),
    endsAt: dayUtc(20),
    settings: { permissions: { postIdea: 'registered', comment: 'registered', react: 'registered' } },
  });
  await publish(request, auth, projectId);
  // A long unbroken word (a pasted address) must wrap, not widen the page.
  const ideaId = await idea(request, auth, projectId, unique('Une aire de jeux https://example.org/un-tres-long-lien-sans-espace'));
  await idea(request, auth, projectId, unique('Plus de bancs à l’ombre'));
  const voting = await afterIdeas(request, auth, departmentId, 'voting');
  const budgeting = await afterIdeas(request, auth, departmentId, 'budgeting');
  const start = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const eventId = await createdId(
    await request.post('/api/v1/events', {
      headers: auth,
      data: {
        projectId,
        title: { fr: unique('Balade au parc') },
        description: { fr: 'Rendez-vous à l’entrée du parc.' },
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3600 * 1000).toISOString(),
        placeName: 'Entrée du parc',
        placeAddress: 'Rue des Étangs 1, 1040 Bruxelles',
        registration: true,
        capacity: 20,
      },
    }),
  );
  const resident = { email: `e2e-mobile-${tag()}@example.test` };
  await registerConfirmed(request, { email: resident.email, firstName: 'Mila', lastName: `Mobile${tag()}` });
  const organisationId = await createdId(
    await request.post('/api/v1/organisations', {
      headers: bearer(await tokenFor(request, resident.email, password)),
      data: { name: unique('Comité du parc'), description: 'Nous animons le quartier.' },
    }),
  );
  return {
    auth,
    ideation: { projectId, ideaId, title },
    voting,
    budgeting,
    eventId,
    organisationId,
    resident,
  };
}

/**
 * What sticks out of the viewport on the right: the page scrolls sideways when anything does. Returns the
 * offending elements (tag, class, width) for the failure message; empty when the page fits.
 */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const width = root.clientWidth;
    // What sticks out: a box past the right edge, or text wider than its own box (a long word that does not wrap).
    const sticksOut = (element: Element) =>
      element.getBoundingClientRect().right > width + 1 ||
      (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === 'visible' && element.clientWidth > 0);
    const named = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).trim().split(/\s+/).join('.')}` : ''}`;
    const wide = Array.from(document.body.querySelectorAll('*')).filter(
      // The innermost: none of its own children sticks out.
      (element) => sticksOut(element) && !Array.from(element.children).some(sticksOut),
    );
    // The outermost boxes wider than the screen around the first of them: where the width comes from.
    const chain: string[] = [];
    for (let element = wide[0]?.parentElement; element && element !== document.body; element = element.parentElement) {
      const box = element.getBoundingClientRect();
      if (box.width > width + 1) chain.push(`${named(element)} [${getComputedStyle(element).display} ${Math.round(box.width)}]`);
    }
    return [`scrollWidth ${root.scrollWidth} > ${width}`, ...wide.slice(0, 5).map(named), `inside: ${chain.reverse().join(' > ')}`];
  });
}

/**
 * Visits each address once and measures it at each phone width (the viewport narrowed in place: CSS and the media
 * queries the components listen to follow at once); returns every page that scrolls sideways, with what sticks out.
 */
async function sidewaysScroll(browser: Browser, paths: string[], signIn?: { email: string; secret: string }) {
  const failures: string[] = [];
  const page = await newPage(browser, watchCsp, { viewport: PHONES[0], locale: 'fr-BE' });
  if (signIn) await logIn(page, signIn.email, signIn.secret, '/profile');
  for (const path of paths) {
    await page.setViewportSize(PHONES[0]);
    await page.goto(path);
    // A staff page's code loads on demand: on a busy machine that may take a while.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
    // Loaded: no spinner left in the main region.
    await expect(page.getByRole('main').locator('.loading')).toHaveCount(0);
    for (const viewport of PHONES) {
      await page.setViewportSize(viewport);
      // One frame for the layout (and the components' media queries) to follow the new width.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const wide = await overflow(page);
      if (wide.length > 0) failures.push(`${viewport.width} px ${path}: ${wide.join(', ')}`);
    }
  }
  await page.context().close();
  return failures;
}

/** Where an element starts, from the top of the page (it is there and shown). */
async function top(locator: Locator): Promise<number> {
  await expect(locator).toBeVisible();
  return locator.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
}

let demo: City;

test.beforeAll(async ({ request }) => {
  demo = await city(request);
});

test('no page scrolls sideways at 320 and 390 px, for visitors, residents and staff', async ({ browser }) => {
  test.setTimeout(600_000);
  const { ideation, voting, budgeting, eventId, organisationId } = demo;
  const publicPaths = [
    '/',
    '/projects',
    `/projects/${ideation.projectId}`,
    `/projects/${ideation.projectId}/ideas/${ideation.ideaId}`,
    `/projects/${voting.projectId}`,
    `/projects/${budgeting.projectId}`,
    '/events',
    `/events/${eventId}`,
    '/pages/conditions-utilisation',
    '/organisations',
    '/login',
    '/register',
    '/forgot-password',
    '/nothing-here',
  ];
  const failures = await sidewaysScroll(browser, publicPaths);

  const residentPaths = [
    '/profile',
    '/notifications',
    '/notifications/settings',
    `/projects/${ideation.projectId}/ideas/new`,
    `/projects/${voting.projectId}`,
    `/projects/${budgeting.projectId}`,
    '/organisations/new',
    `/organisations/${organisationId}`,
  ];
  failures.push(...(await sidewaysScroll(browser, residentPaths, { email: demo.resident.email, secret: password })));

  const staffPaths = [
    '/admin',
    '/admin/projects',
    '/admin/projects/new',
    `/admin/projects/${ideation.projectId}`,
    `/admin/projects/${ideation.projectId}/ideas`,
    `/admin/projects/${ideation.projectId}/report`,
    `/admin/projects/${ideation.projectId}/moderation`,
    `/admin/projects/${ideation.projectId}/events`,
    `/projects/${voting.projectId}/phases/${voting.phaseId}/results`,
    '/admin/organisations',
    '/admin/audit',
    '/admin/events',
    '/admin/content-calendar',
    '/admin/campaigns',
    '/admin/pages',
    '/admin/home-page',
    '/admin/widgets',
    '/admin/api-clients',
    '/admin/webhooks',
    '/admin/exports',
    '/admin/digests',
    '/admin/briefings',
    '/admin/settings',
    '/admin/users',
    '/admin/departments',
    '/admin/topics',
    '/admin/invitations',
    '/dashboard',
  ];
  failures.push(...(await sidewaysScroll(browser, staffPaths, { email: admin.email, secret: admin.password })));
  expect(failures, failures.join('\n')).toEqual([]);
});

test('on a phone, a project page starts with the participation; one sign-in prompt; the menu opens from a button', async ({ browser }) => {
  test.setTimeout(300_000);
  const { ideation, voting } = demo;
  const page = await newPage(browser, watchCsp, { viewport: PHONES[1], locale: 'fr-BE' });

  // The header: the sections behind a menu button.
  await page.goto('/');
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Projets' })).toBeHidden();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page, 'phone: menu open');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Projets' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Projets' })).toBeVisible();
  // Closed again after the visit.
  await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');

  // The ideas of the project: in the first screen, before the long description.
  await page.goto(`/projects/${ideation.projectId}`);
  const ideas = page.getByRole('heading', { level: 2, name: 'Idées' });
  await expect(ideas).toBeVisible();
  const screen = PHONES[1].height;
  const actions = page.getByRole('heading', { level: 2, name: 'Que puis-je faire maintenant ?' });
  await expect(actions).toBeVisible();
  expect(await top(actions)).toBeLessThan(screen);
  // The description is folded (a summary line opens it), so the ideas come next.
  const description = page.getByRole('heading', { level: 2, name: 'Description' });
  await expect(description).toBeHidden();
  await screenshot(page, 'test-results/phone-project.png');
  expect(await top(ideas)).toBeLessThan(2 * screen);
  await page.getByText('À propos du projet : description, objectifs, calendrier').click();
  await expect(description).toBeVisible();
  await expect(page.getByText('Paragraphe 12')).toBeVisible();
  // One prompt to sign in, not one per action or per idea.
  await expect(
    page
      .getByRole('main')
      .getByText(/Connectez-vous pour/)
      .filter({ visible: true }),
  ).toHaveCount(1);
  // Filters folded behind one button.
  const filters = page.getByRole('button', { name: 'Filtres' });
  await expect(filters).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Rechercher')).toBeHidden();
  await filters.click();
  await expect(page.getByLabel('Rechercher')).toBeVisible();
  await expectAccessible(page, 'phone: project page (ideas)');

  // A vote: no "Proposer une idée" (not possible in this phase), the votes left follow the visitor down the list.
  await logIn(page, demo.resident.email, password, `/projects/${voting.projectId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Idées' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Proposer une idée' })).toHaveCount(0);
  await expect(page.getByRole('main').getByText('Proposer une idée')).toHaveCount(0);
  const bar = page.getByRole('region', { name: 'Vos votes' });
  await expect(bar).toContainText('Il vous reste 2 votes sur 2');
  await page
    .getByRole('button', { name: /^Voter/ })
    .last()
    .scrollIntoViewIfNeeded();
  await page
    .getByRole('button', { name: /^Voter/ })
    .last()
    .click();
  await expect(bar).toContainText('Il vous reste 1 vote sur 2');
  const box = (await bar.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(screen + 1);
  expect(box.y).toBeGreaterThanOrEqual(0);
  await expectAccessible(page, 'phone: project page (vote)');

  // A budget: the basket's total stays at the bottom of the screen while the ideas scroll.
  await page.goto(`/projects/${demo.budgeting.projectId}`);
  const basket = page.getByRole('region', { name: 'Votre panier' });
  await expect(basket).toContainText('0 idée');
  const add = page.getByRole('button', { name: /^Ajouter au panier/ }).last();
  await add.scrollIntoViewIfNeeded();
  await add.click();
  await expect(basket).toContainText('1 idée');
  const basketBox = (await basket.boundingBox())!;
  expect(basketBox.y + basketBox.height).toBeLessThanOrEqual(screen + 1);
  expect(basketBox.y).toBeGreaterThanOrEqual(0);
  await expectAccessible(page, 'phone: project page (budget)');
  await page.context().close();
});

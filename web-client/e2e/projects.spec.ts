import { expect, test, type APIRequestContext, type Locator } from '@playwright/test';
import { admin } from './support/admin';
import { adminToken, bearer, createDepartment, createdId, dayUtc, grantRole, password, register, type Auth } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, subnav, screenshot } from './support/pages';
import { tag as stamp, unique } from './support/text';

failOnCspViolations();

/** A local day, as an <input type="date"> wants it. */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A 1×1 PNG, made in the test. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** The image was fetched and decoded (a CSP block or a 404 leaves it at 0). */
async function expectLoaded(image: Locator) {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
}

const ideasPhase = 'Vos idées pour le parc';
const votePhase = 'Vote sur les idées';

/** The admins' topics the projects are tagged with (taken when another test made them already). */
async function ensureTopics(request: APIRequestContext, auth: Auth, names: string[]) {
  for (const fr of names) {
    const created = await request.post('/api/v1/topics', { data: { name: { fr } }, headers: auth });
    expect([201, 409]).toContain(created.status());
  }
}

/**
 * Through the API: a department and a draft project (rich text with a script the server must drop), optionally with
 * its header image, a running ideation phase and a voting phase after it, and published.
 */
async function draftProject(request: APIRequestContext, options: { image?: boolean; phases?: boolean; publish?: boolean } = {}) {
  const auth = bearer(await adminToken(request));
  await ensureTopics(request, auth, ['parcs', 'nature']);
  const department = unique('Espaces verts');
  const departmentId = await createDepartment(request, auth, department);
  const title = unique('Réaménagement du parc');
  const project = await request.post('/api/v1/projects', {
    headers: auth,
    data: {
      departmentId,
      title: { fr: title },
      summary: { fr: 'Le parc communal sera réaménagé : dites-nous ce qui compte pour vous.' },
      description: { fr: '<p>Le parc a <strong>quarante ans</strong>.</p><script>alert(1)</script>' },
      topics: ['parcs', 'nature'],
    },
  });
  expect(project.status()).toBe(201);
  const projectId = ((await project.json()) as { id: string }).id;
  if (options.image) {
    const image = await request.put(`/api/v1/projects/${projectId}/image`, {
      headers: auth,
      multipart: { file: { name: 'parc.png', mimeType: 'image/png', buffer: PNG } },
    });
    expect(image.ok()).toBe(true);
  }
  if (options.phases) {
    const permissions = { postIdea: 'confirmed_email', comment: 'confirmed_email', react: 'confirmed_email' };
    for (const phase of [
      { title: { fr: ideasPhase }, startsAt: dayUtc(-7), endsAt: dayUtc(7), method: 'ideation', settings: { permissions } },
      { title: { fr: votePhase }, startsAt: dayUtc(8), endsAt: dayUtc(30), method: 'voting', settings: { votesPerUser: 3 } },
    ]) {
      const added = await request.post(`/api/v1/projects/${projectId}/phases`, { headers: auth, data: phase });
      expect(added.status()).toBe(201);
    }
  }
  if (options.publish) {
    const published = await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth });
    expect(published.ok()).toBe(true);
  }
  return { projectId, title, department };
}

// One journey (an admin prepares a project, previews and publishes it; a visitor finds it), told as four tests that
// each set up what came before through the API.

test('an admin creates a draft project: missing fields refused, translations counted, a header image refused then taken', async ({
  page,
  request,
}) => {
  await ensureTopics(request, bearer(await adminToken(request)), ['parcs', 'nature']);
  const department = unique('Espaces verts');
  const title = unique('Réaménagement du parc');

  await logIn(page, admin.email, admin.password, '/admin/departments');

  // A department to hold the project.
  await page.getByLabel('Nom en français').fill(department);
  await page.getByRole('button', { name: 'Créer le service' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Le service « ${department} » a été créé.` })).toBeVisible();

  // The workspace, then a new draft.
  await subnav(page).getByRole('link', { name: 'Projets' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Projets' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Projets, modifiés récemment d’abord' }).or(page.getByText('Aucun projet pour le moment.')),
  ).toBeVisible();
  await expectAccessible(page, 'workspace');
  await page.getByRole('link', { name: 'Nouveau projet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau projet' })).toBeVisible();
  await page.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(page.getByLabel('Service', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Titre (Français)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'new project: missing fields');
  await page.getByLabel('Service', { exact: true }).selectOption({ label: department });
  await page.getByLabel('Titre (Français)').fill(title);
  await page.getByLabel('Résumé (Français)').fill('Le parc communal sera réaménagé : dites-nous ce qui compte pour vous.');
  await page.getByRole('textbox', { name: 'Description (Français)' }).fill('Le parc a quarante ans.');
  // Topics are picked from the admins' list (toggle buttons), not typed.
  await page.getByRole('group', { name: 'Thèmes' }).getByRole('button', { name: 'parcs', exact: true }).click();
  await page.getByRole('group', { name: 'Thèmes' }).getByRole('button', { name: 'nature', exact: true }).click();
  // Dutch, partly: the completeness indicator follows.
  await page.getByRole('radio', { name: /Néerlandais/ }).check();
  await page.getByLabel('Titre (Néerlandais)').fill(`Heraanleg van het park ${title.slice(-8)}`);
  await expect(page.getByRole('radio', { name: /Néerlandais/ })).toHaveAccessibleName(/1\/5 champs/);
  await expect(page.getByRole('radio', { name: /Français/ })).toHaveAccessibleName(/3\/5 champs/);
  await page.getByRole('button', { name: 'Créer le brouillon' }).click();

  // The editor.
  await expect(page.getByRole('heading', { level: 1, name: `Projet : ${title}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Le projet a été créé en brouillon.' })).toBeVisible();
  await expect(page.getByText('Ce projet n’a encore aucune phase')).toBeVisible();
  await expectAccessible(page, 'project editor (new draft)');

  // A header image: something that is not an image is refused beside the field, then a PNG is taken.
  const image = page.getByRole('region', { name: 'Image d’en-tête' });
  await expect(image.getByText('PNG, JPEG ou WebP, 5 Mo au plus.')).toBeVisible();
  await image.getByLabel('Fichier image').setInputFiles({ name: 'faux.png', mimeType: 'image/png', buffer: Buffer.from('pas une image') });
  await image.getByRole('button', { name: 'Envoyer l’image' }).click();
  await expect(image.getByLabel('Fichier image')).toHaveAttribute('aria-invalid', 'true');
  await expect(image.getByText(/PNG, JPEG (or|ou) WebP/).nth(1)).toBeVisible();
  await expectAccessible(page, 'project image: refused');
  await image.getByLabel('Fichier image').setInputFiles({ name: 'parc.png', mimeType: 'image/png', buffer: PNG });
  await image.getByRole('button', { name: 'Envoyer l’image' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'L’image d’en-tête a été enregistrée.' })).toBeVisible();
  await expect(image.getByLabel('Fichier image')).not.toHaveAttribute('aria-invalid');
  await expectLoaded(image.getByRole('img', { name: 'Image d’en-tête actuelle du projet' }));
  await expect(image.getByRole('button', { name: 'Remplacer l’image' })).toBeVisible();
  await expectAccessible(page, 'project image: uploaded');
});

test('an admin adds two phases to a draft, overlapping dates refused beside the date fields', async ({ page, request }) => {
  const { projectId } = await draftProject(request);
  const ideas = ideasPhase;
  const vote = votePhase;

  await logIn(page, admin.email, admin.password, `/admin/projects/${projectId}`);
  await expect(page.getByText('Ce projet n’a encore aucune phase')).toBeVisible();

  // First phase: ideas, running now.
  await page.getByRole('button', { name: 'Ajouter une phase' }).click();
  const phaseForm = page.locator('.phase-new');
  await phaseForm.getByLabel('Titre en français').fill(ideas);
  await phaseForm.getByLabel('Premier jour').fill(day(-7));
  await phaseForm.getByLabel('Dernier jour (facultatif)').fill(day(7));
  await expect(phaseForm.getByLabel('Qui peut proposer des idées ?')).toHaveValue('confirmed_email');
  await phaseForm.getByLabel('Qui peut réagir aux idées ?').selectOption('confirmed_email');
  await expectAccessible(page, 'phase form (ideation)');
  await phaseForm.getByRole('button', { name: 'Ajouter la phase' }).click();
  await expect(page.getByRole('status').filter({ hasText: `La phase « ${ideas} » a été ajoutée.` })).toBeVisible();

  // Second phase: overlapping dates are refused beside the date fields, then fixed.
  await page.getByRole('button', { name: 'Ajouter une phase' }).click();
  await phaseForm.getByLabel('Titre en français').fill(vote);
  await phaseForm.getByLabel('Premier jour').fill(day(3));
  await phaseForm.getByLabel('Dernier jour (facultatif)').fill(day(30));
  await phaseForm.getByLabel('Méthode de participation').selectOption('voting');
  await expect(phaseForm.getByLabel('Qui peut proposer des idées ?')).toHaveCount(0);
  await phaseForm.getByLabel('Votes par personne').fill('3');
  await phaseForm.getByRole('button', { name: 'Ajouter la phase' }).click();
  await expect(phaseForm.getByLabel('Premier jour')).toHaveAttribute('aria-invalid', 'true');
  await expect(phaseForm.getByText(/overlaps another phase|chevauche/i).first()).toBeVisible();
  await expectAccessible(page, 'phase form: overlap refused');
  await phaseForm.getByLabel('Premier jour').fill(day(8));
  await phaseForm.getByRole('button', { name: 'Ajouter la phase' }).click();
  await expect(page.getByRole('status').filter({ hasText: `La phase « ${vote} » a été ajoutée.` })).toBeVisible();
  await expect(page.locator('.phase-list__item')).toHaveCount(2);

  await screenshot(page, '/tmp/participation-project-editor.png');
  await page.setViewportSize({ width: 375, height: 740 });
  await expectAccessible(page, 'project editor (mobile)');
  await screenshot(page, '/tmp/participation-project-editor-mobile.png');
  await page.setViewportSize({ width: 1280, height: 720 });
});

test('an admin shares a preview of the draft with someone without an account, publishes it, and the audit log tells it', async ({
  page,
  browser,
  request,
}) => {
  const { projectId, title } = await draftProject(request, { phases: true });
  await logIn(page, admin.email, admin.password, `/admin/projects/${projectId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Projet : ${title}` })).toBeVisible();

  // A preview link, opened by someone without an account.
  await page.getByRole('button', { name: 'Créer un lien d’aperçu' }).click();
  const link = page.getByRole('textbox', { name: 'Lien d’aperçu' });
  await expect(link).toHaveValue(/\/projects\/[0-9a-f-]+\/preview#token=/);
  await expectAccessible(page, 'preview link created');
  const previewUrl = new URL(await link.inputValue());
  const stranger = await browser.newContext();
  const preview = await stranger.newPage();
  await preview.goto(`${previewUrl.pathname}${previewUrl.hash}`);
  await expect(preview.getByText('Aperçu — non publié')).toBeVisible();
  await expect(preview.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(preview).toHaveURL(/\/preview$/); // the token left the address bar
  await expect(preview.locator('.rich-text strong')).toHaveText('quarante ans');
  await expect(preview.locator('.rich-text script')).toHaveCount(0);
  await expectAccessible(preview, 'project preview');
  // Not published yet: the public list does not have it.
  await preview.goto('/projects');
  await expect(preview.getByRole('heading', { level: 1, name: 'Projets' })).toBeVisible();
  await expect(preview.getByRole('link', { name: title })).toHaveCount(0);
  await stranger.close();

  // Publish, after confirming.
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publier ce projet ?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'publish dialog');
  await dialog.getByRole('button', { name: 'Oui, publier' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Le projet est publié.' })).toBeVisible();

  // The audit log tells the story.
  await subnav(page).getByRole('link', { name: 'Journal d’audit' }).click();
  await page.getByLabel('Action', { exact: true }).selectOption('project.status_changed');
  const audit = page.getByRole('table', { name: 'Journal d’audit, les plus récentes d’abord' });
  await expect(audit).toContainText('Brouillon → Publié');
  // The entry names the project (its title, not an id) and links to it.
  await expect(audit.getByRole('link', { name: title })).toHaveAttribute('href', `/fr/admin/projects/${projectId}`);
  await expectAccessible(page, 'audit log');
});

test('an anonymous visitor finds the published project, opens it, sees the current phase and is asked to log in', async ({
  page,
  request,
}) => {
  const { title, department } = await draftProject(request, { image: true, phases: true, publish: true });
  const ideas = ideasPhase;
  const vote = votePhase;

  // An anonymous visitor finds it, opens it, sees the current phase and why they cannot take part yet.
  const visitor = page;
  await visitor.goto('/');
  await expect(visitor.getByRole('heading', { name: 'Projets ouverts à la participation' })).toBeVisible();
  await expectAccessible(visitor, 'home with projects');
  await visitor.goto('/projects');
  await visitor.getByLabel('Service', { exact: true }).selectOption({ label: department });
  const card = visitor.getByRole('article', { name: title });
  await expect(card).toContainText('Boîte à idées');
  // The header image is decorative in the card and on the page (alt=""), lazily loaded.
  const cardImage = card.locator('img.project-card__image');
  await expect(cardImage).toHaveAttribute('alt', '');
  await expect(cardImage).toHaveAttribute('loading', 'lazy');
  await expectLoaded(cardImage);
  await expectAccessible(visitor, 'projects list (filtered)');
  await card.getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeFocused();
  const headerImage = visitor.locator('img.project__image');
  await expect(headerImage).toHaveAttribute('alt', '');
  await expect(headerImage).toHaveAttribute('src', /\/api\/v1\/projects\/[0-9a-f-]+\/image\?v=/);
  await expectLoaded(headerImage);
  const current = visitor.locator('[aria-current="step"]');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText(ideas);
  await expect(current).toContainText('En cours');
  await expect(visitor.locator('.timeline__item').filter({ hasText: vote })).not.toHaveAttribute('aria-current', 'step');
  const panel = visitor.getByRole('region', { name: 'Que puis-je faire maintenant ?' });
  // What the visitor can do once signed in, and one prompt to do so (not one per action).
  await expect(panel.getByText('Une fois connecté·e, vous pourrez : proposer une idée, commenter et réagir aux idées.')).toBeVisible();
  await expect(visitor.getByRole('main').getByText('Connectez-vous pour participer.').filter({ visible: true })).toHaveCount(1);
  await expect(panel.getByRole('link', { name: 'Se connecter' })).toHaveAttribute('href', '/fr/login');
  await expectAccessible(visitor, 'project page (anonymous)');
  await screenshot(visitor, '/tmp/participation-project-page.png');
  await visitor.setViewportSize({ width: 375, height: 740 });
  await expectAccessible(visitor, 'project page (mobile)');
  await screenshot(visitor, '/tmp/participation-project-page-mobile.png');
  // In English, dates and texts follow the language; the French title stands in for the missing translation.
  await visitor.getByLabel('Langue').selectOption('en');
  await expect(visitor.getByRole('region', { name: 'What can I do now?' }).getByText('Log in to take part.')).toBeVisible();
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('a department head finds a person by name and makes them moderator of a project', async ({ page, request }) => {
  const auth = bearer(await adminToken(request));
  const tag = stamp();
  const title = unique('Fête de quartier');
  const headEmail = `e2e-head-${tag}@example.test`;
  // A last name no other test uses, so the search finds exactly this person.
  const lastName = `Modérane${tag}`;

  const departmentId = await createDepartment(request, auth, unique('Culture'));
  const headId = await register(request, { email: headEmail, firstName: 'Hugo', lastName: `Chef${tag}` });
  await register(request, { email: `e2e-mod-${tag}@example.test`, firstName: 'Maëlle', lastName });
  await grantRole(request, auth, headId, { role: 'department_head', scopeType: 'department', scopeId: departmentId });
  const projectId = await createdId(
    await request.post('/api/v1/projects', { data: { departmentId, title: { fr: title } }, headers: auth }),
  );

  await logIn(page, headEmail, password, `/admin/projects/${projectId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Projet : ${title}` })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Modérateurs' });
  await expect(panel.getByText('Aucun modérateur pour le moment.')).toBeVisible();
  await expect(panel.getByText(/Seuls les administrateurs/)).toHaveCount(0);
  await panel.getByRole('button', { name: 'Ajouter un modérateur' }).click();
  const search = panel.getByRole('searchbox', { name: `Rechercher une personne à nommer modératrice de « ${title} »` });
  await expect(search).toBeFocused();
  await search.fill(`maëlle ${lastName.toLowerCase()}`);
  await expect(panel.getByRole('status').filter({ hasText: '1 personne trouvée.' })).toBeVisible();
  // Names only: a department head never sees addresses.
  await expect(panel.getByText(`e2e-mod-${tag}@example.test`)).toHaveCount(0);
  await expectAccessible(page, 'moderator search (department head)');
  await panel.getByRole('button', { name: `Nommer Maëlle ${lastName} modérateur` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Maëlle ${lastName} modère maintenant ce projet.` })).toBeVisible();
  await expect(
    panel
      .getByRole('listitem')
      .filter({ hasText: `Maëlle ${lastName}` })
      .getByRole('button', { name: `Retirer Maëlle ${lastName} des modérateurs` }),
  ).toBeVisible();
  await expect(panel.getByRole('button', { name: `Nommer Maëlle ${lastName} modérateur` })).toHaveText('Déjà modérateur');
  await expectAccessible(page, 'moderator added (department head)');
});

import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { adminToken, bearer, createDepartment, createdId, dayUtc, password, registerConfirmed, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn, newPage, screenshot } from './support/pages';
import { tag, unique } from './support/text';

const watchCsp = failOnCspViolations();

/** Someone with a confirmed address (the link comes by e-mail, as in real life). */
async function person(request: APIRequestContext, firstName: string) {
  const email = `e2e-surveys-${firstName.toLowerCase()}-${tag()}@example.test`;
  const id = await registerConfirmed(request, { email, firstName, lastName: `Habitant${tag()}` });
  return { email, id };
}

/** A published project with one running phase of `method`, moderated by a newly appointed moderator. */
async function projectWithPhase(request: APIRequestContext, method: 'survey' | 'poll', phaseTitle: string, answer: string) {
  const auth = bearer(await adminToken(request));
  const departmentId = await createDepartment(request, auth, unique('Mobilité'));
  const title = unique(method === 'survey' ? 'Plan vélo' : 'Fête du quartier');
  const projectId = await createdId(
    await request.post('/api/v1/projects', { data: { departmentId, title: { fr: title } }, headers: auth }),
  );
  const phaseId = await createdId(
    await request.post(`/api/v1/projects/${projectId}/phases`, {
      headers: auth,
      data: { title: { fr: phaseTitle }, method, startsAt: dayUtc(-1), endsAt: dayUtc(14), settings: { permissions: { answer } } },
    }),
  );
  const published = await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth });
  expect(published.ok()).toBe(true);
  const moderator = await person(request, 'Modératrice');
  const appointed = await request.put(`/api/v1/projects/${projectId}/moderators/${moderator.id}`, { headers: auth });
  expect(appointed.ok(), await appointed.text()).toBe(true);
  return { auth, method, projectId, phaseId, phaseTitle, title, moderator };
}

/**
 * Saves the questionnaire of the phase (`questions`, on one page) through the API, then publishes its results,
 * with `settings` changed on top of the phase's. Returns the saved questionnaire's questions.
 */
async function saveAndPublish(
  request: APIRequestContext,
  setup: Awaited<ReturnType<typeof projectWithPhase>>,
  questions: Record<string, unknown>[],
  settings: Record<string, unknown> = {},
) {
  const { auth, method, projectId, phaseId, phaseTitle } = setup;
  const saved = await request.put(`/api/v1/phases/${phaseId}/survey`, { headers: auth, data: { version: 0, sections: [{ questions }] } });
  expect(saved.ok(), await saved.text()).toBe(true);
  const project = await request.get(`/api/v1/projects/${projectId}`, { headers: auth });
  const phase = ((await project.json()) as { phases: { id: string; settings: Record<string, unknown> }[] }).phases.find(
    (p) => p.id === phaseId,
  )!;
  const published = await request.put(`/api/v1/projects/${projectId}/phases/${phaseId}`, {
    headers: auth,
    data: {
      title: { fr: phaseTitle },
      method,
      startsAt: dayUtc(-1),
      endsAt: dayUtc(14),
      settings: { ...phase.settings, ...settings, resultsPublic: true },
    },
  });
  expect(published.ok(), await published.text()).toBe(true);
  const survey = await request.get(`/api/v1/phases/${phaseId}/survey`, { headers: auth });
  return ((await survey.json()) as { sections: { questions: Question[] }[] }).sections.flatMap((s) => s.questions);
}

type Question = { id: string; title: { fr: string }; options: { id: string; label: { fr: string } }[] };

/** Adds a question of `type` through the builder and fills its French wording; returns its card. */
async function addQuestion(page: Page, type: string, number: number, wording: string): Promise<Locator> {
  await page.getByLabel('Type de la nouvelle question').selectOption({ label: type });
  await page.getByRole('button', { name: 'Ajouter une question' }).click();
  const title = page.getByLabel(`Question ${number} : intitulé en français`);
  await expect(title).toBeFocused();
  await title.fill(wording);
  return page.getByRole('article', { name: new RegExp(`^Question ${number} · `) });
}

/**
 * The questionnaire the first test builds, saved through the API, with its results published; returns the ids of
 * its questions and their options by French wording.
 */
async function cyclingSurvey(request: APIRequestContext, setup: Awaited<ReturnType<typeof projectWithPhase>>) {
  const choice = (...labels: string[]) => labels.map((fr) => ({ label: { fr } }));
  const questions = await saveAndPublish(request, setup, [
    {
      type: 'single_choice',
      title: { fr: 'Comment venez-vous en ville ?' },
      required: true,
      settings: {},
      options: [{ label: { fr: 'À vélo' } }, { label: { fr: 'À pied', nl: 'Te voet' } }],
    },
    {
      type: 'multiple_choice',
      title: { fr: 'Quels jours ?' },
      required: false,
      settings: {},
      options: choice('Samedi', 'Lundi', 'Dimanche'),
    },
    {
      type: 'linear_scale',
      title: { fr: 'Êtes-vous satisfait des pistes ?' },
      required: true,
      settings: { scalePoints: 5, minLabel: { fr: 'Pas du tout' }, maxLabel: { fr: 'Tout à fait' } },
    },
    { type: 'short_text', title: { fr: 'Une suggestion ?' }, required: false, settings: {} },
  ]);
  const question = (fr: string) => questions.find((q) => q.title.fr === fr)!;
  const option = (q: Question, fr: string) => q.options.find((o) => o.label.fr === fr)!.id;
  return { question, option };
}

// One story (a moderator builds a survey, a resident answers it, the moderator reads the results), told as three
// tests that each set up what came before through the API.

test('a moderator builds a survey with the keyboard, previews it, saves it and publishes its results', async ({ page, request }) => {
  const phaseTitle = 'Votre avis sur le vélo';
  const { projectId, moderator } = await projectWithPhase(request, 'survey', phaseTitle, 'confirmed_email');

  // ---- The moderator builds the questionnaire, with the keyboard for the order.
  await logIn(page, moderator.email, password, `/admin/projects/${projectId}`);
  await page.getByRole('link', { name: `Questionnaire de la phase ${phaseTitle}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Questionnaire : ${phaseTitle}` })).toBeFocused();
  await expectAccessible(page, 'survey builder (empty)');

  const q1 = await addQuestion(page, 'Choix unique', 1, 'Comment venez-vous en ville ?');
  await q1.getByLabel('Réponse obligatoire à la question 1').check();
  await q1.getByLabel('Choix 1 en français').fill('À vélo');
  await q1.getByLabel('Choix 2 en français').fill('À pied');
  await q1.getByLabel('Choix 2 en néerlandais (facultatif)').fill('Te voet');

  const q2 = await addQuestion(page, 'Choix multiple', 2, 'Quels jours ?');
  await q2.getByLabel('Choix 1 en français').fill('Dimanche');
  await q2.getByLabel('Choix 2 en français').fill('Samedi');
  await q2.getByRole('button', { name: 'Ajouter un choix à la question 2' }).click();
  await expect(q2.getByLabel('Choix 3 en français')).toBeFocused();
  await page.keyboard.type('Lundi');
  // "Dimanche" goes last, with the keyboard: focus follows it, the move is announced.
  await q2.getByRole('button', { name: 'Descendre le choix 1 de la question 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(q2.getByRole('button', { name: 'Descendre le choix 2 de la question 2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(q2.getByRole('button', { name: 'Monter le choix 3 de la question 2' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Le choix « Dimanche » est maintenant en position 3 sur 3.' })).toBeAttached();
  await expect(q2.getByLabel('Choix 3 en français')).toHaveValue('Dimanche');

  const q3 = await addQuestion(page, 'Échelle', 3, 'Êtes-vous satisfait des pistes ?');
  await q3.getByLabel('Réponse obligatoire à la question 3').check();
  await expect(q3.getByLabel('Nombre de points de l’échelle')).toHaveValue('5');
  await q3.getByLabel('Libellé du point 1 en français (facultatif)').fill('Pas du tout');
  await q3.getByLabel('Libellé du dernier point en français (facultatif)').fill('Tout à fait');

  await addQuestion(page, 'Texte court', 4, 'Une suggestion ?');
  // The text question moves up one place and back down, keyboard only.
  await page.getByRole('button', { name: 'Monter la question 4' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Monter la question 3' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 3, name: /^Question 3 · Texte court/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '« Une suggestion ? » est maintenant la question 3 sur 4.' })).toBeAttached();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Descendre la question 3' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Monter la question 4' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 3, name: /^Question 4 · Texte court — Une suggestion \?/ })).toBeVisible();
  await expectAccessible(page, 'survey builder (four questions)');
  await screenshot(page, '/tmp/participation-survey-builder.png');

  // The preview shows the form residents will get, and sends nothing.
  await page.getByRole('button', { name: 'Aperçu comme un habitant' }).click();
  const preview = page.getByRole('region', { name: 'Aperçu comme un habitant' });
  await expect(preview.getByRole('group', { name: '1. Comment venez-vous en ville ? (obligatoire)' })).toBeVisible();
  await expect(preview.getByRole('group', { name: '3. Êtes-vous satisfait des pistes ? (obligatoire)' })).toContainText('Tout à fait');
  await expectAccessible(page, 'survey builder (preview)');
  await page.getByRole('button', { name: 'Aperçu comme un habitant' }).click();
  await expect(preview).toHaveCount(0);

  await page.getByRole('button', { name: 'Enregistrer le questionnaire' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Questionnaire enregistré : 4 questions.' })).toBeVisible();
  await expectAccessible(page, 'survey builder (saved)');

  // Results published from the phase form.
  await page.goto(`/admin/projects/${projectId}`);
  await page.getByRole('button', { name: `Modifier la phase ${phaseTitle}` }).click();
  await page.getByRole('checkbox', { name: 'Publier les résultats' }).check();
  await page.getByRole('button', { name: 'Enregistrer la phase' }).click();
  await expect(page.getByRole('status').filter({ hasText: `La phase « ${phaseTitle} » a été enregistrée.` })).toBeVisible();
});

test('a resident answers the survey: a required question left empty is reported first, a draft is kept, the results are read', async ({
  page,
  request,
}) => {
  const phaseTitle = 'Votre avis sur le vélo';
  const setup = await projectWithPhase(request, 'survey', phaseTitle, 'confirmed_email');
  const { projectId, phaseId, title } = setup;
  await cyclingSurvey(request, setup);
  const resident = await person(request, 'Rania');
  const residentPage = page;

  // ---- A resident answers; a required question left empty is reported first.
  await logIn(residentPage, resident.email, password, `/projects/${projectId}`);
  await expect(residentPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(residentPage.getByRole('region', { name: 'Que puis-je faire maintenant ?' })).toContainText(
    'répondez dans la section « Questionnaire »',
  );
  await expectAccessible(residentPage, 'project page: survey running');
  await residentPage
    .getByRole('region', { name: 'Questionnaire', exact: true })
    .getByRole('link', { name: 'Répondre à l’enquête' })
    .click();
  await expect(residentPage.getByRole('heading', { level: 1, name: `Questionnaire : ${phaseTitle}` })).toBeFocused();
  await expectAccessible(residentPage, 'survey form');

  const how = residentPage.getByRole('group', { name: '1. Comment venez-vous en ville ? (obligatoire)' });
  await how.getByRole('radio', { name: 'À vélo' }).check();
  await residentPage.getByRole('button', { name: 'Envoyer' }).click();
  const summary = residentPage.locator('.survey-form > .alert--error');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Une question demande votre attention :');
  const satisfied = residentPage.getByRole('group', { name: '3. Êtes-vous satisfait des pistes ? (obligatoire)' });
  await expect(satisfied).toHaveAccessibleDescription(/Répondez à cette question : elle est obligatoire\./);
  await expectAccessible(residentPage, 'survey form (required question empty)');
  await screenshot(residentPage, '/tmp/participation-survey-errors.png');
  await summary.getByRole('link', { name: /Question 3/ }).click();
  await expect(satisfied).toBeFocused();

  await satisfied.getByRole('radio', { name: '4' }).check();
  // A draft keeps what is there, to finish later.
  await residentPage.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(residentPage.getByRole('status').filter({ hasText: /^Brouillon enregistré à / })).toBeVisible();
  await residentPage.goto(`/projects/${projectId}`);
  await expect(residentPage.getByRole('region', { name: 'Questionnaire', exact: true })).toContainText(
    'Vous avez un brouillon, enregistré le',
  );
  await residentPage.getByRole('link', { name: 'Reprendre le questionnaire' }).click();
  await expect(satisfied.getByRole('radio', { name: '4' })).toBeChecked();
  await expect(how.getByRole('radio', { name: 'À vélo' })).toBeChecked();
  const days = residentPage.getByRole('group', { name: '2. Quels jours ?' });
  await days.getByRole('checkbox', { name: 'Samedi' }).check();
  await days.getByRole('checkbox', { name: 'Dimanche' }).check();
  await residentPage.getByRole('textbox', { name: '4. Une suggestion ?' }).fill('Plus de pistes cyclables');
  await residentPage.getByRole('button', { name: 'Envoyer' }).click();
  await expect(residentPage.getByText('Merci ! Votre réponse a été envoyée.')).toBeVisible();
  const mine = residentPage.getByRole('region', { name: 'Vos réponses' });
  await expect(mine).toContainText('À vélo');
  await expect(mine).toContainText('Samedi ; Dimanche');
  await expectAccessible(residentPage, 'survey answered');
  await screenshot(residentPage, '/tmp/participation-survey-answered.png');

  // Coming back: already answered, read-only.
  await residentPage.goto(`/projects/${projectId}/phases/${phaseId}/survey`);
  await expect(residentPage.getByText('Vous avez déjà répondu')).toBeVisible();
  await expect(residentPage.getByRole('button', { name: 'Envoyer' })).toHaveCount(0);

  // The published results for residents: one answer is too few to be broken down.
  await residentPage.goto(`/projects/${projectId}`);
  await residentPage
    .getByRole('region', { name: 'Questionnaire', exact: true })
    .getByRole('link', { name: 'Voir les résultats du questionnaire' })
    .click();
  await expect(residentPage.getByRole('heading', { level: 1, name: `Résultats : ${phaseTitle}` })).toBeVisible();
  await expect(residentPage.getByText(/Moins de 5 réponses à cette question/).first()).toBeVisible();
  await expect(residentPage.getByRole('button', { name: 'Télécharger le CSV' })).toHaveCount(0);
  await expectAccessible(residentPage, 'survey results (resident)');
});

test('the moderator reads the survey results and downloads every response as CSV', async ({ page, request }) => {
  const phaseTitle = 'Votre avis sur le vélo';
  const setup = await projectWithPhase(request, 'survey', phaseTitle, 'confirmed_email');
  const { projectId, phaseId, moderator } = setup;
  const { question, option } = await cyclingSurvey(request, setup);
  const resident = await person(request, 'Rania');
  const how = question('Comment venez-vous en ville ?');
  const days = question('Quels jours ?');
  const answered = await request.post(`/api/v1/phases/${phaseId}/responses`, {
    headers: bearer(await tokenFor(request, resident.email, password)),
    data: {
      answers: [
        { questionId: how.id, optionIds: [option(how, 'À vélo')] },
        { questionId: days.id, optionIds: [option(days, 'Samedi'), option(days, 'Dimanche')] },
        { questionId: question('Êtes-vous satisfait des pistes ?').id, number: 4 },
        { questionId: question('Une suggestion ?').id, text: 'Plus de pistes cyclables' },
      ],
    },
  });
  expect(answered.ok(), await answered.text()).toBe(true);
  await logIn(page, moderator.email, password, `/admin/projects/${projectId}/phases/${phaseId}/survey`);

  // ---- The moderator reads everything and downloads the CSV.
  await page.getByRole('link', { name: 'Voir les résultats' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Résultats : ${phaseTitle}` })).toBeVisible();
  await expect(page.getByText('1 réponse envoyée')).toBeVisible();
  const choices = page.getByRole('table', { name: 'Question 1 : réponses par choix' });
  await expect(choices.getByRole('row').filter({ hasText: 'À vélo' })).toContainText('1');
  await expect(
    page.getByRole('img', { name: /^Graphique de la question « Comment venez-vous en ville \? » : À vélo, 1 ; À pied, 0/ }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Réponses écrites à la question 4, les plus récentes d’abord' })).toContainText(
    'Plus de pistes cyclables',
  );
  await expectAccessible(page, 'survey results (moderator)');
  await screenshot(page, '/tmp/participation-survey-results.png');

  await page.getByLabel('Langue des en-têtes et des choix').selectOption('fr');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: /Fichier « .*\.csv » téléchargé\./ })).toBeVisible();
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.split(/\r?\n/).filter((line) => line.trim());
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain('response_id');
  expect(lines[0]).toContain('Comment venez-vous en ville ?');
  expect(lines[0]).toContain('Une suggestion ?');
  expect(lines[1]).toContain('À vélo');
  expect(lines[1]).toContain('Plus de pistes cyclables');
});

test('a poll on the project page: answered in one click, results at once, changed and withdrawn; visitors without an account too', async ({
  page,
  browser,
  request,
}) => {
  const phaseTitle = 'Sondage éclair';
  const setup = await projectWithPhase(request, 'poll', phaseTitle, 'registered');
  const { projectId } = setup;
  await saveAndPublish(
    request,
    setup,
    [
      {
        type: 'single_choice',
        title: { fr: 'Quel jour pour la fête ?' },
        required: true,
        settings: {},
        options: [{ label: { fr: 'Samedi' } }, { label: { fr: 'Dimanche' } }],
      },
    ],
    { permissions: { answer: 'everyone' } },
  );
  const voter = await person(request, 'Paul');

  await logIn(page, voter.email, password, `/projects/${projectId}`);
  const poll = page.getByRole('region', { name: 'Sondage', exact: true });
  await expect(poll.getByRole('group', { name: '1. Quel jour pour la fête ? (obligatoire)' })).toBeVisible();
  await expectAccessible(page, 'project page: poll');
  await poll.getByRole('radio', { name: 'Dimanche' }).check();
  await poll.getByRole('button', { name: 'Voter' }).click();
  await expect(poll.getByRole('status')).toHaveText('Merci ! Votre réponse est enregistrée.');
  await expect(poll.getByRole('heading', { name: 'Résultats du sondage' })).toBeVisible();
  await expect(poll.getByText('1 réponse envoyée')).toBeVisible();
  await expectAccessible(page, 'project page: poll answered');
  await screenshot(page, '/tmp/participation-poll-answered.png');

  await poll.getByRole('radio', { name: 'Samedi' }).check();
  await poll.getByRole('button', { name: 'Changer ma réponse' }).click();
  await expect(poll.getByRole('status')).toHaveText('Votre réponse a été modifiée.');
  await page.reload();
  await expect(poll.getByRole('radio', { name: 'Samedi' })).toBeChecked();
  await poll.getByRole('button', { name: 'Retirer ma réponse' }).click();
  await expect(poll.getByRole('status')).toHaveText('Votre réponse a été retirée.');
  await expect(poll.getByRole('button', { name: 'Voter' })).toBeVisible();
  await expect(poll.getByRole('radio', { name: 'Samedi' })).not.toBeChecked();

  // A visitor without an account answers too (the browser's random token), and finds the answer again after a reload.
  const visitorPage = await newPage(browser, watchCsp, { acceptDownloads: true });
  await visitorPage.goto(`/projects/${projectId}`);
  const visitorPoll = visitorPage.getByRole('region', { name: 'Sondage', exact: true });
  await visitorPoll.getByRole('radio', { name: 'Samedi' }).check();
  await visitorPoll.getByRole('button', { name: 'Voter' }).click();
  await expect(visitorPoll.getByRole('status')).toHaveText('Merci ! Votre réponse est enregistrée.');
  await expect(visitorPoll.getByRole('heading', { name: 'Résultats du sondage' })).toBeVisible();
  const token = await visitorPage.evaluate(() => window.localStorage.getItem('participation.respondentToken'));
  expect(token).toMatch(/^[0-9a-f]{64}$/);
  await visitorPage.reload();
  await expect(visitorPoll.getByRole('radio', { name: 'Samedi' })).toBeChecked();
  await expect(visitorPoll.getByRole('button', { name: 'Changer ma réponse' })).toBeVisible();
  await expectAccessible(visitorPage, 'project page: poll answered without an account');
  await visitorPage.context().close();
});

import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, bearer, dayUtc, password, registerConfirmed, tokenFor } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn } from './support/pages';
import { tag, unique } from './support/text';

failOnCspViolations();

/** A published project in an ideation phase, an idea by Alice with two comments by Chloé, one of them liked by Alice. */
async function conversation(request: APIRequestContext) {
  const auth = bearer(await adminToken(request));
  const department = await request.post('/api/v1/departments', { data: { name: { fr: unique('Quartiers') } }, headers: auth });
  const departmentId = ((await department.json()) as { id: string }).id;
  const title = unique('La place en fête');
  const project = await request.post('/api/v1/projects', { data: { departmentId, title: { fr: title } }, headers: auth });
  const projectId = ((await project.json()) as { id: string }).id;
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    headers: auth,
    data: { title: { fr: 'Vos idées' }, startsAt: dayUtc(-3), endsAt: dayUtc(14), method: 'ideation', settings: {} },
  });
  expect(phase.status()).toBe(201);
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);
  const people = await Promise.all(
    ['Alice', 'Chloe'].map(async (firstName) => {
      const email = `e2e-profile-${firstName.toLowerCase()}-${tag()}@example.test`;
      await registerConfirmed(request, { email, firstName, lastName: `Voisin${tag()}` });
      return bearer(await tokenFor(request, email, password));
    }),
  );
  const [alice, chloe] = people;
  const idea = await request.post(`/api/v1/projects/${projectId}/ideas`, {
    headers: alice,
    data: { title: unique('Un marché du dimanche'), body: '<p>Sur la place.</p>' },
  });
  expect(idea.status()).toBe(201);
  const { id: ideaId, slug } = (await idea.json()) as { id: string; slug: string };
  const comment = async (body: string) => {
    const posted = await request.post(`/api/v1/ideas/${ideaId}/comments`, { headers: chloe, data: { body } });
    expect(posted.status()).toBe(201);
    return ((await posted.json()) as { id: string }).id;
  };
  await comment('Premier avis, pas encore aimé');
  const liked = await comment('Deuxième avis, déjà aimé');
  expect((await request.put(`/api/v1/comments/${liked}/like`, { headers: alice })).ok()).toBe(true);
  return { projectId, title, ideaId, slug };
}

test('a resident likes a comment, sorts by most liked and follows the project', async ({ page, request }) => {
  const { projectId, title, ideaId } = await conversation(request);
  const email = `e2e-profile-dora-${tag()}@example.test`;
  await registerConfirmed(request, { email, firstName: 'Dora', lastName: `Lectrice${tag()}` });
  await logIn(page, email, password, `/projects/${projectId}/ideas/${ideaId}`);

  const comments = page.getByRole('region', { name: /^Commentaires/ });
  await expect(comments.getByText('Premier avis, pas encore aimé')).toBeVisible();
  // Oldest first by default; most liked puts the liked one first.
  await expect(comments.locator('.comment').first()).toContainText('Premier avis, pas encore aimé');
  await comments.getByLabel('Trier les commentaires').selectOption({ label: 'Les plus aimés' });
  await expect(comments.locator('.comment').first()).toContainText('Deuxième avis, déjà aimé');

  // Dora likes the other one with the keyboard: a pressed toggle with its new count.
  const like = comments.getByRole('button', { name: /J’aime le commentaire de Chloe .* \(0 j’aime\)/ });
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await like.focus();
  await page.keyboard.press('Enter');
  await expect(comments.getByRole('button', { name: /\(1 j’aime\)/ })).toHaveCount(2);
  await expect(comments.locator('.comment__like[aria-pressed="true"]')).toHaveCount(1);
  await expectAccessible(page, 'idea page with liked comments, most liked first');

  // The project page: follow it.
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const follow = page.getByRole('button', { name: 'Suivre ce projet' });
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await follow.click();
  await expect(page.getByRole('status').filter({ hasText: 'Vous suivez ce projet.' })).toBeVisible();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page, 'project page followed');
});

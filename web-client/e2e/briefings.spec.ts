import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { admin } from './support/admin';
import { adminToken, bearer, createDepartment, createdId, dayUtc, grantRole, registerConfirmed } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { leafParts, mailDir, waitForRaw } from './support/mail';
import { logIn, subnav } from './support/pages';
import { unique, uniqueEmail } from './support/text';

failOnCspViolations();

test('an admin previews an elected official’s briefing, sends it now, and the e-mail carries its charts as inline PNG images with alt texts', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // A department with a published project and an idea in the current period, and its elected official.
  const auth = bearer(await adminToken(request));
  const departmentName = unique('Culture');
  const departmentId = await createDepartment(request, auth, departmentName);
  const projectId = await createdId(
    await request.post('/api/v1/projects', { data: { departmentId, title: { fr: unique('Programme culturel') } }, headers: auth }),
  );
  await createdId(
    await request.post(`/api/v1/projects/${projectId}/phases`, {
      headers: auth,
      data: {
        title: { fr: 'Vos envies' },
        method: 'ideation',
        startsAt: dayUtc(-2),
        endsAt: dayUtc(20),
        settings: { permissions: { postIdea: 'registered' } },
      },
    }),
  );
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);
  const ideaTitle = unique('Des concerts au parc');
  await createdId(
    await request.post(`/api/v1/projects/${projectId}/ideas`, { headers: auth, data: { title: ideaTitle, body: '<p>Cet été.</p>' } }),
  );
  const official = { email: uniqueEmail('elu'), firstName: 'Hélène', lastName: unique('Moreau') };
  const officialId = await registerConfirmed(request, official);
  await grantRole(request, auth, officialId, { role: 'elected_official', scopeType: 'department', scopeId: departmentId });
  const name = `${official.firstName} ${official.lastName}`;

  await logIn(page, admin.email, admin.password, '/admin');
  await subnav(page).getByRole('link', { name: 'Briefings des élus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Briefings des élus' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Calendrier' })).toBeVisible();
  await expect(page.getByLabel('Fréquence')).toHaveValue('quarterly');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row.getByRole('cell', { name: departmentName })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Abonné·e' })).toBeVisible();
  await expectAccessible(page, 'briefings page');

  // The preview: subject, the e-mail framed, the charts' alt texts stating their data.
  await row.getByRole('button', { name: `Aperçu du briefing de ${name}` }).click();
  const preview = page.getByRole('dialog', { name: `Aperçu : ${name}` });
  await expect(preview.getByTestId('briefing-subject')).toHaveText(new RegExp(`^Briefing ${departmentName} : du `));
  const frame = page.frameLocator(`iframe[title="Aperçu de l’e-mail de ${name}"]`);
  await expect(frame.getByText(ideaTitle)).toBeVisible();
  await expect(frame.getByRole('img', { name: /^Participants par semaine, à partir de la semaine du .*: [\d, ]+\.$/ })).toBeVisible();
  await expect(preview.getByText(/Participants par semaine, à partir de la semaine du/)).toBeVisible();
  const subject = (await preview.getByTestId('briefing-subject').textContent()) ?? '';
  // The dialog around the preview (the e-mail in its sandboxed frame runs no script: axe cannot enter it; its images'
  // alt texts are checked above and in the .eml below).
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).exclude('iframe').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await preview.getByRole('button', { name: 'Fermer' }).click();

  // Send now, after a confirmation; the page says what happened.
  await row.getByRole('button', { name: `Envoyer maintenant le briefing de ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Envoyer le briefing maintenant ?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Briefing envoyé à ${name}.` })).toBeVisible();
  await expect(row.getByRole('cell', { name: /^Envoyé \(/ })).toBeVisible();
  const log = page.getByRole('table', { name: 'Briefings produits, du plus récent au plus ancien' });
  await expect(log.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) })).toContainText('Envoi immédiat');

  // The e-mail: to the official, the same subject, its charts as inline PNG parts named in the HTML with their alt texts.
  const raw = await waitForRaw(mailDir, official.email, new RegExp(`^Briefing ${departmentName}`));
  expect(raw).toMatch(new RegExp(`Subject: ${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  expect(raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  const parts = leafParts(raw);
  const images = parts.filter((p) => (p.headers.get('content-type') ?? '').startsWith('image/png'));
  expect(images.length).toBeGreaterThanOrEqual(1);
  const html = parts.find((p) => (p.headers.get('content-type') ?? '').startsWith('text/html'))!.content.toString('utf8');
  for (const image of images) {
    expect([...image.content.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const id = (image.headers.get('content-id') ?? '').replace(/^<|>$/g, '');
    expect(html).toContain(`src="cid:${id}"`);
  }
  expect(html).toMatch(/<img src="cid:participants-per-week@briefing" alt="Participants par semaine, &#224; partir de la semaine du /);
  expect(html).toContain(ideaTitle);
});

import { expect, test } from '@playwright/test';
import { password, publishedIdeationProject, registerConfirmed } from './support/api';
import { expectAccessible } from './support/axe';
import { failOnCspViolations } from './support/csp';
import { logIn } from './support/pages';
import { tag, unique } from './support/text';

failOnCspViolations();

// A 1 × 1 PNG: the server decodes it, encodes it anew and makes its thumbnail.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('a resident adds a photo with its description to a new idea and sees it on the idea page', async ({ page, request }) => {
  const { projectId } = await publishedIdeationProject(
    request,
    { department: 'Parcs', project: 'Nos parcs' },
    { permissions: { postIdea: 'confirmed_email', comment: 'confirmed_email', react: 'confirmed_email' } },
  );
  const email = `e2e-photos-${tag()}@example.test`;
  await registerConfirmed(request, { email, firstName: 'Alice', lastName: `Photo${tag()}` });
  const title = unique('Un banc près de l’étang');

  await logIn(page, email, password, `/projects/${projectId}/ideas/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'Proposer une idée' })).toBeVisible();
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Description').fill('Un banc à l’ombre pour regarder les canards.');
  await expect(page.getByText(/Au plus 6 fichiers/)).toBeVisible();
  await page.getByLabel('Ajouter des photos ou des PDF').setInputFiles({ name: 'banc.png', mimeType: 'image/png', buffer: png });

  // Without its description the photo is refused beside its field.
  await page.getByRole('button', { name: 'Publier mon idée' }).click();
  const alt = page.getByLabel('Description de la photo « banc.png »');
  await expect(alt).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'post an idea with a photo: missing description');
  await alt.fill('Le vieux banc sous le saule');
  await page.getByRole('button', { name: 'Publier mon idée' }).click();

  // The idea's page shows the photo's thumbnail, with its description, linking to the full image.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const photos = page.getByRole('region', { name: 'Photos et documents' });
  const image = photos.getByRole('img', { name: 'Le vieux banc sous le saule' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await expect(photos.getByRole('link')).toHaveAttribute('href', /\/api\/v1\/ideas\/[0-9a-f-]+\/attachments\/[0-9a-f-]+$/);
  await expectAccessible(page, 'idea page with a photo');
});

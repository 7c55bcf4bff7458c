import { expect, test, type Page } from '@playwright/test';
import { adminToken, bearer, createDepartment, createdId } from './support/api';
import { unique } from './support/text';

/**
 * The first load of the production build, measured in this Chromium and printed (the README quotes it): the
 * JavaScript and everything transferred until the page is settled, and the Largest Contentful Paint. Times depend on
 * the machine, so nothing here asserts them; the size budget is checked by scripts/bundle-budget.mjs in `make test`.
 */
async function measure(page: Page, path: string, ready: () => Promise<void>) {
  await page.goto(path);
  await ready();
  await page.waitForLoadState('networkidle');
  return page.evaluate(
    () =>
      new Promise<{ lcp: number; js: number; jsFiles: number; transfer: number }>((resolve) => {
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const scripts = resources.filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'));
        const js = scripts.reduce((sum, r) => sum + r.transferSize, 0);
        const transfer = resources.reduce((sum, r) => sum + r.transferSize, navigation.transferSize);
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve({ lcp: entries[entries.length - 1].startTime, js, jsFiles: scripts.length, transfer });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
}

test('first load of the home page and a project page (printed, not asserted)', async ({ browser, request }) => {
  const auth = bearer(await adminToken(request));
  const departmentId = await createDepartment(request, auth, unique('Mesures'));
  const title = unique('Un projet à mesurer');
  const projectId = await createdId(
    await request.post('/api/v1/projects', {
      headers: auth,
      data: { departmentId, title: { fr: title }, summary: { fr: 'Sa page est mesurée au premier chargement.' } },
    }),
  );
  expect((await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth })).ok()).toBe(true);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const [label, path, ready] of [
    ['home page', '/fr/', (page: Page) => expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible()],
    [
      'project page',
      `/fr/projects/${projectId}`,
      (page: Page) => expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible(),
    ],
  ] as const) {
    // A new context each time: an empty cache, as a first visit.
    const context = await browser.newContext();
    const page = await context.newPage();
    const m = await measure(page, path, () => ready(page));
    console.log(
      `first load, ${label}: JS ${m.jsFiles} files ${kb(m.js)} transferred, everything ${kb(m.transfer)}, LCP ${Math.round(m.lcp)} ms`,
    );
    await context.close();
  }
});

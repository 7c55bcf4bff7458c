import { expect, test, type Page } from '@playwright/test';

/**
 * The preview server sends a strict CSP: anything it blocks (inline script or style) fails the test.
 * Call once at the top of a spec file: it installs the file's hooks, which watch each test's `page`, and
 * returns `watchCsp` for the other pages a test opens (in other browser contexts).
 */
export function failOnCspViolations(): (page: Page) => void {
  let violations: string[] = [];
  const watchCsp = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  };
  test.beforeEach(({ page }) => {
    violations = [];
    watchCsp(page);
  });
  test.afterEach(() => {
    expect(violations, 'CSP violations').toEqual([]);
  });
  return watchCsp;
}

import { expect, test, type Page } from '@playwright/test';
import { CITY_HOST_SUFFIX } from './browser-config';

/** Whether a request stays on the machine: loopback (a city's test host name resolves to it), or no network at all
 * (data:, blob:, about:). */
export function staysOnMachine(address: string): boolean {
  const url = new URL(address);
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ws:' && url.protocol !== 'wss:') return true;
  return (
    url.hostname === 'localhost' ||
    url.hostname === '[::1]' ||
    /^127\.\d+\.\d+\.\d+$/.test(url.hostname) ||
    url.hostname.endsWith(CITY_HOST_SUFFIX)
  );
}

/**
 * The preview server sends a strict CSP: anything it blocks (inline script or style) fails the test. A request that
 * would leave the machine (a public tile server, a font, an image by its address) fails it too: the tests talk to
 * loopback only. Call once at the top of a spec file: it installs the file's hooks, which watch each test's `page`,
 * and returns `watchCsp` for the other pages a test opens (in other browser contexts).
 */
export function failOnCspViolations(): (page: Page) => void {
  let violations: string[] = [];
  let outside: string[] = [];
  const watchCsp = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('request', (request) => {
      if (!staysOnMachine(request.url())) outside.push(request.url());
    });
  };
  test.beforeEach(({ page }) => {
    violations = [];
    outside = [];
    watchCsp(page);
  });
  test.afterEach(() => {
    expect(violations, 'CSP violations').toEqual([]);
    expect(outside, 'requests leaving the machine').toEqual([]);
  });
  return watchCsp;
}

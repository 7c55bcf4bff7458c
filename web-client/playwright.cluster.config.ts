import { defineConfig } from '@playwright/test';
import { debianChromium } from './e2e/support/chromium';

/**
 * The browser check of `make run-cluster` (e2e/cluster/): the built web app and two API instances behind nginx, started
 * by the same script on a throwaway database with the demo city, which runs this and stops everything after:
 *
 *   .ci/run-cluster.sh --check npx --prefix web-client playwright test -c playwright.cluster.config.ts
 *
 * (`make test` does it, .ci/test.sh). CLUSTER_URL is nginx's address.
 */
const clusterUrl = process.env.CLUSTER_URL;
if (!clusterUrl) throw new Error('CLUSTER_URL must be set: run it through .ci/run-cluster.sh --check (see playwright.cluster.config.ts).');

export default defineConfig({
  testDir: './e2e/cluster',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: clusterUrl,
    headless: true,
    trace: 'retain-on-failure',
    locale: 'fr-BE',
  },
  projects: [debianChromium],
});

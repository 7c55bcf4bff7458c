import { defineConfig } from '@playwright/test';
import { browserConfig } from './e2e/support/browser-config';

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

export default defineConfig({ ...browserConfig(clusterUrl), testDir: './e2e/cluster' });

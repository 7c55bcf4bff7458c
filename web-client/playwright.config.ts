import { isAbsolute } from 'node:path';
import { defineConfig } from '@playwright/test';
import { apiArgs, apiProject } from './e2e/support/api-process';
import { browserConfig, CITY_HOST_SUFFIX } from './e2e/support/browser-config';
import { geocoderUrl } from './e2e/support/geocoder';

/**
 * End-to-end tests against the real API (port 5081, its own database) and the production build
 * served by `vite preview` (port 4173). Build the API first: `dotnet build ../api/Participation.Api`.
 *
 *   E2E_DATABASE_URL='Host=127.0.0.1;Port=54320;Username=postgres;Database=participation_e2e' \
 *   MAIL_DIR=/tmp/e2e-mail npm run e2e
 */
function required(name: string, check?: (value: string) => string | null): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set to run the end-to-end tests (see playwright.config.ts).`);
  const problem = check?.(value);
  if (problem) throw new Error(`${name}: ${problem}`);
  return value;
}

const databaseUrl = required('E2E_DATABASE_URL');
const mailDir = required('MAIL_DIR', (v) => (isAbsolute(v) ? null : 'must be an absolute path'));
/** Ports can be moved (E2E_WEB_PORT, E2E_API_PORT) when two runs share a machine. */
const webPort = process.env.E2E_WEB_PORT ?? '4173';
const apiPort = process.env.E2E_API_PORT ?? '5081';
const appUrl = `http://127.0.0.1:${webPort}`;
const apiUrl = `http://127.0.0.1:${apiPort}`;
const tilesPort = process.env.E2E_TILES_PORT ?? '5088';
const tilesUrl = `http://127.0.0.1:${tilesPort}`;
const tileUrl = `${tilesUrl}/{z}/{x}/{y}.png`;

export default defineConfig({
  ...browserConfig(appUrl),
  testDir: './e2e',
  // e2e/cluster/: against `make run-cluster`'s nginx and two API instances (playwright.cluster.config.ts).
  testIgnore: 'cluster/**',
  globalSetup: './e2e/support/global-setup.ts',
  webServer: [
    {
      command: ['dotnet', ...apiArgs, '--urls', apiUrl].join(' '),
      cwd: apiProject, // its content root, as with `dotnet run` (appsettings.*.json)
      url: `${apiUrl}/health/ready`,
      // A limit, not a wait: start-up (migrations on an empty database) takes a few seconds idle, a minute or more
      // when the two cores are busy with other builds.
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        ASPNETCORE_ENVIRONMENT: 'Development',
        ConnectionStrings__Participation: databaseUrl,
        Email__PickupDirectory: mailDir,
        Email__AppBaseUrl: appUrl,
        Email__PollSeconds: '1',
        Jobs__NotificationPollSeconds: '1',
        Logging__LogLevel__Default: 'Warning',
        RateLimits__AuthPermits: '1000',
        Http__CorsOrigins__0: appUrl,
        // Webhooks: the e2e receiver listens on loopback over http (refused otherwise); jobs every second.
        Webhooks__AllowedNetworks__0: '127.0.0.0/8',
        Webhooks__AllowInsecureHttp: 'true',
        Webhooks__PollSeconds: '1',
        // Exports: the job looks for queued exports every second.
        Exports__PollSeconds: '1',
        // Address search: a fake Nominatim on loopback, started by the specs that search (e2e/support/geocoder.ts).
        Geocoder__Url: geocoderUrl,
        Geocoder__Kind: 'nominatim',
        // Map tiles: the loopback tile server below, never a public one.
        Map__TileUrl: tileUrl,
      },
    },
    {
      // The production build without `tsc -b` (`make test` type-checks before the unit tests; here it would double
      // the work), served by `vite preview` with the production CSP.
      command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${webPort} --strictPort`,
      url: appUrl,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      // The cities' own addresses in the journeys resolve to loopback (e2e/support/browser-config.ts).
      env: { API_URL: apiUrl, MAP_TILE_URL: tileUrl, ALLOWED_HOSTS: CITY_HOST_SUFFIX },
    },
    {
      // Map tiles on loopback (scripts/e2e-tile-server.mjs): maps draw without a request leaving the machine.
      command: `node scripts/e2e-tile-server.mjs`,
      url: `${tilesUrl}/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { E2E_TILES_PORT: tilesPort },
    },
  ],
});

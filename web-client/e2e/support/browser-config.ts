import { devices, type PlaywrightTestConfig } from '@playwright/test';

/**
 * Host names under this suffix are the cities' own addresses in the journeys (e.g. « liege-x1.ville.test »): Chromium
 * resolves every one of them to loopback (--host-resolver-rules), so a city answers on its own host name, as in
 * production, without a request leaving the machine.
 */
export const CITY_HOST_SUFFIX = '.ville.test';

/**
 * What both Playwright configurations share (playwright.config.ts, playwright.cluster.config.ts): one test at a time,
 * French, against `baseURL`, in Debian's Chromium (/usr/bin/chromium, headless), never a downloaded browser, and
 * nothing it does on its own leaves the machine (the cities' host names resolve to loopback).
 */
export function browserConfig(baseURL: string): PlaywrightTestConfig {
  return {
    fullyParallel: false,
    workers: 1,
    retries: 0,
    timeout: 90_000,
    expect: { timeout: 10_000 },
    reporter: 'list',
    forbidOnly: !!process.env.CI,
    use: { baseURL, headless: true, trace: 'retain-on-failure', locale: 'fr-BE' },
    projects: [
      {
        name: 'chromium',
        use: {
          ...devices['Desktop Chrome'],
          launchOptions: {
            executablePath: '/usr/bin/chromium',
            args: [
              '--no-sandbox',
              '--disable-gpu',
              '--disable-background-networking',
              '--disable-component-update',
              '--disable-quic',
              '--no-first-run',
              '--disable-sync',
              `--host-resolver-rules=MAP *${CITY_HOST_SUFFIX} 127.0.0.1`,
            ],
          },
        },
      },
    ],
  };
}

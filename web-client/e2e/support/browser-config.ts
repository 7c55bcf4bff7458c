import { devices, type PlaywrightTestConfig } from '@playwright/test';

/**
 * What both Playwright configurations share (playwright.config.ts, playwright.cluster.config.ts): one test at a time,
 * French, against `baseURL`, in Debian's Chromium (/usr/bin/chromium, headless), never a downloaded browser, and
 * nothing it does on its own leaves the machine.
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
            ],
          },
        },
      },
    ],
  };
}

import { devices, type Project } from '@playwright/test';

/** Debian's Chromium (/usr/bin/chromium, headless), never a downloaded browser; nothing it does on its own leaves the machine. */
export const debianChromium: Project = {
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
};

import { execFileSync } from 'node:child_process';
import { apiArgs, apiProject } from './api-process';

export const admin = { email: 'admin-e2e@example.org', password: 'e2e-admin-password' };

/**
 * The first admin cannot be made from the browser: the API's CLI creates it (idempotent). Run once for the whole
 * suite by global-setup.ts.
 */
export function createAdmin() {
  execFileSync(
    'dotnet',
    [...apiArgs, 'create-admin', '--email', admin.email, '--first-name', 'Ada', '--last-name', 'Admin', '--password', admin.password],
    {
      cwd: apiProject,
      env: {
        ...process.env,
        ASPNETCORE_ENVIRONMENT: 'Development',
        ConnectionStrings__Participation: process.env.E2E_DATABASE_URL,
        Email__PickupDirectory: process.env.MAIL_DIR,
        Logging__LogLevel__Default: 'Warning',
      },
      stdio: 'pipe',
      timeout: 120_000,
    },
  );
}

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const admin = { email: 'admin-e2e@example.org', password: 'e2e-admin-password' };

/**
 * The first admin cannot be made from the browser: the API's CLI creates it (idempotent). Run once for the whole
 * suite by global-setup.ts. The built binary is run directly: `dotnet run` would evaluate the project first, which
 * costs seconds (tens on a loaded machine).
 */
export function createAdmin() {
  const project = resolve(process.env.E2E_API_PROJECT ?? '../api');
  const dll = resolve(project, 'bin/Debug/net10.0/Participation.Api.dll');
  const command = existsSync(dll) ? [dll] : ['run', '--project', project, '--no-build', '--no-launch-profile', '--'];
  execFileSync(
    'dotnet',
    [...command, 'create-admin', '--email', admin.email, '--first-name', 'Ada', '--last-name', 'Admin', '--password', admin.password],
    {
      cwd: project,
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

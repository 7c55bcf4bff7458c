import { execFileSync } from 'node:child_process';

export const admin = { email: 'admin-e2e@example.org', password: 'e2e-admin-password' };

/** The first admin cannot be made from the browser: the API's CLI creates it (idempotent). Call in beforeAll. */
export function createAdmin() {
  execFileSync(
    'dotnet',
    ['run', '--project', process.env.E2E_API_PROJECT ?? '../api', '--no-build', '--no-launch-profile', '--', 'create-admin',
      '--email', admin.email, '--first-name', 'Ada', '--last-name', 'Admin', '--password', admin.password],
    {
      env: {
        ...process.env,
        ASPNETCORE_ENVIRONMENT: 'Development',
        ConnectionStrings__Participation: process.env.E2E_DATABASE_URL,
        Email__PickupDirectory: process.env.MAIL_DIR,
      },
      stdio: 'pipe',
      timeout: 120_000,
    },
  );
}

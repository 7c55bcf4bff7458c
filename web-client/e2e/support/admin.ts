import { runApiCommand } from './api-process';

export const admin = { email: 'admin-e2e@example.org', password: 'e2e-admin-password' };

/**
 * The first admin cannot be made from the browser: the API's CLI creates it (idempotent). Run once for the whole
 * suite by global-setup.ts.
 */
export function createAdmin() {
  runApiCommand(['create-admin', '--email', admin.email, '--first-name', 'Ada', '--last-name', 'Admin', '--password', admin.password]);
}

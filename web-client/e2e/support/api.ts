import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { admin } from './admin';
import { mailDir, waitForLink } from './mail';
import { unique } from './text';

/** The password of every account the tests register. */
export const password = 'un mot de passe assez long';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A phase's instant: midnight UTC `offset` days from today. */
export function dayUtc(offset: number): string {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString();
}

export async function tokenFor(request: APIRequestContext, email: string, secret: string): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: { email, password: secret } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export const adminToken = (request: APIRequestContext) => tokenFor(request, admin.email, admin.password);

export type Auth = ReturnType<typeof bearer>;

/** The id of what a request created; it fails with the API's answer unless that is 201 Created. */
export async function createdId(response: APIResponse): Promise<string> {
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Registers someone (in French, with `password`, accepting the current terms of use unless told not to); the address is not
 * confirmed. Returns their id. */
export async function register(
  request: APIRequestContext,
  person: { email: string; firstName: string; lastName: string; acceptTerms?: boolean },
): Promise<string> {
  const { email, firstName, lastName, acceptTerms = true } = person;
  const terms = acceptTerms ? ((await (await request.get('/api/v1/consents/terms')).json()) as { version: string }).version : undefined;
  return createdId(
    await request.post('/api/v1/auth/register', {
      data: { email, password, firstName, lastName, locale: 'fr', acceptedTermsVersion: terms },
    }),
  );
}

/** Registers someone (in French, with `password`) and confirms the address by the e-mailed link, as in real life; returns their id. */
export async function registerConfirmed(
  request: APIRequestContext,
  person: { email: string; firstName: string; lastName: string; acceptTerms?: boolean },
): Promise<string> {
  const { email } = person;
  const id = await register(request, person);
  const link = await waitForLink(mailDir, email, 'confirm-email');
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token');
  const confirmed = await request.post('/api/v1/auth/confirm-email', { data: { token } });
  expect(confirmed.ok()).toBe(true);
  return id;
}

/** A department named `name` in French, created by the admin (`auth`); returns its id. */
export async function createDepartment(request: APIRequestContext, auth: Auth, name: string): Promise<string> {
  return createdId(await request.post('/api/v1/departments', { data: { name: { fr: name } }, headers: auth }));
}

/**
 * A published project (in a new department) whose current phase collects ideas, created by the admin; `settings` are the
 * phase's (permissions, map...). Returns its id and its French title.
 */
export async function publishedIdeationProject(
  request: APIRequestContext,
  titles: { department: string; project: string },
  settings: Record<string, unknown>,
): Promise<{ projectId: string; title: string }> {
  const auth = bearer(await adminToken(request));
  const departmentId = await createDepartment(request, auth, unique(titles.department));
  const title = unique(titles.project);
  const projectId = await createdId(
    await request.post('/api/v1/projects', { data: { departmentId, title: { fr: title } }, headers: auth }),
  );
  const phase = await request.post(`/api/v1/projects/${projectId}/phases`, {
    headers: auth,
    data: { title: { fr: 'Vos idées' }, startsAt: dayUtc(-3), endsAt: dayUtc(14), method: 'ideation', settings },
  });
  expect(phase.status()).toBe(201);
  const published = await request.post(`/api/v1/projects/${projectId}/status`, { data: { status: 'published' }, headers: auth });
  expect(published.ok()).toBe(true);
  return { projectId, title };
}

/** Gives a role to someone, as the admin would from the users page. */
export async function grantRole(
  request: APIRequestContext,
  auth: Auth,
  userId: string,
  grant: { role: string; scopeType: string; scopeId?: string },
) {
  const granted = await request.put(`/api/v1/users/${userId}/roles`, { data: grant, headers: auth });
  expect(granted.ok(), await granted.text()).toBe(true);
}

/** Invites one address to a role, as the admin would from the invitations page; returns the link the invitee receives. */
export async function invite(
  request: APIRequestContext,
  auth: Auth,
  invitation: { email: string; role: string; scopeType: string; scopeId?: string; message?: string },
): Promise<string> {
  const { email, ...rest } = invitation;
  const invited = await request.post('/api/v1/invitations', { data: { invitees: [{ email }], ...rest }, headers: auth });
  expect(invited.status(), await invited.text()).toBe(200);
  return waitForLink(mailDir, email, 'invitation');
}

import { expect, type APIRequestContext } from '@playwright/test';
import { admin } from './admin';
import { mailDir, waitForLink } from './mail';

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

/** Registers someone (in French, with `password`) and confirms the address by the e-mailed link, as in real life; returns their id. */
export async function registerConfirmed(request: APIRequestContext, person: { email: string; firstName: string; lastName: string }): Promise<string> {
  const { email, firstName, lastName } = person;
  const registered = await request.post('/api/v1/auth/register', { data: { email, password, firstName, lastName, locale: 'fr' } });
  expect(registered.status()).toBe(201);
  const id = ((await registered.json()) as { id: string }).id;
  const link = await waitForLink(mailDir, email, 'confirm-email');
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token');
  const confirmed = await request.post('/api/v1/auth/confirm-email', { data: { token } });
  expect(confirmed.ok()).toBe(true);
  return id;
}

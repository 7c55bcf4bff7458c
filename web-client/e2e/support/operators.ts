import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { runApiCommand } from './api-process';

export interface OperatorLogin {
  email: string;
  password: string;
  name: string;
  role: 'operator' | 'support';
}

/** The vendor's staff cannot be made from the browser: the API's CLI creates them (idempotent). */
export function createOperator(operator: OperatorLogin) {
  runApiCommand([
    'create-operator',
    '--email',
    operator.email,
    '--name',
    operator.name,
    '--role',
    operator.role,
    '--password',
    operator.password,
  ]);
}

/** The suite's operator and support person (made by the specs that need them: the CLI is idempotent). */
export const e2eOperator: OperatorLogin = {
  email: 'operator-e2e@example.org',
  password: 'e2e-operator-password',
  name: 'Olivia Operator',
  role: 'operator',
};
export const e2eSupport: OperatorLogin = {
  email: 'support-e2e@example.org',
  password: 'e2e-support-password',
  name: 'Sam Support',
  role: 'support',
};

/** The suite's own city (the install's default one). */
export const SUITE_CITY = '00000000-0000-4000-8000-000000000001';

/**
 * Gives the suite's city its own addresses (loopback) before a spec opens a city with addresses: the suite's city answers
 * on every host only as long as no city has one, and the other specs' requests must stay where they were.
 */
export async function keepSuiteCityOnLoopback(request: APIRequestContext, operator: OperatorLogin) {
  const signIn = await request.post('/api/v1/operator/auth/login', { data: { email: operator.email, password: operator.password } });
  expect(signIn.status()).toBe(200);
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const kept = await request.put(`/api/v1/operator/cities/${SUITE_CITY}/domains`, {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { domains: ['127.0.0.1', 'localhost'] },
  });
  expect(kept.status()).toBe(200);
}

/** Signs in to the vendor's console (/operator) through its form. */
export async function signInToConsole(page: Page, operator: OperatorLogin) {
  await page.goto('/operator');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion à la console' })).toBeVisible();
  await page.getByLabel('Adresse e-mail').fill(operator.email);
  await page.getByLabel('Mot de passe').fill(operator.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Villes' })).toBeVisible();
}

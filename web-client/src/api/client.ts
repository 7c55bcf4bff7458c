import type { ParticipationClient } from '@contracts/participation-client';
import { sessionStore } from '@/lib/auth/session-store';
import { currentLanguage } from '@/lib/i18n';
import { RateLimitedError, toApiError } from './errors';
import { firstLoadOperations, tokenOperations } from './first-load';

type Fetch = (url: RequestInfo, init?: RequestInit) => Promise<Response>;

/** Every call says the UI language, so the API answers validation messages in it. */
const plainFetch: Fetch = (url, init) => {
  const headers = new Headers(init?.headers);
  if (!headers.has('Accept-Language')) headers.set('Accept-Language', currentLanguage());
  return window.fetch(url, { ...init, headers });
};

function withBearer(init: RequestInit | undefined, token: string): RequestInit {
  const headers = new Headers(init?.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers };
}

function retryAfterSeconds(response: Response): number {
  const header = response.headers.get('Retry-After');
  const seconds = header ? Number.parseInt(header, 10) : Number.NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 20;
}

/** Calls that must never carry a token nor trigger a refresh: the refresh itself, logout. */
const tokenClient = tokenOperations(plainFetch);

let refreshInFlight: Promise<boolean> | null = null;

/** Other tabs learn the access token a tab obtained, so they need not refresh themselves. */
const SESSION_CHANNEL = 'participation-session';
let channel: BroadcastChannel | null = null;

function sessionChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined' || !hasLocks()) return channel;
  channel = new BroadcastChannel(SESSION_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { accessToken?: unknown } | null;
    // Adopt it only if it goes with the refresh token now stored (the tab that rotated it wrote it).
    if (typeof data?.accessToken === 'string' && sessionStore.getRefreshToken()) sessionStore.adoptAccessToken(data.accessToken);
  };
  return channel;
}

sessionChannel();

function hasLocks(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.locks?.request === 'function';
}

/** Runs `task` while holding the cross-tab refresh lock (Web Locks API), or directly where there is none. */
function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  return hasLocks() ? (navigator.locks.request('participation-refresh', task) as Promise<T>) : task();
}

/**
 * One refresh at a time: concurrent callers share the same promise, and tabs take turns through a Web
 * Lock, so a rotated refresh token is never presented twice (the API would treat that as theft and
 * revoke the family). Inside the lock the stored token is read again: when another tab rotated it
 * meanwhile and shared its access token, there is nothing left to do.
 */
export function refreshSession(): Promise<boolean> {
  sessionChannel();
  const seenRefreshToken = sessionStore.getRefreshToken();
  const seenAccessToken = sessionStore.getAccessToken();
  refreshInFlight ??= withRefreshLock(async () => {
    const refreshToken = sessionStore.getRefreshToken();
    if (!refreshToken) {
      sessionStore.clear();
      return false;
    }
    const accessToken = sessionStore.getAccessToken();
    if (refreshToken !== seenRefreshToken && accessToken && accessToken !== seenAccessToken) return true;
    try {
      const tokens = await tokenClient.refresh({ refreshToken });
      sessionStore.setTokens(tokens);
      sessionChannel()?.postMessage({ accessToken: tokens.accessToken });
      return true;
    } catch (error) {
      // Offline: keep the refresh token for a later visit, but do not pretend to be logged in.
      sessionStore.clear({ keepRefreshToken: toApiError(error).status === 0 });
      return false;
    }
  }).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/**
 * Workaround for the import of invitations: the generated client refuses an undefined optional form
 * field (so a platform role sends scopeId = ''), and the API cannot bind '' to a missing Guid. Empty
 * optional fields are dropped before sending, which the API reads as "none".
 */
const OPTIONAL_FORM_FIELDS = ['scopeId', 'message'];

function dropEmptyOptionalFormFields(init: RequestInit | undefined) {
  if (!(init?.body instanceof FormData)) return;
  for (const name of OPTIONAL_FORM_FIELDS) if (init.body.get(name) === '') init.body.delete(name);
}

/** Adds the bearer token; on a 401 to an authenticated call, refreshes once and retries. */
export const authFetch: Fetch = async (url, init) => {
  dropEmptyOptionalFormFields(init);
  const token = sessionStore.getAccessToken();
  let response = await plainFetch(url, token ? withBearer(init, token) : init);
  if (response.status === 401 && token) {
    const refreshed = await refreshSession();
    const next = sessionStore.getAccessToken();
    if (refreshed && next) response = await plainFetch(url, withBearer(init, next));
  }
  if (response.status === 429) throw new RateLimitedError(retryAfterSeconds(response));
  return response;
};

let generated: Promise<ParticipationClient> | null = null;

/**
 * The generated client (contracts/typescript, ~23 KB gzipped): a chunk of its own, loaded on its first use; every
 * page but the home page starts loading it with its code (src/app/router.tsx). A failed load is tried again next time.
 */
export function loadClient(): Promise<ParticipationClient> {
  generated ??= import('@contracts/participation-client').then(
    ({ ParticipationClient: Client }) => new Client('', { fetch: authFetch }),
    (error: unknown) => {
      generated = null;
      throw error;
    },
  );
  return generated;
}

const firstLoad: Partial<Record<string | symbol, unknown>> = firstLoadOperations(authFetch);

/**
 * The API as the generated client's type says (`api.listProjects(…)`): the first load's operations are at hand
 * (src/api/first-load.ts), any other loads the generated client first and calls it.
 */
export const api = new Proxy(firstLoad, {
  get(target, name) {
    if (name in target) return target[name];
    if (typeof name !== 'string' || name === 'then') return undefined;
    return (...args: unknown[]) =>
      loadClient().then((client) =>
        (client[name as keyof ParticipationClient] as (...a: unknown[]) => Promise<unknown>).apply(client, args),
      );
  },
}) as unknown as ParticipationClient;

/** Ends the session on the server (best effort) and in the browser. */
export async function endSession(): Promise<void> {
  const refreshToken = sessionStore.getRefreshToken();
  try {
    if (refreshToken) await tokenClient.logout({ refreshToken });
  } finally {
    sessionStore.clear();
  }
}

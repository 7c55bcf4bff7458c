import { ParticipationClient } from '@contracts/participation-client';
import { sessionStore } from '@/lib/auth/session-store';
import { currentLanguage } from '@/lib/i18n';
import { RateLimitedError, toApiError } from './errors';

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
const tokenClient = new ParticipationClient('', { fetch: plainFetch });

let refreshInFlight: Promise<boolean> | null = null;

/**
 * One refresh at a time: concurrent callers share the same promise, so a rotated refresh token is
 * never presented twice (the API would treat that as theft and revoke the family).
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= (async () => {
    const refreshToken = sessionStore.getRefreshToken();
    if (!refreshToken) {
      sessionStore.clear();
      return false;
    }
    try {
      const tokens = await tokenClient.refresh({ refreshToken });
      sessionStore.setTokens(tokens);
      return true;
    } catch (error) {
      // Offline: keep the refresh token for a later visit, but do not pretend to be logged in.
      sessionStore.clear({ keepRefreshToken: toApiError(error).status === 0 });
      return false;
    }
  })().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** Adds the bearer token; on a 401 to an authenticated call, refreshes once and retries. */
export const authFetch: Fetch = async (url, init) => {
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

export const api = new ParticipationClient('', { fetch: authFetch });

/** Ends the session on the server (best effort) and in the browser. */
export async function endSession(): Promise<void> {
  const refreshToken = sessionStore.getRefreshToken();
  try {
    if (refreshToken) await tokenClient.logout({ refreshToken });
  } finally {
    sessionStore.clear();
  }
}

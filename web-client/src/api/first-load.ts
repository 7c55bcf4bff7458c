import type {
  AuthTokens,
  GetMeResponse,
  GetPlatformResponse,
  HomePageLanguage,
  HomePageView,
  ListPagesResponse,
  LogoutCommand,
  PageLanguage,
  ParticipationClient,
  RefreshCommand,
} from '@contracts/participation-client';

type Fetch = (url: RequestInfo, init?: RequestInit) => Promise<Response>;

/**
 * One call as the generated client makes it: JSON in and out, `null` for an empty answer. A failure throws what
 * toApiError (src/api/errors.ts) reads from the generated client's: the problem+json body's fields (`status`, `title`,
 * `errors`, …), else the status alone as its ApiException carries it, here on an Error.
 */
async function send<T>(fetch: Fetch, method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, signal, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (response.ok) return (text === '' || response.status === 204 ? null : JSON.parse(text)) as T;
  let problem: unknown = null;
  try {
    problem = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON: the status is all there is
  }
  if (problem !== null && typeof problem === 'object' && typeof (problem as { status?: unknown }).status === 'number')
    throw Object.assign(new Error('The API refused the request.'), problem);
  throw Object.assign(new Error('An unexpected server error occurred.'), { isApiException: true, status: response.status, response: text });
}

const query = (path: string, name: string, value: string | undefined) =>
  value === undefined ? path : `${path}?${name}=${encodeURIComponent(value)}`;

/**
 * The operations the first load calls (the home page, the frame of every page, restoring a session), over plain fetch
 * with the generated client's types, so the home page does not download the generated client (~23 KB gzipped, one
 * class, which Rollup cannot trim). Their signatures are the generated ones (`Pick<ParticipationClient, …>`); every
 * other operation loads the generated client on first use (src/api/client.ts).
 */
export type FirstLoadOperations = Pick<ParticipationClient, 'getPlatform' | 'getHomePage' | 'listPages' | 'getMe'>;

export function firstLoadOperations(fetch: Fetch): FirstLoadOperations {
  return {
    getPlatform: (signal) => send<GetPlatformResponse>(fetch, 'GET', '/api/v1/platform', undefined, signal),
    getHomePage: (language?: HomePageLanguage, signal?: AbortSignal) =>
      send<HomePageView>(fetch, 'GET', query('/api/v1/home-page', 'language', language), undefined, signal),
    listPages: (language?: PageLanguage, signal?: AbortSignal) =>
      send<ListPagesResponse>(fetch, 'GET', query('/api/v1/pages', 'language', language), undefined, signal),
    getMe: (signal) => send<GetMeResponse>(fetch, 'GET', '/api/v1/me', undefined, signal),
  };
}

/** The session's own calls, which never carry a token: restoring a session is part of the first load. */
export type TokenOperations = Pick<ParticipationClient, 'refresh' | 'logout'>;

export function tokenOperations(fetch: Fetch): TokenOperations {
  return {
    refresh: (body: RefreshCommand, signal?: AbortSignal) => send<AuthTokens>(fetch, 'POST', '/api/v1/auth/refresh', body, signal),
    logout: (body: LogoutCommand, signal?: AbortSignal) => send<void>(fetch, 'POST', '/api/v1/auth/logout', body, signal),
  };
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '@/lib/auth/session-store';
import { authFetch, refreshSession } from './client';
import { RateLimitedError } from './errors';

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('authFetch', () => {
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    sessionStore.setTokens({ accessToken: 'old-access', refreshToken: 'refresh-1' });
  });

  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    sessionStore.clear();
  });

  it('refreshes once for concurrent 401s and retries each call with the new token', async () => {
    let refreshCalls = 0;
    fetchMock.mockImplementation(async (url, init) => {
      const auth = new Headers(init?.headers).get('Authorization');
      if (url.endsWith('/auth/refresh')) {
        refreshCalls++;
        await new Promise((resolve) => setTimeout(resolve, 10));
        return json(200, { accessToken: 'new-access', refreshToken: 'refresh-2' });
      }
      return auth === 'Bearer new-access' ? json(200, { ok: true }) : json(401, { status: 401 });
    });

    const responses = await Promise.all([authFetch('/api/v1/me'), authFetch('/api/v1/me'), authFetch('/api/v1/me')]);

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(refreshCalls).toBe(1);
    expect(sessionStore.getAccessToken()).toBe('new-access');
    expect(sessionStore.getRefreshToken()).toBe('refresh-2');
  });

  it('ends the session when the refresh is refused', async () => {
    fetchMock.mockImplementation((url) =>
      Promise.resolve(
        url.endsWith('/auth/refresh') ? json(401, { status: 401, title: 'Invalid refresh token.' }) : json(401, { status: 401 }),
      ),
    );

    const response = await authFetch('/api/v1/me');

    expect(response.status).toBe(401);
    expect(sessionStore.getStatus()).toBe('anonymous');
    expect(sessionStore.getRefreshToken()).toBeNull();
  });

  it('does not try to refresh for a call made without a token', async () => {
    sessionStore.clear();
    fetchMock.mockResolvedValue(json(401, { status: 401 }));
    await authFetch('/api/v1/auth/login', { method: 'POST' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('turns a 429 into a RateLimitedError carrying Retry-After', async () => {
    fetchMock.mockResolvedValue(json(429, { status: 429 }, { 'Retry-After': '9' }));
    await expect(authFetch('/api/v1/auth/login')).rejects.toEqual(new RateLimitedError(9));
  });

  it('restores a session from the stored refresh token', async () => {
    sessionStore.clear({ keepRefreshToken: true });
    fetchMock.mockResolvedValue(json(200, { accessToken: 'restored', refreshToken: 'refresh-3' }));
    await expect(refreshSession()).resolves.toBe(true);
    expect(sessionStore.getStatus()).toBe('authenticated');
    expect(sessionStore.getAccessToken()).toBe('restored');
  });
});

describe('refresh across tabs', () => {
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>();
  const lockNames: string[] = [];

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    lockNames.length = 0;
    // A Web Locks stand-in: runs the callback (the real one queues callers per name across tabs).
    Object.defineProperty(navigator, 'locks', {
      configurable: true,
      value: { request: async (name: string, task: () => Promise<unknown>) => (lockNames.push(name), task()) },
    });
  });

  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'locks');
    sessionStore.clear();
  });

  it('refreshes inside the shared lock with the token stored at that moment', async () => {
    sessionStore.setTokens({ accessToken: 'old-access', refreshToken: 'refresh-1' });
    fetchMock.mockResolvedValue(json(200, { accessToken: 'new-access', refreshToken: 'refresh-2' }));
    await expect(refreshSession()).resolves.toBe(true);
    expect(lockNames).toEqual(['participation-refresh']);
    expect(JSON.parse(fetchMock.mock.calls[0][1]?.body as string)).toEqual({ refreshToken: 'refresh-1' });
    expect(sessionStore.getRefreshToken()).toBe('refresh-2');
  });

  it('skips the call when another tab rotated the token while this one waited', async () => {
    sessionStore.setTokens({ accessToken: 'old-access', refreshToken: 'refresh-1' });
    Object.defineProperty(navigator, 'locks', {
      configurable: true,
      value: {
        request: async (name: string, task: () => Promise<unknown>) => {
          lockNames.push(name);
          // Meanwhile the other tab refreshed, stored its refresh token and shared its access token.
          window.localStorage.setItem('participation.refreshToken', 'refresh-2');
          sessionStore.adoptAccessToken('access-from-other-tab');
          return task();
        },
      },
    });
    await expect(refreshSession()).resolves.toBe(true);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(sessionStore.getAccessToken()).toBe('access-from-other-tab');
  });

  it('uses the other tab’s new refresh token when its access token did not arrive', async () => {
    sessionStore.setTokens({ accessToken: 'old-access', refreshToken: 'refresh-1' });
    Object.defineProperty(navigator, 'locks', {
      configurable: true,
      value: {
        request: async (_name: string, task: () => Promise<unknown>) => {
          window.localStorage.setItem('participation.refreshToken', 'refresh-2');
          return task();
        },
      },
    });
    fetchMock.mockResolvedValue(json(200, { accessToken: 'access-3', refreshToken: 'refresh-3' }));
    await expect(refreshSession()).resolves.toBe(true);
    expect(JSON.parse(fetchMock.mock.calls[0][1]?.body as string)).toEqual({ refreshToken: 'refresh-2' });
    expect(sessionStore.getAccessToken()).toBe('access-3');
  });
});

describe('multipart uploads', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('drops empty optional form fields the API cannot bind', async () => {
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(json(200, {})));
    vi.stubGlobal('fetch', fetchMock);
    const body = new FormData();
    body.append('role', 'it_manager');
    body.append('scopeId', '');
    body.append('message', '');
    await authFetch('/api/v1/invitations/import', { method: 'POST', body });
    const sent = fetchMock.mock.calls[0][1]?.body as FormData;
    expect([...sent.keys()]).toEqual(['role']);
  });
});

describe('every call', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the UI language so the API answers in it', async () => {
    const { i18n } = await import('@/lib/i18n');
    await i18n.changeLanguage('nl');
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(json(200, {})));
    vi.stubGlobal('fetch', fetchMock);
    await authFetch('/api/v1/platform');
    expect(new Headers(fetchMock.mock.calls[0][1]?.headers).get('Accept-Language')).toBe('nl');
    await i18n.changeLanguage('fr');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './client';
import { toApiError } from './errors';
import { firstLoadOperations, tokenOperations } from './first-load';

/** The address a fetch was called with, whatever form it took. */
const address = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());

const fetchMock = vi.fn<(url: RequestInfo, init?: RequestInit) => Promise<Response>>();
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

describe('the first load’s operations', () => {
  it('call the paths the generated client calls and answer its JSON', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(json(200, { name: 'Ville' })));
    const operations = firstLoadOperations(fetchMock);

    await expect(operations.getPlatform()).resolves.toEqual({ name: 'Ville' });
    await operations.getHomePage('nl' as Parameters<typeof operations.getHomePage>[0]);
    await operations.listPages();
    await operations.getMe();

    expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${address(url)}`)).toEqual([
      'GET /api/v1/platform',
      'GET /api/v1/home-page?language=nl',
      'GET /api/v1/pages',
      'GET /api/v1/me',
    ]);
    expect(new Headers(fetchMock.mock.calls[0][1]?.headers).get('Accept')).toBe('application/json');
  });

  it('send JSON bodies, and an empty answer is nothing', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));

    await expect(tokenOperations(fetchMock).logout({ refreshToken: 'r' })).resolves.toBeNull();

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/auth/logout');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"refreshToken":"r"}');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  it('fail as the generated client does: the problem’s fields, else the status alone', async () => {
    fetchMock.mockResolvedValueOnce(json(400, { status: 400, title: 'Invalid', errors: { refreshToken: ['Required.'] } }));
    const invalid = await tokenOperations(fetchMock)
      .refresh({ refreshToken: '' })
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(Error);
    expect(toApiError(invalid)).toMatchObject({ status: 400, title: 'Invalid', fieldErrors: { refreshToken: ['Required.'] } });

    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    const down = await firstLoadOperations(fetchMock)
      .getPlatform()
      .catch((error: unknown) => error);
    expect(toApiError(down)).toMatchObject({ status: 502, title: undefined, fieldErrors: {} });
  });
});

describe('api', () => {
  it('loads the generated client for any other operation, with the same fetch', async () => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockResolvedValue(json(200, { items: [] }));

    await expect(api.listDepartments()).resolves.toEqual({ items: [] });

    expect(address(fetchMock.mock.calls[0][0])).toBe('/api/v1/departments');
    expect(new Headers(fetchMock.mock.calls[0][1]?.headers).get('Accept-Language')).toBe('fr');
  });
});

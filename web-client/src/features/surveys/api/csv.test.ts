import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toApiError } from '@/api/errors';
import { sessionStore } from '@/lib/auth/session-store';
import { downloadResponsesCsv } from './surveys';

// The real generated client over a stubbed fetch: the request, the file name it reads and the saved Blob.
describe('downloadResponsesCsv', () => {
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>();
  const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:csv');
  let clicked: HTMLAnchorElement[] = [];

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    sessionStore.setTokens({ accessToken: 'staff-access', refreshToken: 'refresh-1' });
    clicked = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
  });

  afterEach(() => {
    fetchMock.mockReset();
    createObjectURL.mockClear();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    sessionStore.clear();
  });

  const csv = (disposition?: string) =>
    new Response('response_id;Quartier\n1;Nord\n', {
      status: 200,
      headers: { 'Content-Type': 'text/csv', ...(disposition ? { 'Content-Disposition': disposition } : {}) },
    });

  it('asks with the bearer token in the chosen language and saves the file under the server’s name, the UTF-8 one first', async () => {
    fetchMock.mockResolvedValue(csv("attachment; filename=reponses.csv; filename*=UTF-8''r%C3%A9ponses-v%C3%A9lo.csv"));

    await expect(downloadResponsesCsv('ph-1', 'nl')).resolves.toBe('réponses-vélo.csv');

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/phases/ph-1/responses.csv?language=nl');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer staff-access');
    const blob = createObjectURL.mock.calls[0][0];
    expect(await blob.text()).toBe('response_id;Quartier\n1;Nord\n');
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('réponses-vélo.csv');
    expect(clicked[0].href).toBe('blob:csv');
    expect(document.body.contains(clicked[0])).toBe(false);
  });

  it('reads a quoted plain name, and names the file after the phase when the server gives none', async () => {
    fetchMock.mockResolvedValueOnce(csv('attachment; filename="survey-2026.csv"'));
    await expect(downloadResponsesCsv('ph-1', 'fr')).resolves.toBe('survey-2026.csv');
    fetchMock.mockResolvedValueOnce(csv());
    await expect(downloadResponsesCsv('ph-2', 'fr')).resolves.toBe('responses-ph-2.csv');
  });

  it('saves nothing and throws what the page describes when the API refuses', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ status: 403, title: 'Forbidden' }), {
        status: 403,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );

    const error = await downloadResponsesCsv('ph-1', 'fr').catch((e: unknown) => e);

    expect(toApiError(error).status).toBe(403);
    expect(createObjectURL).not.toHaveBeenCalled();
    expect(clicked).toHaveLength(0);
  });
});

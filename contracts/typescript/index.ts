// The package's entry (@participation/client): the generated client and types, with one change for Node: without an
// `http` argument the client calls the global fetch (Node 20+, browsers, workers) instead of `window.fetch`.
import { ParticipationClient as GeneratedClient } from './participation-client.js';

export * from './participation-client.js';

/** What the client calls to send a request: anything with a fetch-compatible `fetch` (e.g. one that adds a token). */
export interface Fetcher {
  fetch(url: RequestInfo, init?: RequestInit): Promise<Response>;
}

/**
 * The typed client of the Participation API. `baseUrl` is the API's origin (e.g. `https://participation.city.example`,
 * without `/api/v1`); `http` defaults to the global fetch.
 */
export class ParticipationClient extends GeneratedClient {
  constructor(baseUrl?: string, http?: Fetcher) {
    super(baseUrl, http ?? { fetch: (url, init) => globalThis.fetch(url, init) });
  }
}

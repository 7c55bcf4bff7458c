import { createServer, type Server } from 'node:http';

/** The fake geocoder's port: the API is started with it as its geocoder (playwright.config.ts); move it with E2E_GEOCODER_PORT. */
export const geocoderPort = Number(process.env.E2E_GEOCODER_PORT ?? '5089');
export const geocoderUrl = `http://127.0.0.1:${geocoderPort}`;

/** The one address the fake geocoder knows, in Brussels' Rue de la Loi. */
export const knownPlace = { label: 'Rue de la Loi 16, 1000 Bruxelles, Belgique', latitude: 50.8466, longitude: 4.3676 };

const nominatim = (place: typeof knownPlace) => ({
  place_id: 1,
  lat: String(place.latitude),
  lon: String(place.longitude),
  display_name: place.label,
});

/**
 * A Nominatim-compatible geocoder on loopback for the specs that search addresses: any search mentioning "loi" finds
 * the known place, others nothing; every point is at the known address. Start it in the spec; close it after.
 */
export function startFakeGeocoder(): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', geocoderUrl);
    let body: unknown = null;
    if (url.pathname === '/search') body = /loi/i.test(url.searchParams.get('q') ?? '') ? [nominatim(knownPlace)] : [];
    else if (url.pathname === '/reverse') body = nominatim(knownPlace);
    response.writeHead(body === null ? 404 : 200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body ?? { error: 'not found' }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(geocoderPort, '127.0.0.1', () => resolve(server));
  });
}

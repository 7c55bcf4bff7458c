// A map tile server on loopback for the end-to-end tests (started by playwright.config.ts as one of its web servers):
// every `/{z}/{x}/{y}.png` is the same plain light tile, so maps draw without any request leaving the machine.
// `GET /health` answers 200 for Playwright's start-up check; anything else is 404.
import { createServer } from 'node:http';

const port = Number(process.env.E2E_TILES_PORT ?? '5088');
// An 8 × 8 PNG in the base map's light grey-green; Leaflet stretches it to 256 × 256.
const tile = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR42mN48eYJVsQwtCQA/bWuAW5u0iUAAAAASUVORK5CYII=', 'base64');

createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/health') {
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
  } else if (/^\/\d+\/\d+\/\d+\.png$/.test(path)) {
    response.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' }).end(tile);
  } else {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1');

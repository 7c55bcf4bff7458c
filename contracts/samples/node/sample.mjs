// A Node integration through the npm package (@participation/client, installed from the tarball `make sdk` builds):
// reads the platform, walks every page of the public project list, checks that an error comes back as problem+json,
// then, as an API client, gets a token (OAuth 2.0 client credentials) and follows the change feed. Exits non-zero on
// the first failure. The API's address: PARTICIPATION_API_URL (http://localhost:5080); the API client's credentials:
// PARTICIPATION_CLIENT_ID and PARTICIPATION_CLIENT_SECRET (a client with projects:read, ideas:read and ideas:feedback,
// made in the staff area under "API clients").
import { ParticipationClient } from '@participation/client';

const baseUrl = process.env.PARTICIPATION_API_URL ?? 'http://localhost:5080';
const clientId = process.env.PARTICIPATION_CLIENT_ID;
const clientSecret = process.env.PARTICIPATION_CLIENT_SECRET;
const api = new ParticipationClient(baseUrl);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The platform's name and languages (anonymous). */
async function readPlatform() {
  const platform = await api.getPlatform();
  check(typeof platform.name === 'string' && platform.name.length > 0, 'the platform has no name');
  check(platform.languages.includes(platform.defaultLanguage), 'the default language is not among the languages');
  console.log(`platform: ${platform.name} (${platform.languages.join(', ')})`);
  return platform;
}

/** Every published project, page by page: `nextCursor` goes back as `cursor` until it is null. */
async function listAllProjects(language, client = api) {
  const projects = [];
  let cursor;
  let pages = 0;
  do {
    const page = await client.listProjects(undefined, undefined, undefined, undefined, undefined, undefined, cursor, 2);
    check(page.items.length <= 2, 'a page is larger than asked');
    projects.push(...page.items);
    pages++;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  check(new Set(projects.map((p) => p.id)).size === projects.length, 'a project came twice');
  console.log(`projects: ${projects.length} in ${pages} page(s) of 2`);
  for (const project of projects) console.log(`  ${project.title[language]} (${project.status})`);
  return projects;
}

/** An unknown project: the promise rejects with the problem+json body (status 404, a title). */
async function expectNotFound() {
  try {
    await api.getProject(crypto.randomUUID());
  } catch (problem) {
    check(problem?.status === 404 && typeof problem.title === 'string', `expected a 404 problem, got ${JSON.stringify(problem)}`);
    console.log(`unknown project: ${problem.status} ${problem.title}`);
    return;
  }
  throw new Error('an unknown project was found');
}

/**
 * The API client's token: client credentials against the OAuth 2.0 token endpoint (form-encoded), then a client that
 * sends it as a bearer token. It lasts `expires_in` seconds; a long-running integration asks for a new one before then.
 */
async function authenticate() {
  check(clientId && clientSecret, 'PARTICIPATION_CLIENT_ID and PARTICIPATION_CLIENT_SECRET must be set');
  const scope = 'projects:read ideas:read ideas:feedback';
  const token = await api.issueClientToken({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope });
  check(token.token_type === 'Bearer' && token.expires_in > 0, `unexpected token answer ${JSON.stringify(token)}`);
  // `scope` is left out when the token has exactly the scopes asked for (RFC 6749 §5.1).
  console.log(`token: scopes "${token.scope ?? scope}", valid ${token.expires_in} s`);
  const authorized = (url, init) => fetch(url, { ...init, headers: { ...init?.headers, Authorization: `Bearer ${token.access_token}` } });
  return new ParticipationClient(baseUrl, { fetch: authorized });
}

/** Applies feed entries to a local copy: the current representation replaces what one holds, a tombstone removes it. */
function apply(mirror, entries) {
  for (const entry of entries) {
    const key = `${entry.kind}:${entry.id}`;
    if (entry.tombstone) mirror.delete(key);
    else mirror.set(key, entry.project ?? entry.idea ?? entry.comment);
  }
}

/**
 * Full sync, then follow: take the feed's present cursor, copy the lists, then read the feed from that cursor, so that
 * nothing changed during the copy is missed. To see a change arrive, this client answers an idea (ideas:feedback), as
 * the city's case-management system would.
 */
async function followChanges(client, language) {
  const { cursor } = await client.getChangeCursor();
  const mirror = new Map();
  const projects = await listAllProjects(language, client);
  for (const project of projects) mirror.set(`project:${project.id}`, project);
  const published = projects.filter((p) => p.status === 'published');
  let idea;
  for (const project of published) {
    idea = (await client.listIdeas(project.id)).items[0];
    if (idea) break;
  }
  check(idea, 'no public idea to answer');
  mirror.set(`idea:${idea.id}`, idea);

  await client.changeIdeaStatus(idea.id, { feedback: `Reçu par le système de gestion des demandes (Node, ${new Date().toISOString()}).` });

  // Follow until the change arrives: page by page while hasMore, then again after a pause (the feed shows a change once
  // every transaction older than it has ended, usually at once).
  let after = cursor;
  for (let attempt = 0; attempt < 20; attempt++) {
    const page = await client.listChanges(after, 'project,idea', 100);
    apply(mirror, page.items);
    after = page.nextCursor;
    const seen = page.items.find((e) => e.kind === 'idea' && e.id === idea.id && e.event === 'idea.status_changed');
    if (seen) {
      console.log(`change feed: ${seen.event} on "${seen.idea.title}" (${mirror.size} resources mirrored)`);
      return;
    }
    if (!page.hasMore) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the change did not arrive in the feed');
}

try {
  const platform = await readPlatform();
  await listAllProjects(platform.defaultLanguage);
  await expectNotFound();
  const client = await authenticate();
  await followChanges(client, platform.defaultLanguage);
  console.log('node sample: ok');
} catch (error) {
  console.error(`node sample failed against ${baseUrl}: ${error?.stack ?? JSON.stringify(error)}`);
  process.exitCode = 1;
}

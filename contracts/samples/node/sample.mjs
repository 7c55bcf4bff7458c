// A Node integration through the npm package (@participation/client, installed from the tarball `make sdk` builds):
// reads the platform, walks every page of the public project list, and checks that an error comes back as
// problem+json. Exits non-zero on the first failure. The API's address: PARTICIPATION_API_URL (http://localhost:5080).
import { ParticipationClient } from '@participation/client';

const baseUrl = process.env.PARTICIPATION_API_URL ?? 'http://localhost:5080';
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
async function listAllProjects(language) {
  const projects = [];
  let cursor;
  let pages = 0;
  do {
    const page = await api.listProjects(undefined, undefined, undefined, undefined, undefined, undefined, cursor, 2);
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

try {
  const platform = await readPlatform();
  await listAllProjects(platform.defaultLanguage);
  await expectNotFound();
  console.log('node sample: ok');
} catch (error) {
  console.error(`node sample failed against ${baseUrl}: ${error?.stack ?? JSON.stringify(error)}`);
  process.exitCode = 1;
}

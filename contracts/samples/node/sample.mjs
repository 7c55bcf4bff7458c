// A Node integration through the npm package (@participation/client, installed from the tarball `make sdk` builds):
// reads the platform, walks every page of the public project list, checks that an error comes back as problem+json,
// then, as an API client, gets a token (OAuth 2.0 client credentials), subscribes a webhook receiver, follows the change
// feed and checks the signed webhook message of the same change. Exits non-zero on the first failure. The API's address:
// PARTICIPATION_API_URL (http://localhost:5080); the API client's credentials: PARTICIPATION_CLIENT_ID and
// PARTICIPATION_CLIENT_SECRET (a client with projects:read, ideas:read, ideas:feedback and webhooks:manage, made in the
// staff area under "API clients"). The receiver listens on PARTICIPATION_WEBHOOK_HOST (127.0.0.1); a real integration
// receives on a public https:// address (the API refuses private ones unless its Webhooks settings allow them).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { ParticipationClient } from "@participation/client";

const baseUrl = process.env.PARTICIPATION_API_URL ?? "http://localhost:5080";
const clientId = process.env.PARTICIPATION_CLIENT_ID;
const clientSecret = process.env.PARTICIPATION_CLIENT_SECRET;
const api = new ParticipationClient(baseUrl);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The platform's name and languages (anonymous). */
async function readPlatform() {
  const platform = await api.getPlatform();
  check(
    typeof platform.name === "string" && platform.name.length > 0,
    "the platform has no name",
  );
  check(
    platform.languages.includes(platform.defaultLanguage),
    "the default language is not among the languages",
  );
  console.log(`platform: ${platform.name} (${platform.languages.join(", ")})`);
  return platform;
}

/** Every published project, page by page: `nextCursor` goes back as `cursor` until it is null. */
async function listAllProjects(language, client = api) {
  const projects = [];
  let cursor;
  let pages = 0;
  do {
    const page = await client.listProjects(
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      cursor,
      2,
    );
    check(page.items.length <= 2, "a page is larger than asked");
    projects.push(...page.items);
    pages++;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  check(
    new Set(projects.map((p) => p.id)).size === projects.length,
    "a project came twice",
  );
  console.log(`projects: ${projects.length} in ${pages} page(s) of 2`);
  for (const project of projects)
    console.log(`  ${project.title[language]} (${project.status})`);
  return projects;
}

/** An unknown project: the promise rejects with the problem+json body (status 404, a title). */
async function expectNotFound() {
  try {
    await api.getProject(crypto.randomUUID());
  } catch (problem) {
    check(
      problem?.status === 404 && typeof problem.title === "string",
      `expected a 404 problem, got ${JSON.stringify(problem)}`,
    );
    console.log(`unknown project: ${problem.status} ${problem.title}`);
    return;
  }
  throw new Error("an unknown project was found");
}

/**
 * The API client's token: client credentials against the OAuth 2.0 token endpoint (form-encoded), then a client that
 * sends it as a bearer token. It lasts `expires_in` seconds; a long-running integration asks for a new one before then.
 */
async function authenticate() {
  check(
    clientId && clientSecret,
    "PARTICIPATION_CLIENT_ID and PARTICIPATION_CLIENT_SECRET must be set",
  );
  const scope = "projects:read ideas:read ideas:feedback webhooks:manage";
  const token = await api.issueClientToken({
    grant_type: "client_credentials",
    client_id: clientId,
    client_secret: clientSecret,
    scope,
  });
  check(
    token.token_type === "Bearer" && token.expires_in > 0,
    `unexpected token answer ${JSON.stringify(token)}`,
  );
  // `scope` is left out when the token has exactly the scopes asked for (RFC 6749 §5.1).
  console.log(
    `token: scopes "${token.scope ?? scope}", valid ${token.expires_in} s`,
  );
  const authorized = (url, init) =>
    fetch(url, {
      ...init,
      headers: {
        ...init?.headers,
        Authorization: `Bearer ${token.access_token}`,
      },
    });
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
 * Standard Webhooks verification: HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{raw body}", keyed with the
 * base64-decoded secret after "whsec_", compared in constant time with each "v1," signature of the header; timestamps
 * more than 5 minutes away are refused (replays).
 */
function verifyWebhook(secret, headers, rawBody) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"] ?? "";
  if (
    !id ||
    !/^\d+$/.test(timestamp ?? "") ||
    Math.abs(Date.now() / 1000 - Number(timestamp)) > 300
  )
    return false;
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = Buffer.from(
    createHmac("sha256", key)
      .update(`${id}.${timestamp}.${rawBody}`)
      .digest("base64"),
  );
  return signatures.split(" ").some((s) => {
    const signature = Buffer.from(s.startsWith("v1,") ? s.slice(3) : "");
    return (
      signature.length === expected.length &&
      timingSafeEqual(signature, expected)
    );
  });
}

/**
 * A webhook receiver: an HTTP server answering 204 at once to every verified message (the work is done afterwards), 401
 * to anything else. `next(predicate)` resolves with the first verified message matching it.
 */
async function startReceiver() {
  const host = process.env.PARTICIPATION_WEBHOOK_HOST ?? "127.0.0.1";
  const state = { secret: undefined, messages: [], waiters: [] };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      if (
        !state.secret ||
        !verifyWebhook(state.secret, request.headers, rawBody)
      ) {
        response.writeHead(401).end();
        return;
      }
      response.writeHead(204).end();
      const message = {
        id: request.headers["webhook-id"],
        ...JSON.parse(rawBody),
      };
      state.messages.push(message);
      for (const waiter of state.waiters.filter((w) => w.predicate(message)))
        waiter.resolve(message);
    });
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  const { port } = server.address();
  return {
    url: `http://${host}:${port}/participation/webhooks`,
    useSecret: (secret) => (state.secret = secret),
    next: (predicate, timeoutMs = 60_000) => {
      const found = state.messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error("no webhook message came")),
          timeoutMs,
        );
        state.waiters.push({
          predicate,
          resolve: (m) => (clearTimeout(timer), resolve(m)),
        });
      });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Subscribes the receiver to the ideas' status changes. The answer carries the signing secret, shown this once: an
 * integration keeps it like a password.
 */
async function subscribe(client, receiver) {
  const created = await client.createWebhook({
    url: receiver.url,
    eventTypes: ["idea.status_changed"],
    description: "Node sample",
  });
  check(
    created.secret.startsWith("whsec_"),
    "the webhook secret is not a Standard Webhooks secret",
  );
  receiver.useSecret(created.secret);
  console.log(
    `webhook: subscribed ${created.webhook.url} to ${created.webhook.eventTypes.join(", ")}`,
  );
  return created.webhook;
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
  const published = projects.filter((p) => p.status === "published");
  let idea;
  for (const project of published) {
    idea = (await client.listIdeas(project.id)).items[0];
    if (idea) break;
  }
  check(idea, "no public idea to answer");
  mirror.set(`idea:${idea.id}`, idea);

  await client.changeIdeaStatus(idea.id, {
    feedback: `Reçu par le système de gestion des demandes (Node, ${new Date().toISOString()}).`,
  });

  // Follow until the change arrives: page by page while hasMore, then again after a pause (the feed shows a change once
  // every transaction older than it has ended, usually at once).
  let after = cursor;
  for (let attempt = 0; attempt < 20; attempt++) {
    const page = await client.listChanges(after, "project,idea", 100);
    apply(mirror, page.items);
    after = page.nextCursor;
    const seen = page.items.find(
      (e) =>
        e.kind === "idea" &&
        e.id === idea.id &&
        e.event === "idea.status_changed",
    );
    if (seen) {
      console.log(
        `change feed: ${seen.event} on "${seen.idea.title}" (${mirror.size} resources mirrored)`,
      );
      return idea;
    }
    if (!page.hasMore) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the change did not arrive in the feed");
}

try {
  const platform = await readPlatform();
  await listAllProjects(platform.defaultLanguage);
  await expectNotFound();
  const client = await authenticate();
  const receiver = await startReceiver();
  try {
    const webhook = await subscribe(client, receiver);
    const idea = await followChanges(client, platform.defaultLanguage);
    // The same change, pushed: one signed message per event and resource; `data` is the change feed's entry.
    const message = await receiver.next(
      (m) => m.type === "idea.status_changed" && m.data.id === idea.id,
    );
    check(
      message.data.idea?.title === idea.title,
      "the webhook message does not carry the idea as it is now",
    );
    console.log(
      `webhook: ${message.type} on "${message.data.idea.title}" (${message.id}, signature verified)`,
    );
    await client.deleteWebhook(webhook.id);
  } finally {
    await receiver.close();
  }
  console.log("node sample: ok");
} catch (error) {
  console.error(
    `node sample failed against ${baseUrl}: ${error?.stack ?? JSON.stringify(error)}`,
  );
  process.exitCode = 1;
}

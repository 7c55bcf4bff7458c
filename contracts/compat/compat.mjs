// The contract-compatibility gate (`make contracts-compat`, part of `make contracts-check` and `make test`).
//
// openapi.json (the contract the API serves) is compared with the last released contract, contracts/released/openapi.json.
// Both carry a semantic version in info.version (OpenApiSetup.ContractVersion), which the SDK packages take. The changes
// are classified by api-smart-diff (OpenAPI 3 rules: a removed path, operation, parameter, response or response property,
// a new required parameter or request property, a changed or narrowed type, a tighter limit, an enum value removed from a
// request or added to a response...), except security requirements, which are judged here: it matches their alternatives
// by position and takes a token newly required by an anonymous operation for a compatible change. Stricter security (an
// anonymous operation that now needs a token, a new scheme or scope, a changed scheme) is breaking; looser is not.
//
//   node compat.mjs check     fails when a breaking change comes without a new major, or the version went backwards
//   node compat.mjs release   the same checks, then: fails when the contract changed and the version did not; otherwise
//                             writes openapi.json as the new released contract (`make contracts-release`)
import { apiCompare } from 'api-smart-diff';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const currentPath = path.join(root, 'openapi.json');
export const releasedPath = path.join(root, 'contracts', 'released', 'openapi.json');

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `1.4.2` → [1, 4, 2]; anything else (`v1`, `1.0`, `1.0.0-beta`) is refused: the version must be plain semver. */
export function parseVersion(version) {
  const m = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(String(version ?? ''));
  if (!m) throw new Error(`info.version "${version}" is not a MAJOR.MINOR.PATCH version`);
  return m.slice(1).map(Number);
}

function compareVersions(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function effectiveSecurity(doc, operation) {
  return operation.security ?? doc.security ?? [];
}

/** An empty list, or an empty alternative (`{}`), lets callers in without credentials. */
function anonymousAllowed(security) {
  return security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0);
}

/** A caller meeting `have` (scheme → scopes) also meets `need` when `need` asks for no other scheme or scope. */
function satisfies(have, need) {
  return Object.entries(need).every(([scheme, scopes]) => scheme in have && scopes.every((s) => have[scheme].includes(s)));
}

/**
 * The operations whose security got stricter: a caller who could call it before (anonymously, or with one of the
 * alternatives listed) no longer can; or a security scheme in use changed its definition.
 */
export function securityChanges(before, after) {
  const changes = [];
  for (const [route, item] of Object.entries(before.paths ?? {})) {
    for (const method of methods) {
      const was = item?.[method];
      const now = after.paths?.[route]?.[method];
      if (!was || !now) continue; // a removed operation is the comparator's finding
      const old = effectiveSecurity(before, was);
      const current = effectiveSecurity(after, now);
      if (anonymousAllowed(current)) continue;
      const where = `${method.toUpperCase()} ${route}`;
      if (anonymousAllowed(old)) {
        changes.push({ path: `paths › ${route} › ${method} › security`, description: `${where} now needs credentials` });
        continue;
      }
      for (const requirement of old)
        if (!current.some((alternative) => satisfies(requirement, alternative)))
          changes.push({
            path: `paths › ${route} › ${method} › security`,
            description: `${where}: credentials ${JSON.stringify(requirement)} are no longer enough`,
          });
    }
  }
  const used = new Set(
    Object.values(before.paths ?? {})
      .flatMap((item) => methods.map((m) => item?.[m]).filter(Boolean))
      .flatMap((operation) => effectiveSecurity(before, operation))
      .flatMap((requirement) => Object.keys(requirement)),
  );
  for (const name of used) {
    const { description: _a, ...was } = before.components?.securitySchemes?.[name] ?? {};
    const { description: _b, ...now } = after.components?.securitySchemes?.[name] ?? {};
    if (JSON.stringify(was) !== JSON.stringify(now))
      changes.push({ path: `components › securitySchemes › ${name}`, description: `security scheme ${name} changed or was removed` });
  }
  return changes.map((c) => ({ ...c, type: 'breaking', action: 'replace' }));
}

/** The node at `path` in `doc`, following `$ref`s and looking into `allOf` parts on the way (null when not found). */
function resolve(doc, path) {
  const deref = (node) => {
    for (let hops = 0; node?.$ref && hops < 20; hops++)
      node = node.$ref
        .replace(/^#\//, '')
        .split('/')
        .reduce((n, key) => n?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    return node;
  };
  let node = doc;
  for (const key of path) {
    node = deref(node);
    if (node == null) return null;
    if (key in Object(node)) node = node[key];
    else node = (node.allOf ?? []).map(deref).find((part) => part && key in part)?.[key] ?? null;
  }
  return deref(node);
}

/**
 * A value added to an extensible enum (`x-extensible-enum`: event types, audit subjects, scopes... catalogues that grow
 * as features land) in an answer: compatible, since the guide tells integrators to tolerate unknown values and the SDKs
 * do. Any other change to such an enum (a value removed, or added where requests are validated) is judged as usual.
 */
export function isExtensibleEnumAddition(after, diff) {
  const at = diff.path.lastIndexOf('enum');
  if (diff.action !== 'add' || at < 0 || at !== diff.path.length - 2 || !diff.path.includes('responses')) return false;
  return resolve(after, diff.path.slice(0, at))?.['x-extensible-enum'] === true;
}

/** The breaking changes from `before` to `after`, and how many changes there are in all (info.version left aside). */
export function breakingChanges(before, after) {
  const strip = (doc) => ({ ...doc, info: { ...doc.info, version: '' } });
  const { diffs } = apiCompare(strip(before), strip(after));
  const security = securityChanges(before, after);
  // Security requirements are ours to judge (securityChanges): the comparator matches their alternatives by position
  // and calls a new requirement on an anonymous operation non-breaking.
  const isSecurity = (d) => d.path[0] === 'security' || (d.path[0] === 'paths' && d.path[3] === 'security');
  const breaking = diffs
    .filter((d) => d.type === 'breaking' && !isSecurity(d) && !isExtensibleEnumAddition(after, d))
    .map((d) => ({ type: d.type, action: d.action, path: d.path.join(' › '), description: d.description ?? '' }))
    .concat(security);
  return { breaking, changes: diffs.length + security.length };
}

/**
 * The verdict on `current` against `released`: { ok, message, breaking, changes }. Not ok when the version is not
 * semver, went backwards, or a breaking change comes without a new major; with `release`, also when the contract
 * changed and its version did not.
 */
export function verdict(released, current, { release = false } = {}) {
  const was = released.info?.version;
  const now = current.info?.version;
  let a, b;
  try {
    a = parseVersion(was);
    b = parseVersion(now);
  } catch (e) {
    return { ok: false, message: e.message, breaking: [], changes: 0 };
  }
  if (compareVersions(b, a) < 0)
    return { ok: false, message: `openapi.json is ${now}, older than the released ${was}`, breaking: [], changes: 0 };
  const { breaking, changes } = breakingChanges(released, current);
  if (breaking.length > 0 && b[0] <= a[0])
    return {
      ok: false,
      breaking,
      changes,
      message:
        `${breaking.length} breaking change(s) since the released ${was} without a new major (openapi.json is ${now}): ` +
        `avoid them (add instead of changing; deprecate with .Deprecated(...) and remove later), or set ` +
        `OpenApiSetup.ContractVersion to ${a[0] + 1}.0.0, then make openapi, make contracts`,
    };
  if (release && changes > 0 && compareVersions(b, a) === 0)
    return {
      ok: false,
      breaking,
      changes,
      message: `the contract changed since the released ${was} but its version did not: raise the minor (additions) or the patch in OpenApiSetup.ContractVersion`,
    };
  const summary =
    breaking.length > 0
      ? `${breaking.length} breaking change(s), allowed by the new major ${now} (released: ${was})`
      : changes > 0
        ? `${changes} compatible change(s) since the released ${was} (openapi.json is ${now})`
        : `openapi.json is ${now}, the same contract as the released ${was}`;
  return { ok: true, breaking, changes, message: summary };
}

function print(result) {
  for (const d of result.breaking.slice(0, 40)) console.error(`  breaking: ${d.path}${d.description ? ` — ${d.description}` : ''}`);
  if (result.breaking.length > 40) console.error(`  ... and ${result.breaking.length - 40} more`);
}

function main(mode) {
  if (mode !== 'check' && mode !== 'release') {
    console.error('usage: node compat.mjs check|release');
    return 2;
  }
  const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
  const current = read(currentPath);
  const released = read(releasedPath);
  const result = verdict(released, current, { release: mode === 'release' });
  print(result);
  if (!result.ok) {
    console.error(`contract compatibility: ${result.message}`);
    return 1;
  }
  console.log(`contract compatibility: ${result.message}`);
  if (mode === 'release' && result.changes === 0 && current.info.version === released.info.version) {
    console.log(`nothing to release: contract ${current.info.version} is the released one`);
  } else if (mode === 'release') {
    fs.copyFileSync(currentPath, releasedPath);
    console.log(
      `released contract ${current.info.version}: contracts/released/openapi.json updated; commit it, then publish the SDKs (make sdk)`,
    );
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv[2]);

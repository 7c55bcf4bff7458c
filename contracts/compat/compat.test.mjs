// The gate on copies of the real contract: a removed operation fails without a new major and passes with one; additions
// pass; stricter security fails; the version may not go backwards nor stay put at a release of a changed contract.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { currentPath, verdict } from './compat.mjs';

const contract = JSON.parse(fs.readFileSync(currentPath, 'utf8'));
const base = (version = '1.0.0') => ({ ...structuredClone(contract), info: { ...contract.info, version } });
const at = (version, change) => {
  const doc = base(version);
  change(doc);
  return doc;
};
const removeListProjects = (doc) => delete doc.paths['/api/v1/projects'].get;

test('the same contract passes', () => {
  const result = verdict(base(), base());
  assert.equal(result.ok, true, result.message);
  assert.equal(result.changes, 0);
});

test('a removed operation fails without a new major, naming it', () => {
  const result = verdict(base(), at('1.0.0', removeListProjects));
  assert.equal(result.ok, false);
  assert.match(result.message, /breaking change\(s\) since the released 1\.0\.0 without a new major/);
  assert.match(result.message, /2\.0\.0/);
  assert.ok(
    result.breaking.some((d) => d.description.includes('GET /api/v1/projects')),
    JSON.stringify(result.breaking),
  );
});

test('a removed operation fails with a new minor', () => {
  assert.equal(verdict(base(), at('1.1.0', removeListProjects)).ok, false);
});

test('a removed operation passes with a new major, still listed', () => {
  const result = verdict(base(), at('2.0.0', removeListProjects));
  assert.equal(result.ok, true, result.message);
  assert.ok(result.breaking.length > 0);
});

test('additions pass: a new operation, an optional query parameter, a response property', () => {
  const result = verdict(
    base(),
    at('1.1.0', (doc) => {
      doc.paths['/api/v1/new-thing'] = {
        get: { operationId: 'GetNewThing', summary: 'New.', responses: { 200: { description: 'OK' } } },
      };
      doc.paths['/api/v1/projects'].get.parameters.push({
        name: 'newFilter',
        in: 'query',
        required: false,
        description: 'New.',
        schema: { type: 'string' },
      });
      doc.components.schemas.GetPlatformResponse.properties.newField = { type: 'string' };
    }),
  );
  assert.equal(result.ok, true, result.message + JSON.stringify(result.breaking));
  assert.ok(result.changes > 0);
});

test('a removed response property fails', () => {
  const result = verdict(
    base(),
    at('1.1.0', (doc) => {
      const schema = doc.components.schemas.GetPlatformResponse;
      const [name] = Object.keys(schema.properties);
      delete schema.properties[name];
      schema.required = (schema.required ?? []).filter((n) => n !== name);
    }),
  );
  assert.equal(result.ok, false);
});

test('a new required request property fails', () => {
  const result = verdict(
    base(),
    at('1.1.0', (doc) => {
      const schema = doc.components.schemas.RegisterCommand;
      schema.properties.newRequired = { type: 'string' };
      schema.required = [...(schema.required ?? []), 'newRequired'];
    }),
  );
  assert.equal(result.ok, false);
});

test('an anonymous operation that now needs a token fails', () => {
  const result = verdict(
    base(),
    at('1.1.0', (doc) => {
      doc.paths['/api/v1/platform'].get.security = [{ Bearer: [] }];
    }),
  );
  assert.equal(result.ok, false);
  assert.ok(result.breaking.some((d) => d.description === 'GET /api/v1/platform now needs credentials'));
});

test('an optional token that becomes required fails; a required one that becomes optional passes', () => {
  const [route, method] = Object.entries(contract.paths)
    .flatMap(([r, item]) => Object.entries(item).map(([m, op]) => [r, m, op]))
    .find(([, , op]) => op.security?.length === 2);
  const tighter = verdict(
    base(),
    at('1.1.0', (doc) => (doc.paths[route][method].security = [{ Bearer: [] }])),
  );
  assert.equal(tighter.ok, false);

  const looser = verdict(
    base(),
    at('1.1.0', (doc) => (doc.paths['/api/v1/me'].get.security = [{}, { Bearer: [] }])),
  );
  assert.deepEqual(
    looser.breaking.filter((d) => d.path.includes('security')),
    [],
  );
});

test('the version may not go backwards nor leave semver', () => {
  assert.match(verdict(base('1.2.0'), base('1.1.0')).message, /older than the released 1\.2\.0/);
  assert.match(verdict(base(), base('v1')).message, /not a MAJOR\.MINOR\.PATCH version/);
});

test('a release needs a new version when the contract changed', () => {
  const added = (doc) =>
    (doc.paths['/api/v1/new-thing'] = { get: { operationId: 'GetNewThing', responses: { 200: { description: 'OK' } } } });
  const same = verdict(base(), at('1.0.0', added), { release: true });
  assert.equal(same.ok, false);
  assert.match(same.message, /version did not/);
  assert.equal(verdict(base(), at('1.1.0', added), { release: true }).ok, true);
  assert.equal(verdict(base(), base(), { release: true }).ok, true);
});

test('a value added to an extensible enum (event types) passes with a new minor; one removed fails', () => {
  assert.equal(contract.components.schemas.EventType['x-extensible-enum'], true, 'EventType is marked extensible');
  const added = verdict(base(), at('1.1.0', (doc) => doc.components.schemas.EventType.enum.push('example.future_event')));
  assert.equal(added.ok, true, added.message);
  assert.ok(added.changes > 0);
  const removed = verdict(base(), at('1.1.0', (doc) => doc.components.schemas.EventType.enum.pop()));
  assert.equal(removed.ok, false, removed.message);
});

test('a value added to a closed enum in answers (a project status) fails without a new major', () => {
  assert.equal(contract.components.schemas.ProjectStatus['x-extensible-enum'], undefined);
  const result = verdict(base(), at('1.1.0', (doc) => doc.components.schemas.ProjectStatus.enum.push('paused')));
  assert.equal(result.ok, false, result.message);
  assert.ok(result.breaking.some((d) => d.path.includes('responses')), JSON.stringify(result.breaking.slice(0, 3)));
});

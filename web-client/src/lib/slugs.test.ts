import { describe, expect, it } from 'vitest';
import { eventPath, ideaPath, isGuid, isSlug, personPath, projectPath } from './slugs';

const id = '0f8fa3b2-1234-4abc-9def-0123456789ab';

describe('slug addresses', () => {
  it('tells ids from slugs', () => {
    expect(isGuid(id)).toBe(true);
    expect(isGuid(id.toUpperCase())).toBe(true);
    expect(isGuid('renovation-de-la-place')).toBe(false);
    expect(isGuid('0f8fa3b2')).toBe(false);
  });

  it('accepts the slugs the API accepts only', () => {
    expect(isSlug('renovation-de-la-place')).toBe(true);
    expect(isSlug('place-2')).toBe(true);
    for (const bad of ['', 'Rénovation', 'a--b', '-a', 'a-', 'a b', 'a_b', id, 'a'.repeat(101)]) expect(isSlug(bad)).toBe(false);
  });

  it('builds the pages with slugs, and ids when a slug is missing', () => {
    const project = { id, slug: 'renovation-de-la-place' };
    expect(projectPath(project)).toBe('/projects/renovation-de-la-place');
    expect(ideaPath(project, { id: 'i-1', slug: 'des-bancs' })).toBe('/projects/renovation-de-la-place/ideas/des-bancs');
    expect(ideaPath({ id }, { id: 'i-1', slug: null })).toBe(`/projects/${id}/ideas/i-1`);
    expect(eventPath({ id: 'e-1', slug: 'balade' })).toBe('/events/balade');
    expect(eventPath({ id: 'e-1' })).toBe('/events/e-1');
    expect(personPath('u-1')).toBe('/people/u-1');
  });
});

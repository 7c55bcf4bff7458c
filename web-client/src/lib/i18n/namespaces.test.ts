import { describe, expect, it } from 'vitest';
import { en } from './locales/en';
import { fr } from './locales/fr';
import { nl } from './locales/nl';
import { messagesOf, NAMESPACES, namespaceOf, STAFF_PATHS, FIRST_LOAD_PATHS } from './namespaces';

type Tree = Parameters<typeof messagesOf>[0];

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) =>
    typeof value === 'string' ? [`${prefix}${name}`] : keys(value, `${prefix}${name}.`),
  );
}

describe('the messages’ namespaces', () => {
  it('put the longest listed path first, and everything else with the residents', () => {
    expect(namespaceOf('homePage.online')).toBe('translation');
    expect(namespaceOf('homePage.editor.title')).toBe('staff');
    expect(namespaceOf('calendarEvents.all')).toBe('translation');
    expect(namespaceOf('calendarEvents.pageTitle')).toBe('resident');
    expect(namespaceOf('audit.title')).toBe('staff');
    expect(namespaceOf('projects.title')).toBe('resident');
    expect(namespaceOf('commonly')).toBe('resident');
  });

  it.each([
    ['fr', fr],
    ['nl', nl],
    ['en', en],
  ])('cut %s into parts that hold every key once', (_language, messages) => {
    const parts = NAMESPACES.map((namespace) => keys(messagesOf(messages as Tree, namespace)));
    expect(parts.flat().sort()).toEqual(keys(messages as Tree).sort());
    expect(new Set(parts.flat()).size).toBe(parts.flat().length);
  });

  it('list only paths that exist', () => {
    const all = keys(fr);
    for (const path of [...FIRST_LOAD_PATHS, ...STAFF_PATHS])
      expect(
        all.some((key) => key === path || key.startsWith(`${path}.`)),
        path,
      ).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { ALL_LANGUAGES, languageOfPath, negotiateLanguage, pathInLanguage, pathWithoutLanguage } from './negotiation';

const dutchAndFrench = { enabled: ['fr', 'nl'], defaultLanguage: 'fr' };

describe('the language of a visit to an address without one', () => {
  it.each([
    // browser languages, the platform's, the stored choice → the language
    [['nl-BE', 'nl', 'fr'], ALL_LANGUAGES, null, 'nl'],
    [['en-US', 'en'], ALL_LANGUAGES, null, 'en'],
    [['de-DE', 'nl-NL'], ALL_LANGUAGES, null, 'nl'],
    [['NL_be'], ALL_LANGUAGES, null, 'nl'],
    [['en-GB', 'nl-BE'], dutchAndFrench, null, 'nl'],
    [['en-GB', 'de'], dutchAndFrench, null, 'fr'],
    [[], dutchAndFrench, null, 'fr'],
    [['de'], { enabled: ['nl', 'en'], defaultLanguage: 'en' }, null, 'en'],
    [['nl-BE'], ALL_LANGUAGES, 'en', 'en'],
    [['nl-BE'], dutchAndFrench, 'en', 'nl'],
    [['de'], dutchAndFrench, 'nl', 'nl'],
    [['de'], { enabled: ['nl'], defaultLanguage: 'fr' }, null, 'nl'],
    [['de'], { enabled: ['xx'], defaultLanguage: 'yy' }, 'zz', 'fr'],
  ] as const)('browser %j, platform %j, stored %s → %s', (browser, platform, stored, expected) => {
    expect(negotiateLanguage(browser, platform, stored)).toBe(expected);
  });
});

describe('addresses and their language', () => {
  it('reads the language an address starts with', () => {
    expect(languageOfPath('/nl/projects/x')).toBe('nl');
    expect(languageOfPath('/en')).toBe('en');
    expect(languageOfPath('/projects')).toBeNull();
    expect(languageOfPath('/de/projects')).toBeNull();
    expect(languageOfPath('/')).toBeNull();
    expect(languageOfPath('/english')).toBeNull();
  });

  it('moves an address from one language to another', () => {
    expect(pathWithoutLanguage('/nl/projects/x')).toBe('/projects/x');
    expect(pathWithoutLanguage('/nl')).toBe('/');
    expect(pathWithoutLanguage('/projects')).toBe('/projects');
    expect(pathInLanguage('/projects/x', 'en')).toBe('/en/projects/x');
    expect(pathInLanguage('/', 'fr')).toBe('/fr/');
    expect(pathInLanguage(pathWithoutLanguage('/fr/events'), 'nl')).toBe('/nl/events');
  });
});

import { describe, expect, it } from 'vitest';
import { formatEventWhen, fromPlatformInput, toPlatformInput } from './event-time';

describe('event times in the platform time zone (Europe/Brussels)', () => {
  it('reads a datetime-local value as Brussels time, winter and summer', () => {
    expect(fromPlatformInput('2026-01-15T18:30')).toBe('2026-01-15T17:30:00.000Z');
    expect(fromPlatformInput('2026-07-15T18:30')).toBe('2026-07-15T16:30:00.000Z');
    expect(fromPlatformInput('not a date')).toBeNull();
  });

  it('writes an instant back as the Brussels wall time', () => {
    expect(toPlatformInput('2026-07-15T16:30:00Z')).toBe('2026-07-15T18:30');
    expect(toPlatformInput(fromPlatformInput('2026-03-29T10:00')!)).toBe('2026-03-29T10:00');
  });

  it('formats an event per language, one day or several', () => {
    expect(formatEventWhen('2026-07-15T16:30:00Z', '2026-07-15T18:00:00Z', 'fr')).toBe('mercredi 15 juillet 2026, 18:30 – 20:00');
    expect(formatEventWhen('2026-07-15T16:30:00Z', '2026-07-15T18:00:00Z', 'nl')).toContain('woensdag 15 juli 2026');
    expect(formatEventWhen('2026-07-15T16:30:00Z', '2026-07-16T18:00:00Z', 'en')).toContain('Thursday, July 16, 2026');
  });
});

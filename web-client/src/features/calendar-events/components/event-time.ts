/** The platform's time zone: events are shown and entered in it, whatever the visitor's. */
export const PLATFORM_TIME_ZONE = 'Europe/Brussels';

function parts(date: Date): Record<string, number> {
  const formatted = new Intl.DateTimeFormat('en-GB', {
    timeZone: PLATFORM_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const values: Record<string, number> = {};
  for (const part of formatted) if (part.type !== 'literal') values[part.type] = Number(part.value);
  return values;
}

/** The platform's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(instant: number): number {
  const p = parts(new Date(instant));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/** An instant as a `datetime-local` value in the platform's time zone (YYYY-MM-DDTHH:mm). */
export function toPlatformInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = parts(date);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A `datetime-local` value read in the platform's time zone, as an ISO instant; null when it is not one. */
export function fromPlatformInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant); // the offset where the instant really is (around the change of time)
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** When an event happens, in the UI language and the platform's time zone, e.g. « samedi 14 mars 2026, 10:00 – 12:00 ». */
export function formatEventWhen(startsAt: string, endsAt: string, language: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const day = new Intl.DateTimeFormat(language, { timeZone: PLATFORM_TIME_ZONE, dateStyle: 'full' });
  const time = new Intl.DateTimeFormat(language, { timeZone: PLATFORM_TIME_ZONE, timeStyle: 'short' });
  if (day.format(start) === day.format(end)) return `${day.format(start)}, ${time.format(start)} – ${time.format(end)}`;
  return `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
}

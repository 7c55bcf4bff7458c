import { fromDateInput, toDateInput } from '@/lib/format';

/** The period a dashboard covers, as the URL keeps it: days (YYYY-MM-DD, both included) and the waiting threshold. */
export interface Period {
  from?: string;
  to?: string;
  waitingDays?: number;
}

/** The API's limits (Features/Figures/PeriodQuery.cs): at most 731 days; a threshold of 1 to 365 days. */
export const MAX_PERIOD_DAYS = 731;
export const DEFAULT_PERIOD_DAYS = 91;
export const DEFAULT_WAITING_DAYS = 30;
export const MAX_WAITING_DAYS = 365;

export type PresetKey = 'last30' | 'quarter' | 'year';
export const PRESETS: readonly PresetKey[] = ['last30', 'quarter', 'year'];

/** The zone the API counts a period's days in (Features/Figures/FigureDefinitions.cs). */
export const FIGURES_TIME_ZONE = 'Europe/Brussels';

/**
 * Today in the city, as a local date at midnight: the presets end on the city's day, not the browser's (a browser on
 * UTC, or abroad, would otherwise send yesterday as the period's last day for an hour or more each night).
 */
export function cityToday(now: Date = new Date()): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: FIGURES_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(part('year'), part('month') - 1, part('day'));
}

function addDays(date: Date, days: number): Date {
  const copy = new Date(date);
  copy.setDate(copy.getDate() + days);
  return copy;
}

/** The days a preset covers, ending `today`: the last 30 days, the last quarter (91 days), the last 12 months. */
export function presetRange(key: PresetKey, today: Date): { from: string; to: string } {
  const to = toDateInput(today);
  if (key === 'last30') return { from: toDateInput(addDays(today, -29)), to };
  if (key === 'quarter') return { from: toDateInput(addDays(today, 1 - DEFAULT_PERIOD_DAYS)), to };
  const yearAgo = new Date(today);
  yearAgo.setFullYear(yearAgo.getFullYear() - 1);
  return { from: toDateInput(addDays(yearAgo, 1)), to };
}

/** The preset these days are, or 'custom'. */
export function presetOf(from: string, to: string, today: Date): PresetKey | 'custom' {
  return (
    PRESETS.find((key) => {
      const range = presetRange(key, today);
      return range.from === from && range.to === to;
    }) ?? 'custom'
  );
}

/** The number of days from `from` to `to`, both included (null when either is not a day). */
export function dayCount(from: string, to: string): number | null {
  const start = fromDateInput(from);
  const end = fromDateInput(to);
  if (!start || !end) return null;
  // Midday avoids a daylight-saving change making a day 23 or 25 hours long.
  const noon = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), 12);
  return Math.round((noon(end) - noon(start)) / 86_400_000) + 1;
}

/** The period in the address bar (`?from=…&to=…&waitingDays=…`); values the API will judge are passed as they are. */
export function readPeriod(search: URLSearchParams): Period {
  const from = search.get('from') || undefined;
  const to = search.get('to') || undefined;
  const waiting = search.get('waitingDays');
  const waitingDays = waiting && /^\d{1,4}$/.test(waiting) ? Number(waiting) : undefined;
  return { from, to, waitingDays };
}

/** The address bar's search for a period (the defaults left out, so a link without them follows the API's). */
export function periodSearch(period: Period): string {
  const search = new URLSearchParams();
  if (period.from) search.set('from', period.from);
  if (period.to) search.set('to', period.to);
  if (period.waitingDays !== undefined && period.waitingDays !== DEFAULT_WAITING_DAYS)
    search.set('waitingDays', String(period.waitingDays));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export type PeriodProblem = 'required' | 'order' | 'tooLong' | 'waitingRange';

/** What is wrong with a period before it is sent (the API checks the same and answers field errors). */
export function periodProblems(
  from: string,
  to: string,
  waitingDays: string,
): Partial<Record<'from' | 'to' | 'waitingDays', PeriodProblem>> {
  const problems: Partial<Record<'from' | 'to' | 'waitingDays', PeriodProblem>> = {};
  if (!fromDateInput(from)) problems.from = 'required';
  if (!fromDateInput(to)) problems.to = 'required';
  const days = dayCount(from, to);
  if (days !== null && days < 1) problems.from = 'order';
  else if (days !== null && days > MAX_PERIOD_DAYS) problems.from = 'tooLong';
  const waiting = Number(waitingDays);
  if (!/^\d+$/.test(waitingDays.trim()) || waiting < 1 || waiting > MAX_WAITING_DAYS) problems.waitingDays = 'waitingRange';
  return problems;
}

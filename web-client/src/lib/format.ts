/** A date in the UI language, e.g. « 3 mars 2026 ». */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(date);
}

/** A date and time in the UI language, e.g. « 3 mars 2026 à 14:05 ». */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** A date as an <input type="date"> value (local day): YYYY-MM-DD. */
export function toDateInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local midnight starting the given YYYY-MM-DD day, or null when the value is not a date. */
export function fromDateInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * An amount of money in the UI language and the given currency: whole amounts without decimals
 * (« 450 000 € »), others with cents (« 12,50 € »).
 */
export function formatMoney(amount: number, currency: string, language: string): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    // An unknown currency code: the number, then the code.
    return `${new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount)} ${currency}`;
  }
}

/** A share as a percentage in the UI language, e.g. « 37,5 % ». */
export function formatPercent(part: number, whole: number, language: string): string {
  const ratio = whole > 0 ? part / whole : 0;
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** A whole number in the UI language, e.g. « 1 234 ». */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** A calendar day given as YYYY-MM-DD (no time zone), in the UI language, e.g. « 3 mars 2026 »; `short`: « 3 mars ». */
export function formatDay(day: string, language: string, style: 'long' | 'short' = 'long'): string {
  const date = fromDateInput(day);
  if (!date) return day;
  const options: Intl.DateTimeFormatOptions = style === 'long' ? { dateStyle: 'long' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(language, options).format(date);
}

/** A figure in the UI language, with at most one decimal (« 1 234 », « 4,5 »). */
export function formatFigure(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

/** A file's size for people: "850 Ko", "2,4 Mo" (units in the page's language). */
export function formatFileSize(bytes: number, language: string): string {
  const unit = bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte';
  const value = bytes / (unit === 'megabyte' ? 1024 * 1024 : 1024);
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    Math.max(value, 0.1),
  );
}

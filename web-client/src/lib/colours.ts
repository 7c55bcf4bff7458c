/** WCAG 2.x contrast, as the API checks it when the platform's colours or a widget's are saved (at least 4.5:1). */
export const MIN_CONTRAST = 4.5;
export const WHITE = '#ffffff';
/** The page background (--color-bg in app.css) the primary colour is shown on as link text. */
export const PAGE_BACKGROUND = '#f5f7fa';

export function isColour(value: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(value);
}

function channel(colour: string, start: number): number {
  return Number.parseInt(colour.slice(start, start + 2), 16) / 255;
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function luminance(colour: string): number {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(channel(colour, 1)) + 0.7152 * linear(channel(colour, 3)) + 0.0722 * linear(channel(colour, 5));
}

/** The ratio of two #rrggbb colours (1 to 21), or null when one is not a colour. */
export function contrast(a: string, b: string): number | null {
  if (!isColour(a) || !isColour(b)) return null;
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The soft tint app.css derives from the primary colour: color-mix(in srgb, primary 10%, white). */
export function tint(colour: string): string {
  const mix = (start: number) =>
    Math.round(channel(colour, start) * 255 * 0.1 + 255 * 0.9)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(1)}${mix(3)}${mix(5)}`;
}

/** The lowest contrast of the primary colour as text on what it is shown on: white, the page, its own tint. */
export function primaryAsText(primary: string): number | null {
  if (!isColour(primary)) return null;
  return Math.min(...[WHITE, PAGE_BACKGROUND, tint(primary)].map((background) => contrast(primary, background) ?? 0));
}

/** Rounded down to one decimal, as people read it (4.49 is not 4.5). */
export function ratio(value: number): number {
  return Math.floor(value * 10) / 10;
}

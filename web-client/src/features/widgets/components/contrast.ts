/** WCAG 2.1 contrast, as the API checks it when a widget is saved (text and accent on the background, at least 4.5:1). */
export const MIN_CONTRAST = 4.5;

export function isColour(value: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(value);
}

function luminance(colour: string): number {
  const channel = (start: number) => {
    const c = Number.parseInt(colour.slice(start, start + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The ratio of two #rrggbb colours (1 to 21), or null when one is not a colour. */
export function contrast(a: string, b: string): number | null {
  if (!isColour(a) || !isColour(b)) return null;
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Rounded down to one decimal, as people read it (4.49 is not 4.5). */
export function ratio(value: number): number {
  return Math.floor(value * 10) / 10;
}

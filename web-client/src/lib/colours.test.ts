import { describe, expect, it } from 'vitest';
import { contrast, isColour, ratio } from './colours';

describe('colours', () => {
  it('computes the WCAG ratio', () => {
    expect(ratio(contrast('#000000', '#ffffff')!)).toBe(21);
    expect(ratio(contrast('#777777', '#FFFFFF')!)).toBe(4.4);
    expect(ratio(contrast('#1d4ed8', '#ffffff')!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#fff', '#000000')).toBeNull();
  });

  it('accepts #rrggbb only', () => {
    expect(isColour('#1D4ed8')).toBe(true);
    expect(isColour('red')).toBe(false);
    expect(isColour('#12345')).toBe(false);
  });
});

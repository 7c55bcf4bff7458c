import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Avatar, initials } from './avatar';

describe('Avatar', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Alice Martin')).toBe('AM');
    expect(initials('  élodie  de la Tour ')).toBe('ÉT');
    expect(initials('Zoë')).toBe('Z');
    expect(initials('')).toBe('?');
  });

  it('shows the picture, or the initials, hidden from assistive technologies', () => {
    const { container, rerender } = render(<Avatar name="Alice Martin" url="/api/v1/avatars/abc.png" />);
    const img = container.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/api/v1/avatars/abc.png');
    expect(img.getAttribute('alt')).toBe('');
    expect(img.getAttribute('aria-hidden')).toBe('true');
    rerender(<Avatar name="Alice Martin" url={null} />);
    const disc = container.querySelector('.avatar--initials')!;
    expect(disc.getAttribute('data-initials')).toBe('AM');
    expect(disc.textContent).toBe(''); // drawn by the style sheet, outside the surrounding text
    expect(disc.getAttribute('aria-hidden')).toBe('true');
  });
});

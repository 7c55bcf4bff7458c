import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { ChangeIndicator, changeOf } from './change-indicator';

const text = (element: HTMLElement) => element.textContent?.replace(/[\s\u202f\u00a0]+/g, ' ').trim();

function renderChange(value?: number, previous?: number) {
  const { container } = render(
    <TestProviders>
      <ChangeIndicator value={value} previous={previous} />
    </TestProviders>,
  );
  return container.firstElementChild as HTMLElement;
}

describe('the change against the previous period', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('is computed as a direction, an amount and a ratio', () => {
    expect(changeOf(15, 10)).toEqual({ direction: 'up', amount: 5, ratio: 0.5 });
    expect(changeOf(6, 8)).toEqual({ direction: 'down', amount: 2, ratio: -0.25 });
    expect(changeOf(4, 4)).toEqual({ direction: 'same', amount: 0, ratio: 0 });
    expect(changeOf(3, 0)).toEqual({ direction: 'up', amount: 3, ratio: null });
    expect(changeOf(2.3, 2.1).amount).toBe(0.2);
    expect(changeOf(undefined, 4).direction).toBe('none');
    expect(changeOf(4, null).direction).toBe('none');
  });

  it('says up and down in words beside the arrow, the arrow hidden from screen readers', () => {
    const up = renderChange(15, 10);
    expect(text(up)).toBe('▲ En hausse de 5 (+50 %)');
    expect(up.querySelector('[aria-hidden="true"]')).toHaveTextContent('▲');
    expect(screen.getByText(/En hausse de 5/)).toBeInTheDocument();
  });

  it('says a fall, no change, a rise from zero and a missing comparison', () => {
    expect(text(renderChange(6, 8))).toBe('▼ En baisse de 2 (-25 %)');
    expect(text(renderChange(4, 4))).toBe('= Stable par rapport à la période précédente');
    expect(text(renderChange(3, 0))).toBe('▲ En hausse de 3');
    expect(text(renderChange(undefined, 3))).toBe('Pas de comparaison possible');
  });

  it('speaks the reader’s language', async () => {
    await i18n.changeLanguage('en');
    expect(text(renderChange(1.5, 1))).toBe('▲ Up by 0.5 (+50%)');
    // The English one is still on screen: it follows the change of language too.
    await act(() => i18n.changeLanguage('nl'));
    expect(text(renderChange(1, 2))).toBe('▼ 1 minder (-50%)');
  });
});

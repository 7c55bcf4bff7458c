import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axisStep, ColumnChart } from './column-chart';

const items = [
  { id: 'w1', label: '3 mars', value: 4, title: 'Semaine du 3 mars : 4' },
  { id: 'w2', label: '10 mars', value: 0, title: 'Semaine du 10 mars : 0' },
  { id: 'w3', label: '17 mars', value: 9, title: 'Semaine du 17 mars : 9' },
];

describe('ColumnChart', () => {
  it('is one image named by its summary, with a <title>, a column per non-zero value and a tooltip per week', () => {
    const { container } = render(<ColumnChart label="Participants par semaine : au plus 9." items={items} formatValue={String} />);
    const chart = screen.getByRole('img', { name: 'Participants par semaine : au plus 9.' });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.querySelector(':scope > title')?.textContent).toBe('Participants par semaine : au plus 9.');
    expect(container.querySelectorAll('.column-chart__bar')).toHaveLength(2);
    const titles = [...container.querySelectorAll('.column-chart__hit > title')].map((t) => t.textContent);
    expect(titles).toEqual(['Semaine du 3 mars : 4', 'Semaine du 10 mars : 0', 'Semaine du 17 mars : 9']);
  });

  it('draws the taller column for the larger value, both on the same baseline', () => {
    const { container } = render(<ColumnChart label="x" items={items} formatValue={String} />);
    const [small, large] = [...container.querySelectorAll('.column-chart__bar')];
    const bottom = (rect: Element) => Number(rect.getAttribute('y')) + Number(rect.getAttribute('height'));
    expect(Number(large.getAttribute('height'))).toBeGreaterThan(Number(small.getAttribute('height')));
    expect(bottom(large)).toBeCloseTo(bottom(small));
  });

  it('writes round axis values, and only some week labels when there are many weeks', () => {
    const many = Array.from({ length: 52 }, (_, i) => ({ id: `w${i}`, label: `s${i}`, value: i * 3, title: `${i}` }));
    const { container } = render(<ColumnChart label="x" items={many} formatValue={(v) => `n${v}`} />);
    const labels = [...container.querySelectorAll('.column-chart__column .column-chart__axis-label')];
    expect(labels.length).toBeLessThanOrEqual(8);
    expect(labels[0]).toHaveTextContent('s0');
    const ticks = [...container.querySelectorAll('.column-chart__tick text')].map((t) => t.textContent);
    expect(ticks[0]).toBe('n0');
    expect(ticks.at(-1)).toBe('n200');
  });

  it('picks steps of 1, 2, 2.5, 5 or 10 times a power of ten, rounded up to whole numbers', () => {
    expect(axisStep(0)).toBe(1);
    expect(axisStep(3)).toBe(1);
    expect(axisStep(9)).toBe(3);
    expect(axisStep(40)).toBe(10);
    expect(axisStep(153)).toBe(50);
    expect(axisStep(1000)).toBe(250);
  });
});

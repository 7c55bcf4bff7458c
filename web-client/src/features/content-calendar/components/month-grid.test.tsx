import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ContentCalendarKind, type ContentCalendarItem } from '@contracts/participation-client';
import { TestProviders } from '@/test/providers';
import { monthWeeks } from './calendar-dates';
import { DayList } from './day-list';
import { MonthGrid } from './month-grid';

const items: ContentCalendarItem[] = [
  {
    id: 'e-1',
    kind: ContentCalendarKind.Event,
    title: 'Balade au parc',
    startsAt: new Date(2026, 11, 8, 17, 0).toISOString(),
    link: '/events/e-1',
    projectId: 'p-1',
    projectTitle: 'Parc du centre',
    cancelled: false,
  },
  {
    id: 'ph-1',
    kind: ContentCalendarKind.PhaseStart,
    title: 'Vote',
    startsAt: new Date(2026, 11, 8, 9, 0).toISOString(),
    link: '/admin/projects/p-1',
    projectId: 'p-1',
    projectTitle: 'Parc du centre',
    cancelled: false,
  },
];

function Harness({ start, list = false }: { start: Date; list?: boolean }) {
  const [cursor, setCursor] = useState(start);
  return (
    <TestProviders>
      <MemoryRouter>
        <h2 id="content-calendar-month">Décembre 2026</h2>
        {list ? (
          <DayList items={items} today={new Date(2026, 11, 6)} />
        ) : (
          <MonthGrid cursor={cursor} onCursorChange={setCursor} items={items} today={new Date(2026, 11, 6)} />
        )}
      </MemoryRouter>
    </TestProviders>
  );
}

describe('monthWeeks', () => {
  it('lays a month out in weeks starting on Monday', () => {
    const weeks = monthWeeks(new Date(2026, 11, 1)); // 1 December 2026 is a Tuesday
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0]).toBeNull();
    expect(weeks[0][1]?.getDate()).toBe(1);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });
});

describe('MonthGrid', () => {
  it('is a grid with weekday headers, today marked and each day listing its entries as links', () => {
    render(<Harness start={new Date(2026, 11, 6)} />);
    const grid = screen.getByRole('grid', { name: 'Décembre 2026' });
    const headers = within(grid).getAllByRole('columnheader');
    expect(headers).toHaveLength(7);
    expect(headers[0]).toHaveAttribute('abbr', 'lundi');
    const today = grid.querySelector('[aria-current="date"]')!;
    expect(today).toHaveAttribute('data-day', '2026-12-06');
    expect(today).toHaveAttribute('tabindex', '0');
    const eighth = grid.querySelector<HTMLElement>('[data-day="2026-12-08"]')!;
    expect(eighth).toHaveAttribute('tabindex', '-1');
    expect(eighth).toHaveAccessibleName(/2 éléments/);
    const links = within(eighth).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/admin/projects/p-1', '/events/e-1']);
    expect(links[1]).toHaveTextContent('Événement : Balade au parc (Parc du centre)');
  });

  it('moves between days with the arrow keys, into the next month too', async () => {
    const user = userEvent.setup();
    render(<Harness start={new Date(2026, 11, 6)} />);
    const grid = screen.getByRole('grid');
    grid.querySelector<HTMLElement>('[data-day="2026-12-06"]')!.focus();

    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toHaveAttribute('data-day', '2026-12-07');
    expect(document.activeElement).toHaveAttribute('tabindex', '0');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-day', '2026-12-14');
    await user.keyboard('{Home}');
    expect(document.activeElement).toHaveAttribute('data-day', '2026-12-14');
    await user.keyboard('{End}');
    expect(document.activeElement).toHaveAttribute('data-day', '2026-12-20');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('data-day', '2026-12-13');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-day', '2027-01-03');
    expect(screen.getByRole('grid').querySelector('[data-day="2026-12-06"]')).toBeNull();
    await user.keyboard('{PageUp}');
    expect(document.activeElement).toHaveAttribute('data-day', '2026-12-03');
  });

  it('lists the entries by day', () => {
    render(<Harness start={new Date(2026, 11, 6)} list />);
    const day = screen.getByRole('heading', { level: 3, name: /8 décembre 2026/ });
    expect(day).toBeInTheDocument();
    expect(screen.getAllByRole('link')).toHaveLength(2);
  });
});

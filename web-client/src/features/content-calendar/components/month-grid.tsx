import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentCalendarItem } from '@contracts/participation-client';
import { addDays, byDay, dayKey, monthWeeks, sameDay, startOfMonth } from './calendar-dates';
import { ItemLink } from './item-link';

export interface MonthGridProps {
  /** The focused day; the grid shows its month. */
  cursor: Date;
  onCursorChange: (day: Date) => void;
  items: readonly ContentCalendarItem[];
  today: Date;
}

/**
 * A month as a grid (APG grid pattern): weekday column headers, one focusable cell per day (roving tabindex) listing its
 * entries as links; arrows move a day or a week (into the next or previous month too), Home/End to the week's ends,
 * Page Up/Down a month. Today is marked (aria-current="date").
 */
export function MonthGrid({ cursor, onCursorChange, items, today }: MonthGridProps) {
  const { t, i18n } = useTranslation();
  const table = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  const month = startOfMonth(cursor);
  const weeks = monthWeeks(month);
  const days = byDay(items);
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short' });
  const weekdayLong = new Intl.DateTimeFormat(i18n.language, { weekday: 'long' });
  const fullDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' });
  const headers = Array.from({ length: 7 }, (_, i) => new Date(2024, 0, 1 + i)); // 1 January 2024 was a Monday

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    table.current?.querySelector<HTMLElement>(`[data-day="${dayKey(cursor)}"]`)?.focus();
  }, [cursor]);

  function onKeyDown(event: KeyboardEvent<HTMLTableCellElement>, day: Date) {
    const weekdayIndex = (day.getDay() + 6) % 7;
    const targets: Record<string, () => Date> = {
      ArrowLeft: () => addDays(day, -1),
      ArrowRight: () => addDays(day, 1),
      ArrowUp: () => addDays(day, -7),
      ArrowDown: () => addDays(day, 7),
      Home: () => addDays(day, -weekdayIndex),
      End: () => addDays(day, 6 - weekdayIndex),
      PageUp: () => new Date(day.getFullYear(), day.getMonth() - 1, Math.min(day.getDate(), 28)),
      PageDown: () => new Date(day.getFullYear(), day.getMonth() + 1, Math.min(day.getDate(), 28)),
    };
    const target = targets[event.key];
    if (!target || event.target !== event.currentTarget) return;
    event.preventDefault();
    moved.current = true;
    onCursorChange(target());
  }

  return (
    <table ref={table} role="grid" className="month-grid" aria-labelledby="content-calendar-month">
      <thead>
        <tr>
          {headers.map((d) => (
            <th key={d.getDay()} scope="col" abbr={weekdayLong.format(d)}>
              {weekday.format(d)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((day, i) => {
              if (!day) return <td key={i} className="month-grid__blank" />;
              const entries = days.get(dayKey(day)) ?? [];
              const isToday = sameDay(day, today);
              return (
                <td
                  key={i}
                  data-day={dayKey(day)}
                  tabIndex={sameDay(day, cursor) ? 0 : -1}
                  aria-current={isToday ? 'date' : undefined}
                  aria-label={`${fullDate.format(day)}${isToday ? `, ${t('contentCalendar.today')}` : ''}, ${t('contentCalendar.entries', {
                    count: entries.length,
                  })}`}
                  className={`month-grid__day${isToday ? ' month-grid__day--today' : ''}`}
                  onKeyDown={(e) => onKeyDown(e, day)}
                  onFocus={(e) => {
                    if (e.target === e.currentTarget && !sameDay(day, cursor)) onCursorChange(day);
                  }}
                >
                  <span className="month-grid__number" aria-hidden="true">
                    {day.getDate()}
                  </span>
                  {entries.length > 0 ? (
                    <ul className="month-grid__items">
                      {entries.map((item) => (
                        <li key={`${item.kind}-${item.id}`}>
                          <ItemLink item={item} />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

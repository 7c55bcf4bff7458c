import { useTranslation } from 'react-i18next';
import type { ContentCalendarItem } from '@contracts/participation-client';
import { byDay, dayKey, sameDay } from './calendar-dates';
import { ItemLink } from './item-link';

/** The entries grouped by day, a heading per day with entries (today marked). */
export function DayList({ items, today }: { items: readonly ContentCalendarItem[]; today: Date }) {
  const { t, i18n } = useTranslation();
  const fullDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' });
  const days = [...byDay(items).entries()];
  if (days.length === 0) return <p className="muted">{t('contentCalendar.empty')}</p>;
  return (
    <div className="day-list">
      {days.map(([key, entries]) => {
        const day = new Date(entries[0].startsAt);
        const isToday = sameDay(day, today);
        return (
          <section key={key} aria-labelledby={`day-${key}`} aria-current={isToday ? 'date' : undefined}>
            <h3 id={`day-${dayKey(day)}`}>
              {fullDate.format(day)}
              {isToday ? ` — ${t('contentCalendar.today')}` : ''}
            </h3>
            <ul className="day-list__items">
              {entries.map((item) => (
                <li key={`${item.kind}-${item.id}`}>
                  <ItemLink item={item} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

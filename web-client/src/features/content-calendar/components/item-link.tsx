import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContentCalendarItem } from '@contracts/participation-client';
import { formatDay } from '@/lib/format';

/** What an entry says: its kind, then its title and project (or a briefing's period). */
export function useItemText() {
  const { t, i18n } = useTranslation();
  return (item: ContentCalendarItem) => {
    const what =
      item.periodFrom && item.periodTo
        ? t('contentCalendar.period', {
            from: formatDay(item.periodFrom, i18n.language),
            to: formatDay(item.periodTo, i18n.language),
          })
        : item.projectTitle
          ? `${item.title} (${item.projectTitle})`
          : item.title;
    const text = `${t(`contentCalendar.kinds.${item.kind}`)} : ${what}`;
    return item.cancelled ? `${text} — ${t('contentCalendar.cancelled')}` : text;
  };
}

export function ItemLink({ item }: { item: ContentCalendarItem }) {
  const text = useItemText();
  const { i18n } = useTranslation();
  const time = new Date(item.startsAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <Link to={item.link} className={`calendar-item calendar-item--${item.kind}`}>
      <span className="calendar-item__time">{time}</span> {text(item)}
    </Link>
  );
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarEventPeriod } from '@contracts/participation-client';
import { calendarEventsQueryOptions, platformCalendarUrl } from '../api/calendar-events';
import { EventCard } from './event-card';
import { EventList, EventPeriodChoice } from './event-list';

/** Every event of the platform: upcoming (soonest first) or past, a page at a time, and the feed to subscribe to. */
export function EventsDirectory() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<CalendarEventPeriod>(CalendarEventPeriod.Upcoming);
  const events = useInfiniteQuery(calendarEventsQueryOptions({ period, limit: 20 }));
  return (
    <div className="stack">
      <p>
        <a href={platformCalendarUrl}>{t('calendarEvents.platformFeed')}</a> <span className="muted">{t('calendarEvents.feedHint')}</span>
      </p>
      <EventPeriodChoice name="event-period" value={period} onChange={setPeriod} />
      <EventList events={events} empty={period === CalendarEventPeriod.Upcoming ? t('calendarEvents.none') : t('calendarEvents.nonePast')}>
        {(event) => <EventCard key={event.id} event={event} headingLevel={2} />}
      </EventList>
    </div>
  );
}

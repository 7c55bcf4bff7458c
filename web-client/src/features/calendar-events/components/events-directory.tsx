import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarEventPeriod } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { calendarEventsQueryOptions, platformCalendarUrl } from '../api/calendar-events';
import { EventCard } from './event-card';

/** Every event of the platform: upcoming (soonest first) or past, a page at a time, and the feed to subscribe to. */
export function EventsDirectory() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<CalendarEventPeriod>(CalendarEventPeriod.Upcoming);
  const events = useInfiniteQuery(calendarEventsQueryOptions({ period, limit: 20 }));
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="stack">
      <p>
        <a href={platformCalendarUrl}>{t('calendarEvents.platformFeed')}</a> <span className="muted">{t('calendarEvents.feedHint')}</span>
      </p>
      <fieldset className="fieldset fieldset--plain">
        <legend>{t('calendarEvents.periodLegend')}</legend>
        {[CalendarEventPeriod.Upcoming, CalendarEventPeriod.Past].map((value) => (
          <div className="choice" key={value}>
            <input
              type="radio"
              id={`event-period-${value}`}
              name="event-period"
              value={value}
              checked={period === value}
              onChange={() => setPeriod(value)}
            />
            <label htmlFor={`event-period-${value}`}>{t(`calendarEvents.period.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      {events.isPending ? (
        <Loading label={t('common.loading')} />
      ) : events.isError ? (
        <Alert variant="error" title={describeError(t, toApiError(events.error))} />
      ) : items.length === 0 ? (
        <p className="muted">{period === CalendarEventPeriod.Upcoming ? t('calendarEvents.none') : t('calendarEvents.nonePast')}</p>
      ) : (
        <ul className="card-list">
          {items.map((event) => (
            <EventCard key={event.id} event={event} headingLevel={2} />
          ))}
        </ul>
      )}
      {events.hasNextPage ? (
        <p>
          <Button variant="secondary" pending={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
            {t('calendarEvents.more')}
          </Button>
        </p>
      ) : null}
    </div>
  );
}

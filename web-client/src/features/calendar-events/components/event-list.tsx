import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarEventPeriod, type CalendarEvent, type ListCalendarEventsResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';

/** Upcoming or past events: a radio group named by its legend (ids prefixed by `name`, several on a page stay distinct). */
export function EventPeriodChoice({
  name,
  value,
  onChange,
}: {
  name: string;
  value: CalendarEventPeriod;
  onChange: (period: CalendarEventPeriod) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset fieldset--plain">
      <legend>{t('calendarEvents.periodLegend')}</legend>
      {[CalendarEventPeriod.Upcoming, CalendarEventPeriod.Past].map((period) => (
        <div className="choice" key={period}>
          <input
            type="radio"
            id={`${name}-${period}`}
            name={name}
            value={period}
            checked={value === period}
            onChange={() => onChange(period)}
          />
          <label htmlFor={`${name}-${period}`}>{t(`calendarEvents.period.${period}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A paged list of events: loading, error and empty states, the items, and "more" while pages remain. */
export function EventList({
  events,
  empty,
  children,
}: {
  events: UseInfiniteQueryResult<InfiniteData<ListCalendarEventsResponse>>;
  empty: string;
  children: (event: CalendarEvent) => ReactNode;
}) {
  const { t } = useTranslation();
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {events.isPending ? (
        <Loading label={t('common.loading')} />
      ) : events.isError ? (
        <Alert variant="error" title={describeError(t, toApiError(events.error))} />
      ) : items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="card-list">{items.map((event) => children(event))}</ul>
      )}
      {events.hasNextPage ? (
        <p>
          <Button variant="secondary" pending={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
            {t('calendarEvents.more')}
          </Button>
        </p>
      ) : null}
    </>
  );
}

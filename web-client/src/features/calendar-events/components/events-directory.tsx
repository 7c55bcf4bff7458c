import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarEventPeriod } from '@contracts/participation-client';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { activeFilters, FiltersPanel } from '@/components/ui/filters-panel';
import { calendarEventsQueryOptions, platformCalendarUrl } from '../api/calendar-events';
import { EventCard } from './event-card';
import { EventList, EventPeriodChoice } from './event-list';

export interface EventsDirectoryProps {
  /** The topics and areas to filter by (an event has its project's); none: no such filter. */
  topicOptions?: readonly SelectOption[];
  areaOptions?: readonly SelectOption[];
}

/**
 * Every event of the platform: upcoming (soonest first) or past, by its project's topic or area, a page at a time, and
 * the feed to subscribe to.
 */
export function EventsDirectory({ topicOptions = [], areaOptions = [] }: EventsDirectoryProps) {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState<CalendarEventPeriod>(CalendarEventPeriod.Upcoming);
  const [topicId, setTopicId] = useState('');
  const [areaId, setAreaId] = useState('');
  const events = useInfiniteQuery(calendarEventsQueryOptions({ period, topicId, areaId, limit: 20 }));
  return (
    <div className="stack">
      <p>
        <a href={platformCalendarUrl(i18n.language)}>{t('calendarEvents.platformFeed')}</a>{' '}
        <span className="muted">{t('calendarEvents.feedHint')}</span>
      </p>
      {topicOptions.length > 0 || areaOptions.length > 0 ? (
        <FiltersPanel label={t('calendarEvents.filters.label')} className="panel" active={activeFilters({ topicId, areaId })}>
          {topicOptions.length > 0 ? (
            <SelectField
              id="events-topic"
              label={t('calendarEvents.filters.topic')}
              value={topicId}
              onChange={(e) => setTopicId(e.target.value)}
              options={[{ value: '', label: t('calendarEvents.filters.anyTopic') }, ...topicOptions]}
            />
          ) : null}
          {areaOptions.length > 0 ? (
            <SelectField
              id="events-area"
              label={t('calendarEvents.filters.area')}
              value={areaId}
              onChange={(e) => setAreaId(e.target.value)}
              options={[{ value: '', label: t('calendarEvents.filters.anyArea') }, ...areaOptions]}
            />
          ) : null}
          <p className="field__hint">{t('calendarEvents.filters.hint')}</p>
        </FiltersPanel>
      ) : null}
      <EventPeriodChoice name="event-period" value={period} onChange={setPeriod} />
      <EventList events={events} empty={period === CalendarEventPeriod.Upcoming ? t('calendarEvents.none') : t('calendarEvents.nonePast')}>
        {(event) => <EventCard key={event.id} event={event} headingLevel={2} />}
      </EventList>
    </div>
  );
}

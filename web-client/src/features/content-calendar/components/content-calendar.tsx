import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ContentCalendarKind } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { ToggleChips } from '@/components/ui/toggle-chips';
import { contentCalendarQueryOptions } from '../api/content-calendar';
import { addMonths, startOfDay, startOfMonth } from './calendar-dates';
import { DayList } from './day-list';
import { FeedPanel } from './feed-panel';
import { MonthGrid } from './month-grid';

const CAMPAIGN_KINDS: string[] = [ContentCalendarKind.CampaignScheduled, ContentCalendarKind.CampaignSent];
const BRIEFING_KINDS: string[] = [ContentCalendarKind.BriefingPlanned, ContentCalendarKind.BriefingSent];

type View = 'month' | 'list';

function initialView(): View {
  return typeof window !== 'undefined' && window.matchMedia?.('(max-width: 40rem)').matches ? 'list' : 'month';
}

/**
 * The staff content calendar: a month of phases, events, campaigns and briefings (what the API lets the caller see), as
 * a grid or a list by day, filtered by kind; and the private iCalendar address.
 */
export function ContentCalendar({ now = new Date() }: { now?: Date }) {
  const { t, i18n } = useTranslation();
  const today = startOfDay(now);
  const [cursor, setCursor] = useState<Date>(today);
  const [view, setView] = useState<View>(initialView);
  const [hidden, setHidden] = useState<string[]>([]);
  const month = startOfMonth(cursor);
  const query = useQuery(contentCalendarQueryOptions(month, addMonths(month, 1)));
  const access = query.data?.access;
  const kinds = Object.values(ContentCalendarKind).filter(
    (k) => (access?.campaigns || !CAMPAIGN_KINDS.includes(k)) && (access?.briefings || !BRIEFING_KINDS.includes(k)),
  );
  const items = (query.data?.items ?? []).filter((item) => !hidden.includes(item.kind));
  const title = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric' }).format(month);

  return (
    <div className="content-calendar">
      <div className="content-calendar__bar">
        <div className="content-calendar__month">
          <Button variant="secondary" onClick={() => setCursor(addMonths(month, -1))}>
            {t('contentCalendar.previous')}
          </Button>
          <h2 id="content-calendar-month" aria-live="polite">
            {title}
          </h2>
          <Button variant="secondary" onClick={() => setCursor(addMonths(month, 1))}>
            {t('contentCalendar.next')}
          </Button>
          <Button variant="secondary" onClick={() => setCursor(today)}>
            {t('contentCalendar.today')}
          </Button>
        </div>
        <div className="content-calendar__views" role="group" aria-label={t('contentCalendar.view')}>
          <Button variant={view === 'month' ? 'primary' : 'secondary'} aria-pressed={view === 'month'} onClick={() => setView('month')}>
            {t('contentCalendar.monthView')}
          </Button>
          <Button variant={view === 'list' ? 'primary' : 'secondary'} aria-pressed={view === 'list'} onClick={() => setView('list')}>
            {t('contentCalendar.listView')}
          </Button>
        </div>
      </div>
      <ToggleChips
        id="content-calendar-kinds"
        legend={t('contentCalendar.kindsLegend')}
        options={kinds.map((k) => ({ value: k, label: t(`contentCalendar.kinds.${k}`) }))}
        selected={kinds.filter((k) => !hidden.includes(k))}
        onChange={(selected) => setHidden(kinds.filter((k) => !selected.includes(k)))}
      />
      {query.isPending ? <Loading label={t('contentCalendar.loading')} /> : null}
      {query.isError ? (
        <Alert variant="error" role="alert">
          {describeError(t, toApiError(query.error))}
        </Alert>
      ) : null}
      {query.isSuccess ? (
        view === 'month' ? (
          <div className="content-calendar__grid">
            <MonthGrid cursor={cursor} onCursorChange={setCursor} items={items} today={today} />
            <p className="muted">{t('contentCalendar.keyboardHint')}</p>
          </div>
        ) : (
          <DayList items={items} today={today} />
        )
      ) : null}
      <FeedPanel />
    </div>
  );
}

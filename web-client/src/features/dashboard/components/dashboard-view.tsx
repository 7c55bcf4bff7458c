import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetDashboardPhaseParticipation, GetDashboardResponse, ListDashboardScopesResponse } from '@contracts/participation-client';
import { formatDay, fromDateInput, toDateInput } from '@/lib/format';
import { dayCount } from '../api/period';
import { Decisions, TopIdeas, UpcomingPhases, WaitingIdeas } from './dashboard-lists';
import { FigureCards } from './figure-cards';
import { IdeasByStatus, MethodParticipation, PhaseParticipation } from './participation-breakdown';
import { RelatedDashboards } from './related-dashboards';
import { WeeklyActivity } from './weekly-activity';

/** The API's horizon for upcoming phases (Features/Figures/GetDashboard.cs UpcomingDays). */
export const UPCOMING_DAYS = 60;

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section className="panel dashboard-section" aria-labelledby={`dashboard-${id}-title`}>
      <h2 id={`dashboard-${id}-title`}>{title}</h2>
      {intro ? <p className="muted">{intro}</p> : null}
      {children}
    </section>
  );
}

/** The period a dashboard covers and the one it is compared with, in words. */
export function periodSentence(
  t: (key: string, options?: Record<string, unknown>) => string,
  data: GetDashboardResponse,
  language: string,
) {
  // The previous period ends the day before this one starts.
  const day = fromDateInput(data.from);
  if (day) day.setDate(day.getDate() - 1);
  const previousToDay = day ? toDateInput(day) : data.previousFrom;
  return t('dashboard.period', {
    from: formatDay(data.from, language),
    to: formatDay(data.to, language),
    count: dayCount(data.from, data.to) ?? 0,
    previousFrom: formatDay(data.previousFrom, language),
    previousTo: formatDay(previousToDay, language),
  });
}

export interface DashboardViewProps {
  data: GetDashboardResponse;
  scopes: ListDashboardScopesResponse;
  /** The period's search part, kept in links to other dashboards. */
  search: string;
  resultsPath?: (phase: GetDashboardPhaseParticipation) => string | null;
}

/** A scope's dashboard, read-only: figures, weekly activity, participation, ideas, decisions, what waits, what comes. */
export function DashboardView({ data, scopes, search, resultsPath }: DashboardViewProps) {
  const { t } = useTranslation();
  return (
    <div className="stack dashboard">
      <Section id="figures" title={t('dashboard.figures.title')} intro={t('dashboard.figures.intro')}>
        <FigureCards figures={data.figures} />
      </Section>
      <Section id="weekly" title={t('dashboard.weekly.title')} intro={t('dashboard.weekly.intro')}>
        <WeeklyActivity weeks={data.weeks} figures={data.figures} />
      </Section>
      <Section id="phases" title={t('dashboard.phases.title')} intro={t('dashboard.phases.intro')}>
        <PhaseParticipation phases={data.phases} resultsPath={resultsPath} />
      </Section>
      <Section id="methods" title={t('dashboard.methods.title')} intro={t('dashboard.methods.intro')}>
        <MethodParticipation methods={data.methods} />
      </Section>
      <Section id="statuses" title={t('dashboard.statuses.title')} intro={t('dashboard.statuses.intro')}>
        <IdeasByStatus statuses={data.ideasByStatus} />
      </Section>
      <Section id="top-ideas" title={t('dashboard.topIdeas.title')} intro={t('dashboard.topIdeas.intro')}>
        <TopIdeas ideas={data.topIdeas} />
      </Section>
      <Section id="decisions" title={t('dashboard.decisions.title')} intro={t('dashboard.decisions.intro')}>
        <Decisions decisions={data.decisions} />
      </Section>
      <Section id="waiting" title={t('dashboard.waiting.title')} intro={t('dashboard.waiting.intro')}>
        <WaitingIdeas waiting={data.waiting} total={data.waitingTotal} waitingDays={data.waitingDays} />
      </Section>
      <Section id="upcoming" title={t('dashboard.upcoming.title')} intro={t('dashboard.upcoming.intro', { count: UPCOMING_DAYS })}>
        <UpcomingPhases phases={data.upcomingPhases} days={UPCOMING_DAYS} />
      </Section>
      <RelatedDashboards data={data} scopes={scopes} search={search} />
    </div>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  FigureScopeType,
  type GetDashboardMethodParticipation,
  type GetDashboardPhaseParticipation,
  type StatusCount,
} from '@contracts/participation-client';
import { BarChart } from '@/components/ui/bar-chart';
import { ResultsTable } from '@/components/ui/results-table';
import { TableToggle } from '@/components/ui/table-toggle';
import { formatDate, formatNumber } from '@/lib/format';
import { dashboardPath } from '../api/dashboard';

/** How many bars a chart draws (its table lists every row); how many its accessible name reads out. */
const CHART_ITEMS = 10;
const SUMMARY_ITEMS = 3;

function useCounts() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return {
    participants: (count: number) => t('dashboard.counts.participants', { count, formatted: formatNumber(count, language) }),
    actions: (count: number) => t('dashboard.counts.actions', { count, formatted: formatNumber(count, language) }),
    ideas: (count: number) => t('dashboard.counts.ideas', { count, formatted: formatNumber(count, language) }),
    number: (count: number) => formatNumber(count, language),
  };
}

/** A chart's summary: what it counts and its first rows (« Projet – Phase : 12 participants ; … »). */
function summary(intro: string, rows: string[], empty: string): string {
  return rows.length === 0 ? empty : `${intro} ${rows.slice(0, SUMMARY_ITEMS).join(' ; ')}.`;
}

/** Participation by phase: the phases that ran during the period, the most followed first, with links to their dashboards. */
export function PhaseParticipation({
  phases,
  resultsPath,
}: {
  phases: GetDashboardPhaseParticipation[];
  /** The page of a phase's (provisional) results, for the methods that have some. */
  resultsPath?: (phase: GetDashboardPhaseParticipation) => string | null;
}) {
  const { t, i18n } = useTranslation();
  const counts = useCounts();
  if (phases.length === 0) return <p className="empty-state">{t('dashboard.phases.empty')}</p>;
  const name = (p: GetDashboardPhaseParticipation) => `${p.projectTitle} – ${p.phaseTitle}`;
  const dates = (p: GetDashboardPhaseParticipation) =>
    p.endsAt
      ? t('dashboard.dates.range', { from: formatDate(p.startsAt, i18n.language), to: formatDate(p.endsAt, i18n.language) })
      : t('dashboard.dates.since', { from: formatDate(p.startsAt, i18n.language) });
  const columns: { header: ReactNode; numeric?: boolean }[] = [
    { header: t('dashboard.phases.phase') },
    { header: t('dashboard.phases.project') },
    { header: t('dashboard.phases.method') },
    { header: t('dashboard.phases.dates') },
    { header: t('dashboard.phases.participants'), numeric: true },
    { header: t('dashboard.phases.actions'), numeric: true },
  ];
  if (resultsPath) columns.push({ header: t('dashboard.phases.results') });
  return (
    <>
      <BarChart
        label={summary(
          t('dashboard.phases.chartLabel'),
          phases.map((p) => `${name(p)} : ${counts.participants(p.participants)}`),
          t('dashboard.phases.empty'),
        )}
        caption={phases.length > CHART_ITEMS ? t('dashboard.chartTop', { count: CHART_ITEMS }) : undefined}
        items={phases.slice(0, CHART_ITEMS).map((p) => ({
          id: p.phaseId,
          label: name(p),
          value: p.participants,
          valueText: `${counts.participants(p.participants)} · ${counts.actions(p.actions)}`,
        }))}
      />
      <TableToggle showLabel={t('dashboard.phases.showTable')} hideLabel={t('dashboard.phases.hideTable')}>
        <ResultsTable
          caption={t('dashboard.phases.caption')}
          columns={columns}
          rows={phases.map((p) => {
            const results = resultsPath?.(p) ?? null;
            const cells: ReactNode[] = [
              <Link to={dashboardPath(FigureScopeType.Phase, p.phaseId)}>{p.phaseTitle}</Link>,
              <Link to={dashboardPath(FigureScopeType.Project, p.projectId)}>{p.projectTitle}</Link>,
              t(`projects.methods.${p.method}`, { defaultValue: p.method }),
              dates(p),
              counts.number(p.participants),
              counts.number(p.actions),
            ];
            if (resultsPath) {
              cells.push(
                results ? (
                  <Link to={results} aria-label={t('dashboard.phases.resultsOf', { phase: name(p) })}>
                    {t('dashboard.phases.resultsLink')}
                  </Link>
                ) : (
                  <span className="muted">{t('dashboard.phases.noResults')}</span>
                ),
              );
            }
            return { key: p.phaseId, cells };
          })}
        />
      </TableToggle>
    </>
  );
}

/** Participation by the method of the phase it happened in. */
export function MethodParticipation({ methods }: { methods: GetDashboardMethodParticipation[] }) {
  const { t } = useTranslation();
  const counts = useCounts();
  if (methods.length === 0) return <p className="empty-state">{t('dashboard.methods.empty')}</p>;
  const label = (m: GetDashboardMethodParticipation) => t(`projects.methods.${m.method}`, { defaultValue: m.method });
  const sorted = [...methods].sort((a, b) => b.participants - a.participants);
  return (
    <>
      <BarChart
        label={summary(
          t('dashboard.methods.chartLabel'),
          sorted.map((m) => `${label(m)} : ${counts.participants(m.participants)}`),
          t('dashboard.methods.empty'),
        )}
        items={sorted.map((m) => ({
          id: m.method,
          label: label(m),
          value: m.participants,
          valueText: `${counts.participants(m.participants)} · ${counts.actions(m.actions)}`,
        }))}
      />
      <TableToggle showLabel={t('dashboard.methods.showTable')} hideLabel={t('dashboard.methods.hideTable')}>
        <ResultsTable
          caption={t('dashboard.methods.caption')}
          columns={[
            { header: t('dashboard.methods.method') },
            { header: t('dashboard.phases.participants'), numeric: true },
            { header: t('dashboard.phases.actions'), numeric: true },
          ]}
          rows={sorted.map((m) => ({ key: m.method, cells: [label(m), counts.number(m.participants), counts.number(m.actions)] }))}
        />
      </TableToggle>
    </>
  );
}

/** The scope's public ideas by their current status. */
export function IdeasByStatus({ statuses }: { statuses: StatusCount[] }) {
  const { t } = useTranslation();
  const counts = useCounts();
  if (statuses.length === 0) return <p className="empty-state">{t('dashboard.statuses.empty')}</p>;
  const label = (s: StatusCount) => t(`ideas.status.${s.status}`, { defaultValue: s.status });
  const sorted = [...statuses].sort((a, b) => b.count - a.count);
  return (
    <>
      <BarChart
        label={summary(
          t('dashboard.statuses.chartLabel'),
          sorted.map((s) => `${label(s)} : ${counts.ideas(s.count)}`),
          t('dashboard.statuses.empty'),
        )}
        items={sorted.map((s) => ({ id: s.status, label: label(s), value: s.count, valueText: counts.ideas(s.count) }))}
      />
      <TableToggle showLabel={t('dashboard.statuses.showTable')} hideLabel={t('dashboard.statuses.hideTable')}>
        <ResultsTable
          caption={t('dashboard.statuses.caption')}
          columns={[{ header: t('dashboard.statuses.status') }, { header: t('dashboard.statuses.count'), numeric: true }]}
          rows={sorted.map((s) => ({ key: s.status, cells: [label(s), counts.number(s.count)] }))}
        />
      </TableToggle>
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureKey, type Figure, type WeekFigures } from '@contracts/participation-client';
import { ColumnChart } from '@/components/ui/column-chart';
import { ResultsTable } from '@/components/ui/results-table';
import { SelectField } from '@/components/ui/select-field';
import { TableToggle } from '@/components/ui/table-toggle';
import { oneOf } from '@/lib/closed-sets';
import { formatDay, formatNumber } from '@/lib/format';

type Series = Exclude<keyof WeekFigures, 'week'>;

/** The weekly series and the figure each counts the same thing as (whose name the API gives in the reader's language). */
export const WEEKLY_SERIES: readonly { series: Series; figure: FigureKey }[] = [
  { series: 'participants', figure: FigureKey.Participants },
  { series: 'ideas', figure: FigureKey.Ideas },
  { series: 'comments', figure: FigureKey.Comments },
  { series: 'reactions', figure: FigureKey.Reactions },
  { series: 'votes', figure: FigureKey.Votes },
  { series: 'basketsSubmitted', figure: FigureKey.BasketsSubmitted },
  { series: 'surveyResponses', figure: FigureKey.SurveyResponses },
  { series: 'registrations', figure: FigureKey.Registrations },
];

const SERIES_NAMES = WEEKLY_SERIES.map((s) => s.series);

/** The chart's one-sentence summary: its series, its weeks, its highest week and its last. */
export function weeklySummary(
  t: (key: string, options?: Record<string, unknown>) => string,
  language: string,
  name: string,
  weeks: WeekFigures[],
  series: Series,
): string {
  const values = weeks.map((w) => w[series] ?? 0);
  const from = formatDay(weeks[0]?.week ?? '', language);
  const to = formatDay(weeks[weeks.length - 1]?.week ?? '', language);
  const max = Math.max(0, ...values);
  if (max === 0) return t('dashboard.weekly.chartEmpty', { series: name, from, to });
  const top = weeks[values.indexOf(max)];
  return t('dashboard.weekly.chartLabel', {
    series: name,
    from,
    to,
    max: formatNumber(max, language),
    maxWeek: formatDay(top.week, language),
    last: formatNumber(values[values.length - 1], language),
  });
}

/** Week by week: a column chart of one series (chosen) and the table of every series. */
export function WeeklyActivity({ weeks, figures }: { weeks: WeekFigures[]; figures: Figure[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [series, setSeries] = useState<Series>('participants');
  const name = (figure: FigureKey) => figures.find((f) => f.key === figure)?.label ?? figure;
  // Registrations are counted for the whole platform only.
  const available = WEEKLY_SERIES.filter((s) => s.series !== 'registrations' || weeks.some((w) => w.registrations != null));
  const current = available.find((s) => s.series === series) ?? available[0];
  const caption = t('dashboard.weekly.caption');
  return (
    <div className="weekly">
      <SelectField
        id="weekly-series"
        label={t('dashboard.weekly.series')}
        value={current.series}
        onChange={(e) => setSeries(oneOf(SERIES_NAMES, e.target.value) ?? 'participants')}
        options={available.map((s) => ({ value: s.series, label: name(s.figure) }))}
      />
      <ColumnChart
        label={weeklySummary(t, language, name(current.figure), weeks, current.series)}
        formatValue={(v) => formatNumber(v, language)}
        items={weeks.map((w) => ({
          id: w.week,
          label: formatDay(w.week, language, 'short'),
          value: w[current.series] ?? 0,
          title: t('dashboard.weekly.columnTitle', {
            week: formatDay(w.week, language),
            value: formatNumber(w[current.series] ?? 0, language),
            series: name(current.figure),
          }),
        }))}
      />
      <TableToggle showLabel={t('dashboard.weekly.showTable')} hideLabel={t('dashboard.weekly.hideTable')}>
        <ResultsTable
          caption={caption}
          columns={[{ header: t('dashboard.weekly.week') }, ...available.map((s) => ({ header: name(s.figure), numeric: true }))]}
          rows={weeks.map((w) => ({
            key: w.week,
            cells: [
              t('dashboard.weekly.weekOf', { date: formatDay(w.week, language) }),
              ...available.map((s) => formatNumber(w[s.series] ?? 0, language)),
            ],
          }))}
        />
      </TableToggle>
    </div>
  );
}

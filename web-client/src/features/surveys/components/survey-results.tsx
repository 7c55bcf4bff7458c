import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetSurveyResultsQuestionResult, GetSurveyResultsResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { BarChart } from '@/components/ui/bar-chart';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { ResultsQuery } from '@/components/ui/results-query';
import { ResultsTable } from '@/components/ui/results-table';
import { SelectField } from '@/components/ui/select-field';
import { TableRegion } from '@/components/ui/table-region';
import { formatDateTime, formatNumber } from '@/lib/format';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, isLanguage } from '@/lib/i18n/languages';
import { localizedName } from '@/lib/roles';
import { downloadResponsesCsv, surveyResultsQueryOptions, textAnswersInfiniteQueryOptions } from '../api/surveys';

/** A survey's or poll's results (403 for residents while they are not published). */
export function SurveyResults({ phaseId }: { phaseId: string }) {
  const { t } = useTranslation();
  const results = useQuery({ ...surveyResultsQueryOptions(phaseId), retry: false });
  return (
    <ResultsQuery query={results} notYet={t('surveys.results.notPublished')}>
      {(data) => <SurveyResultsView results={data} />}
    </ResultsQuery>
  );
}

export interface SurveyResultsViewProps {
  results: GetSurveyResultsResponse;
  headingLevel?: 2 | 3;
  /** In the poll widget: bars, numbers and tables only (no export, no text lists). */
  compact?: boolean;
}

export function SurveyResultsView({ results, headingLevel = 2, compact = false }: SurveyResultsViewProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <div className="results survey-results stack">
      {results.staff && !results.published ? <Alert variant="warning" title={t('surveys.results.staffOnly')} /> : null}
      <p className={compact ? undefined : 'lead'}>
        {t('surveys.results.responses', { count: results.responses, formatted: formatNumber(results.responses, language) })}
      </p>
      {results.staff && !compact ? <CsvDownload phaseId={results.phaseId} /> : null}
      {results.questions.map((question, index) => (
        <QuestionResults
          key={question.questionId}
          question={question}
          number={index + 1}
          staff={results.staff && !compact}
          headingLevel={headingLevel}
        />
      ))}
    </div>
  );
}

function QuestionResults({
  question: q,
  number,
  staff,
  headingLevel,
}: {
  question: GetSurveyResultsQuestionResult;
  number: number;
  staff: boolean;
  headingLevel: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const title = localizedName(q.title, language);
  const headingId = `result-${q.questionId}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const answered = t('surveys.results.answered', { count: q.answered, formatted: formatNumber(q.answered, language) });
  const count = (n: number | undefined) => (n == null ? t('surveys.results.hidden') : formatNumber(n, language));
  const hasHidden = q.options.some((o) => o.count == null) || q.distribution.some((b) => b.count == null);
  /** Counts as bars (a hidden count is drawn soft), the chart named by its figures. */
  const countChart = <R extends { id: string; label: string; count?: number }>(
    rows: R[],
    valueText: (row: R) => string = (row) => count(row.count),
  ) => (
    <BarChart
      label={t('surveys.results.chartLabel', {
        title,
        items: rows.map((r) => t('surveys.results.chartItem', { label: r.label, count: count(r.count) })).join(' ; '),
      })}
      caption={t('surveys.results.chartCaption')}
      items={rows.map((r) => ({
        id: r.id,
        label: r.label,
        value: r.count ?? 0,
        valueText: valueText(r),
        tone: r.count == null ? 'soft' : 'strong',
      }))}
    />
  );

  let body: ReactNode = null;
  if (!q.brokenDown) {
    body = <p className="notice">{t('surveys.results.suppressed')}</p>;
  } else if (q.type === 'single_choice' || q.type === 'multiple_choice') {
    const rows = [
      ...q.options.map((o) => ({ id: o.optionId, label: localizedName(o.label, language), count: o.count, percent: o.percent })),
      ...(q.otherCount != null && q.otherCount > 0
        ? [{ id: 'other', label: t('surveys.results.other'), count: q.otherCount, percent: undefined }]
        : []),
    ];
    const caption = t('surveys.results.choiceCaption', { number, title });
    const percent = (p: number | undefined) =>
      p == null ? '—' : new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(p) + '\u00a0%';
    body = (
      <>
        {q.type === 'multiple_choice' ? <p className="muted">{t('surveys.results.multipleNote')}</p> : null}
        <ResultsTable
          caption={caption}
          columns={[
            { header: t('surveys.results.choice') },
            { header: t('surveys.results.count'), numeric: true },
            { header: t('surveys.results.percent'), numeric: true },
          ]}
          rows={rows.map((r) => ({ key: r.id, cells: [r.label, count(r.count), r.count == null ? '—' : percent(r.percent)] }))}
        />
        {countChart(rows, (r) => (r.count == null ? count(r.count) : `${count(r.count)} · ${percent(r.percent)}`))}
        {staff && (q.otherCount ?? 0) > 0 ? (
          <TextAnswers questionId={q.questionId} title={t('surveys.results.otherTexts', { number })} />
        ) : null}
      </>
    );
  } else if (q.type === 'ranking') {
    const rows = q.options
      .map((o) => ({ id: o.optionId, label: localizedName(o.label, language), score: o.score, averageRank: o.averageRank }))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
    const caption = t('surveys.results.rankingCaption', { number, title });
    const decimal = (n: number | undefined) =>
      n == null ? t('surveys.results.hidden') : new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(n);
    body = (
      <>
        <p className="muted">{t('surveys.results.rankingNote')}</p>
        <ResultsTable
          caption={caption}
          columns={[
            { header: t('surveys.results.choice') },
            { header: t('surveys.results.score'), numeric: true },
            { header: t('surveys.results.averageRank'), numeric: true },
          ]}
          rows={rows.map((r) => ({ key: r.id, cells: [r.label, decimal(r.score), decimal(r.averageRank)] }))}
        />
        <BarChart
          label={t('surveys.results.rankingChartLabel', {
            title,
            items: rows.map((r) => t('surveys.results.chartItem', { label: r.label, count: decimal(r.score) })).join(' ; '),
          })}
          caption={t('surveys.results.chartCaption')}
          items={rows.map((r) => ({
            id: r.id,
            label: r.label,
            value: r.score ?? 0,
            valueText: t('surveys.results.points', { score: decimal(r.score) }),
          }))}
        />
      </>
    );
  } else if (q.type === 'linear_scale' || q.type === 'number') {
    const decimal = (n: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(n);
    const bucket = (from: number, to: number) =>
      from === to ? decimal(from) : t('surveys.results.range', { from: decimal(from), to: decimal(to) });
    const rows = q.distribution.map((b) => ({ id: `${b.from}-${b.to}`, label: bucket(b.from, b.to), count: b.count }));
    const caption = t('surveys.results.distributionCaption', { number, title });
    body = (
      <>
        {q.summary ? (
          <dl className="details survey-summary">
            {(['average', 'median', 'minimum', 'maximum'] as const).map((k) => (
              <div className="details__row" key={k}>
                <dt>{t(`surveys.results.summary.${k}`)}</dt>
                <dd>{decimal(q.summary![k])}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {q.distribution.length > 0 ? (
          <>
            <ResultsTable
              caption={caption}
              columns={[
                { header: t(q.type === 'linear_scale' ? 'surveys.results.value' : 'surveys.results.bucket') },
                { header: t('surveys.results.count'), numeric: true },
              ]}
              rows={rows.map((r) => ({ key: r.id, cells: [r.label, count(r.count)] }))}
            />
            {countChart(rows)}
          </>
        ) : null}
      </>
    );
  } else if (q.type === 'short_text' || q.type === 'long_text') {
    body = (
      <>
        <p>{t('surveys.results.texts', { count: q.textCount, formatted: formatNumber(q.textCount, language) })}</p>
        {staff ? (
          <TextAnswers questionId={q.questionId} title={t('surveys.results.textList', { number })} />
        ) : (
          <p className="muted">{t('surveys.results.textsStaffOnly')}</p>
        )}
      </>
    );
  } else if (q.type === 'map_point') {
    body = staff ? (
      <>
        <p>{t('surveys.results.pointsCount', { count: q.points.length, formatted: formatNumber(q.points.length, language) })}</p>
        {q.points.length > 0 ? (
          <details className="details-toggle">
            <summary>{t('surveys.results.pointsShow', { count: q.points.length })}</summary>
            <TableRegion label={t('surveys.results.pointsCaption', { number })}>
              <table className="table">
                <caption>{t('surveys.results.pointsCaption', { number })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('map.picker.latitude')}</th>
                    <th scope="col">{t('map.picker.longitude')}</th>
                  </tr>
                </thead>
                <tbody>
                  {q.points.map((p, i) => (
                    <tr key={i}>
                      <td>{p.latitude.toLocaleString(language, { maximumFractionDigits: 6 })}</td>
                      <td>{p.longitude.toLocaleString(language, { maximumFractionDigits: 6 })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </details>
        ) : null}
      </>
    ) : (
      <p className="muted">{t('surveys.results.pointsStaffOnly')}</p>
    );
  }

  return (
    <section className="panel survey-result" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('surveys.answer.label', { number, title })}</Heading>
      <p className="muted">
        {t(`surveys.types.${q.type}`, { defaultValue: q.type })} · {answered}
      </p>
      {body}
      {hasHidden && q.brokenDown ? <p className="muted">{t('surveys.results.hiddenNote')}</p> : null}
    </section>
  );
}

/** Free-text answers, newest first, twenty at a time (staff only). */
function TextAnswers({ questionId, title }: { questionId: string; title: string }) {
  const { t, i18n } = useTranslation();
  const texts = useInfiniteQuery(textAnswersInfiniteQueryOptions(questionId));
  const items = texts.data?.pages.flatMap((p) => p.items) ?? [];
  const listId = `texts-${questionId}`;
  return (
    <div className="text-answers">
      <h3 id={`${listId}-title`}>{title}</h3>
      {texts.isPending ? (
        <Loading label={t('common.loading')} />
      ) : texts.isError ? (
        <Alert variant="error" title={describeError(t, toApiError(texts.error))} />
      ) : items.length === 0 ? (
        <p className="muted">{t('surveys.results.noTexts')}</p>
      ) : (
        <ul className="text-answers__list" aria-labelledby={`${listId}-title`}>
          {items.map((item) => (
            <li key={`${item.responseId}-${item.other}`} className="text-answers__item">
              <p className="plain-text">{item.text}</p>
              <p className="muted">{formatDateTime(item.submittedAt, i18n.language)}</p>
            </li>
          ))}
        </ul>
      )}
      {texts.hasNextPage ? (
        <Button variant="secondary" pending={texts.isFetchingNextPage} onClick={() => void texts.fetchNextPage()}>
          {t('surveys.results.loadMore')}
        </Button>
      ) : null}
    </div>
  );
}

/** The staff's CSV export, in the language of their choice (headers and labels). */
function CsvDownload({ phaseId }: { phaseId: string }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState(isLanguage(i18n.language) ? i18n.language : 'fr');
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function download() {
    setPending(true);
    setMessage(null);
    try {
      const name = await downloadResponsesCsv(phaseId, language);
      setMessage({ ok: true, text: t('surveys.results.csvDone', { name }) });
    } catch (error) {
      setMessage({ ok: false, text: describeError(t, toApiError(error)) });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="panel csv-download" aria-labelledby="csv-title">
      <h2 id="csv-title">{t('surveys.results.csvTitle')}</h2>
      <p className="muted">{t('surveys.results.csvIntro')}</p>
      <div className="builder-add">
        <SelectField
          id="csv-language"
          label={t('surveys.results.csvLanguage')}
          value={language}
          onChange={(e) => setLanguage(e.target.value as typeof language)}
          options={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
        />
        <Button variant="secondary" pending={pending} onClick={() => void download()}>
          {t('surveys.results.csvButton')}
        </Button>
      </div>
      <div role="status" className={message ? `alert alert--${message.ok ? 'success' : 'error'}` : 'visually-empty'}>
        {message ? <p className="alert__title">{message.text}</p> : null}
      </div>
    </section>
  );
}

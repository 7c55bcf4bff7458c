import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ReportSection,
  type GetReportReportPhase,
  type GetReportResponse,
  type GetSurveyResultsQuestionResult,
} from '@contracts/participation-client';
import { formatDate, formatDay, formatMoney } from '@/lib/format';
import { TableRegion } from '@/components/ui/table-region';

function localized(text: Record<string, string> | undefined, language: string): string {
  if (!text) return '';
  return text[language] ?? text.fr ?? Object.values(text)[0] ?? '';
}

/**
 * The report as it prints: title, period, goals, timeline, figures (drawn by the caller: the dashboard's cards and
 * tables), each included phase's results on its own page, and the conclusions. Read-only; every value the people wrote
 * is either plain text or the API's sanitised HTML.
 */
export function ReportDocument({ report, figures }: { report: GetReportResponse; figures: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const shows = (section: ReportSection) => report.sections.includes(section);
  const included = report.phases.filter((p) => p.included);

  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report__header">
        <p className="report__kicker">{t('reports.document.kicker', { department: report.departmentName })}</p>
        <h2 id="report-title">{report.projectTitle}</h2>
        <p>
          {t('reports.document.period', {
            from: formatDay(report.from, language),
            to: formatDay(report.to, language),
          })}
        </p>
      </header>

      {shows(ReportSection.Goals) ? (
        <section className="report__section" aria-labelledby="report-goals">
          <h3 id="report-goals">{t('reports.sections.goals')}</h3>
          {report.goals ? (
            <div className="rich-text" dangerouslySetInnerHTML={{ __html: report.goals }} />
          ) : (
            <p>{t('reports.document.noGoals')}</p>
          )}
        </section>
      ) : null}

      {shows(ReportSection.Timeline) ? (
        <section className="report__section" aria-labelledby="report-timeline">
          <h3 id="report-timeline">{t('reports.sections.timeline')}</h3>
          {report.phases.length === 0 ? (
            <p>{t('reports.document.noPhases')}</p>
          ) : (
            <TableRegion label={t('reports.document.timelineCaption')}>
              <table className="table report__table">
                <caption>{t('reports.document.timelineCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reports.document.phase')}</th>
                    <th scope="col">{t('reports.document.method')}</th>
                    <th scope="col">{t('reports.document.starts')}</th>
                    <th scope="col">{t('reports.document.ends')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.phases.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">{p.title}</th>
                      <td>{t(`projects.methods.${p.method}`)}</td>
                      <td>{formatDate(p.startsAt, language)}</td>
                      <td>{p.endsAt ? formatDate(p.endsAt, language) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </section>
      ) : null}

      {shows(ReportSection.Figures) ? (
        <section className="report__section" aria-labelledby="report-figures">
          <h3 id="report-figures">{t('reports.sections.figures')}</h3>
          {figures}
        </section>
      ) : null}

      {shows(ReportSection.Phases)
        ? included.map((phase, index) => <PhaseResults key={phase.id} phase={phase} number={index + 1} />)
        : null}

      {shows(ReportSection.Conclusions) ? (
        <section className="report__section report__conclusions" aria-labelledby="report-conclusions">
          <h3 id="report-conclusions">{t('reports.sections.conclusions')}</h3>
          {report.conclusions ? (
            <div className="rich-text" dangerouslySetInnerHTML={{ __html: report.conclusions }} />
          ) : (
            <p>{t('reports.document.noConclusions')}</p>
          )}
        </section>
      ) : null}
    </article>
  );
}

function PhaseResults({ phase, number }: { phase: GetReportReportPhase; number: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const headingId = `report-phase-${phase.id}`;
  return (
    <section className="report__section report-phase" aria-labelledby={headingId} data-testid="report-phase">
      <h3 id={headingId}>{t('reports.document.phaseTitle', { number, title: phase.title })}</h3>
      <p className="report-phase__meta">
        {t(`projects.methods.${phase.method}`)} ·{' '}
        {phase.endsAt
          ? t('reports.document.dates', { from: formatDate(phase.startsAt, language), to: formatDate(phase.endsAt, language) })
          : t('reports.document.since', { from: formatDate(phase.startsAt, language) })}
      </p>
      {phase.ideas ? (
        <>
          <p>{t('reports.document.ideasTotal', { count: phase.ideas.total })}</p>
          {phase.ideas.items.length > 0 ? (
            <TableRegion label={t('reports.document.ideasCaption', { title: phase.title })}>
              <table className="table report__table">
                <caption>{t('reports.document.ideasCaption', { title: phase.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reports.document.idea')}</th>
                    <th scope="col">{t('reports.document.status')}</th>
                    <th scope="col">{t('reports.document.likes')}</th>
                    <th scope="col">{t('reports.document.feedback')}</th>
                  </tr>
                </thead>
                <tbody>
                  {phase.ideas.items.map((idea) => (
                    <tr key={idea.id}>
                      <th scope="row">{idea.title}</th>
                      <td>{t(`ideas.status.${idea.status}`)}</td>
                      <td>{idea.likes}</td>
                      {idea.feedback ? (
                        <td className="report__feedback rich-text plain-text" dangerouslySetInnerHTML={{ __html: idea.feedback }} />
                      ) : (
                        <td className="report__feedback">—</td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          ) : null}
        </>
      ) : phase.votes ? (
        <>
          <p>{t('reports.document.votesTotal', { votes: phase.votes.totalVotes, voters: phase.votes.voters })}</p>
          <TableRegion label={t('reports.document.votesCaption', { title: phase.title })}>
            <table className="table report__table">
              <caption>{t('reports.document.votesCaption', { title: phase.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.document.rank')}</th>
                  <th scope="col">{t('reports.document.idea')}</th>
                  <th scope="col">{t('reports.document.votes')}</th>
                </tr>
              </thead>
              <tbody>
                {phase.votes.items.map((item) => (
                  <tr key={item.ideaId}>
                    <td>{item.rank}</td>
                    <th scope="row">{item.title}</th>
                    <td>{item.votes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      ) : phase.budget ? (
        <>
          <p>
            {t('reports.document.budgetTotal', {
              baskets: phase.budget.baskets,
              funded: formatMoney(phase.budget.fundedTotal, phase.budget.currency, language),
              budget: formatMoney(phase.budget.budget, phase.budget.currency, language),
            })}
          </p>
          <TableRegion label={t('reports.document.budgetCaption', { title: phase.title })}>
            <table className="table report__table">
              <caption>{t('reports.document.budgetCaption', { title: phase.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.document.idea')}</th>
                  <th scope="col">{t('reports.document.cost')}</th>
                  <th scope="col">{t('reports.document.baskets')}</th>
                  <th scope="col">{t('reports.document.funded')}</th>
                </tr>
              </thead>
              <tbody>
                {phase.budget.items.map((item) => (
                  <tr key={item.ideaId}>
                    <th scope="row">{item.title}</th>
                    <td>{formatMoney(item.cost, phase.budget!.currency, language)}</td>
                    <td>{item.baskets}</td>
                    <td>{item.funded ? t('common.yes') : t('common.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      ) : phase.survey ? (
        <>
          <p>{t('reports.document.responses', { count: phase.survey.responses })}</p>
          {phase.survey.questions.map((q) => (
            <SurveyQuestion key={q.questionId} question={q} language={language} />
          ))}
        </>
      ) : (
        <p>{t('reports.document.noResults')}</p>
      )}
    </section>
  );
}

function SurveyQuestion({ question, language }: { question: GetSurveyResultsQuestionResult; language: string }) {
  const { t } = useTranslation();
  const title = localized(question.title, language);
  if (!question.brokenDown || question.options.length === 0)
    return (
      <p>
        <strong>{title}</strong> — {t('reports.document.answered', { count: question.answered })}
        {question.brokenDown ? null : ` ${t('reports.document.withheld')}`}
      </p>
    );
  return (
    <TableRegion label={`${title} — ${t('reports.document.answered', { count: question.answered })}`}>
      <table className="table report__table">
        <caption>
          {title} — {t('reports.document.answered', { count: question.answered })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.document.choice')}</th>
            <th scope="col">{t('reports.document.count')}</th>
            <th scope="col">%</th>
          </tr>
        </thead>
        <tbody>
          {question.options.map((o) => (
            <tr key={o.optionId}>
              <th scope="row">{localized(o.label, language)}</th>
              <td>{o.count ?? '—'}</td>
              <td>{o.percent ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

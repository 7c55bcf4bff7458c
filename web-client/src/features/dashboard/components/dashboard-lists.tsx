import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  GetDashboardDecision,
  GetDashboardTopIdea,
  GetDashboardUpcomingPhase,
  GetDashboardWaitingIdea,
} from '@contracts/participation-client';
import { ResultsTable } from '@/components/ui/results-table';
import { formatDate, formatNumber } from '@/lib/format';

const ideaPath = (projectId: string, ideaId: string) => `/projects/${projectId}/ideas/${ideaId}`;

/** The scope's most supported public ideas (likes), with their project, status and comments. */
export function TopIdeas({ ideas }: { ideas: GetDashboardTopIdea[] }) {
  const { t, i18n } = useTranslation();
  if (ideas.length === 0) return <p className="empty-state">{t('dashboard.topIdeas.empty')}</p>;
  return (
    <ResultsTable
      caption={t('dashboard.topIdeas.caption')}
      columns={[
        { header: t('dashboard.topIdeas.idea') },
        { header: t('dashboard.topIdeas.project') },
        { header: t('dashboard.topIdeas.status') },
        { header: t('dashboard.topIdeas.likes'), numeric: true },
        { header: t('dashboard.topIdeas.comments'), numeric: true },
      ]}
      rows={ideas.map((idea) => ({
        key: idea.id,
        cells: [
          <Link to={ideaPath(idea.projectId, idea.id)}>{idea.title}</Link>,
          <Link to={`/projects/${idea.projectId}`}>{idea.projectTitle}</Link>,
          t(`ideas.status.${idea.status}`, { defaultValue: idea.status }),
          formatNumber(idea.likes, i18n.language),
          formatNumber(idea.comments, i18n.language),
        ],
      }))}
    />
  );
}

/** The official answers given during the period, the newest first: status, date and what the city said. */
export function Decisions({ decisions }: { decisions: GetDashboardDecision[] }) {
  const { t, i18n } = useTranslation();
  if (decisions.length === 0) return <p className="empty-state">{t('dashboard.decisions.empty')}</p>;
  return (
    <ul className="dashboard-list">
      {decisions.map((d) => (
        <li key={`${d.ideaId}-${d.at}`} className="dashboard-list__item">
          <p className="dashboard-list__title">
            <Link to={ideaPath(d.projectId, d.ideaId)}>{d.title}</Link>
          </p>
          <p className="dashboard-list__meta">
            {t('dashboard.decisions.meta', {
              status: t(`ideas.status.${d.status}`, { defaultValue: d.status }),
              date: formatDate(d.at, i18n.language),
            })}
          </p>
          {d.feedback ? (
            <blockquote className="dashboard-list__quote">
              <p className="plain-text">{d.feedback}</p>
            </blockquote>
          ) : (
            <p className="muted">{t('dashboard.decisions.noFeedback')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The public ideas still waiting for a first official answer: how many, and the longest waiting. */
export function WaitingIdeas({ waiting, total, waitingDays }: { waiting: GetDashboardWaitingIdea[]; total: number; waitingDays: number }) {
  const { t, i18n } = useTranslation();
  if (total === 0) return <p className="empty-state">{t('dashboard.waiting.none')}</p>;
  const overdue = waiting.filter((w) => w.daysWaiting > waitingDays).length;
  return (
    <>
      <p className="lead">
        {t('dashboard.waiting.total', { count: total, formatted: formatNumber(total, i18n.language) })}{' '}
        {waiting.length < total ? t('dashboard.waiting.oldest', { count: waiting.length }) : null}
      </p>
      {overdue > 0 ? (
        <p>{t('dashboard.waiting.overdue', { count: overdue, days: waitingDays, formatted: formatNumber(overdue, i18n.language) })}</p>
      ) : null}
      <ResultsTable
        caption={t('dashboard.waiting.caption')}
        columns={[
          { header: t('dashboard.waiting.idea') },
          { header: t('dashboard.waiting.project') },
          { header: t('dashboard.waiting.posted') },
          { header: t('dashboard.waiting.days'), numeric: true },
        ]}
        rows={waiting.map((w) => ({
          key: w.id,
          cells: [
            <Link to={ideaPath(w.projectId, w.id)}>{w.title}</Link>,
            <Link to={`/projects/${w.projectId}`}>{w.projectTitle}</Link>,
            formatDate(w.postedAt, i18n.language),
            t('dashboard.waiting.daysValue', { count: w.daysWaiting, formatted: formatNumber(w.daysWaiting, i18n.language) }),
          ],
        }))}
      />
    </>
  );
}

/** The phases starting or ending in the coming days, the soonest first. */
export function UpcomingPhases({ phases, days }: { phases: GetDashboardUpcomingPhase[]; days: number }) {
  const { t, i18n } = useTranslation();
  if (phases.length === 0) return <p className="empty-state">{t('dashboard.upcoming.empty', { count: days })}</p>;
  return (
    <ResultsTable
      caption={t('dashboard.upcoming.caption', { count: days })}
      columns={[
        { header: t('dashboard.upcoming.phase') },
        { header: t('dashboard.upcoming.project') },
        { header: t('dashboard.upcoming.method') },
        { header: t('dashboard.upcoming.what') },
      ]}
      rows={phases.map((p) => ({
        key: `${p.phaseId}-${p.starting ? 'start' : 'end'}`,
        cells: [
          p.phaseTitle,
          <Link to={`/projects/${p.projectId}`}>{p.projectTitle}</Link>,
          t(`projects.methods.${p.method}`, { defaultValue: p.method }),
          p.starting || !p.endsAt
            ? t('dashboard.upcoming.starts', { date: formatDate(p.startsAt, i18n.language) })
            : t('dashboard.upcoming.ends', { date: formatDate(p.endsAt, i18n.language) }),
        ],
      }))}
    />
  );
}

import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  DigestKind,
  type DepartmentSummary,
  type DigestIdea,
  type GetNextDigestResponse,
  type ModeratorDigest,
} from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { TableRegion } from '@/components/ui/table-region';
import { formatDay, formatFigure, formatNumber } from '@/lib/format';
import { nextDigestQueryOptions, useSetDigestWanted } from '../api/digests';

/** One of the caller's digests: when it goes, whether it would be sent, its content so far, and the e-mail toggle. */
export function NextDigest({ kind }: { kind: DigestKind }) {
  const { t } = useTranslation();
  const digest = useQuery(nextDigestQueryOptions(kind));
  const headingId = useId();
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t(`digests.${kind}.title`)}
      </h2>
      <p>{t(`digests.${kind}.what`)}</p>
      {digest.isPending ? (
        <Loading label={t('common.loading')} />
      ) : digest.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(digest.error))} />
      ) : (
        <DigestBody digest={digest.data} />
      )}
    </section>
  );
}

function DigestBody({ digest }: { digest: GetNextDigestResponse }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const period = {
    from: formatDay(digest.periodStart, language),
    to: formatDay(digest.periodEnd, language),
    sends: formatDay(digest.sendsAt.slice(0, 10), language),
  };
  const state = digest.channel !== 'email' ? 'off' : digest.optedOut ? 'unconfirmed' : digest.empty ? 'empty' : 'sent';
  return (
    <>
      <p>{t('digests.period', period)}</p>
      <p className="digest__state">
        <strong>{t(`digests.state.${state}`, period)}</strong>
      </p>
      <WantedToggle digest={digest} />
      {digest.moderator && !digest.moderator.empty && <ModeratorContent digest={digest.moderator} />}
      {digest.departments.map((d) => (
        <DepartmentContent key={d.departmentId} summary={d} />
      ))}
    </>
  );
}

function WantedToggle({ digest }: { digest: GetNextDigestResponse }) {
  const { t } = useTranslation();
  const save = useSetDigestWanted(digest.kind);
  const id = useId();
  const wanted = digest.channel === 'email';
  return (
    <div className="field">
      <div className="choice">
        <input
          id={id}
          type="checkbox"
          checked={wanted}
          disabled={save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
          aria-describedby={`${id}-help`}
        />
        <label htmlFor={id}>{t('digests.toggle')}</label>
      </div>
      <p id={`${id}-help`} className="field__help">
        {t('digests.toggleHelp')}
      </p>
      {save.isError && <Alert variant="error" role="alert" title={describeError(t, toApiError(save.error))} />}
      {save.isSuccess && <StatusMessage>{t(wanted ? 'digests.turnedOn' : 'digests.turnedOff')}</StatusMessage>}
    </div>
  );
}

function IdeaList({ title, ideas, total, days }: { title: string; ideas: DigestIdea[]; total: number; days?: boolean }) {
  const { t } = useTranslation();
  if (ideas.length === 0) return null;
  return (
    <>
      <h3>{t('digests.listTitle', { title, count: total })}</h3>
      <ul>
        {ideas.map((i) => (
          <li key={i.id}>
            <Link to={`/projects/${i.projectId}/ideas/${i.id}`}>{i.title}</Link> — {i.projectTitle}
            {i.status === 'prescreening' && <> — {t('digests.moderator.prescreening')}</>}
            {days && <> — {t('digests.days', { count: i.daysWaiting })}</>}
          </li>
        ))}
      </ul>
    </>
  );
}

function ModeratorContent({ digest }: { digest: ModeratorDigest }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <>
      <TableRegion label={t('digests.moderator.projects')}>
        <table className="table">
          <caption>{t('digests.moderator.projects')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('digests.moderator.project')}</th>
              <th scope="col">{t('digests.moderator.newIdeas')}</th>
              <th scope="col">{t('digests.moderator.awaitingModeration')}</th>
              <th scope="col">{t('digests.moderator.openFlags')}</th>
              <th scope="col">{t('digests.moderator.unanswered')}</th>
              <th scope="col">{t('digests.moderator.assignedToYou')}</th>
            </tr>
          </thead>
          <tbody>
            {digest.projects.map((p) => (
              <tr key={p.projectId}>
                <th scope="row">
                  <Link to={`/admin/projects/${p.projectId}/ideas`}>{p.title}</Link>
                  {' · '}
                  <Link to={`/admin/projects/${p.projectId}/moderation`}>{t('digests.moderator.queue')}</Link>
                </th>
                <td>{n(p.newIdeas)}</td>
                <td>{n(p.awaitingModeration)}</td>
                <td>{n(p.openFlags)}</td>
                <td>{n(p.unanswered)}</td>
                <td>{n(p.assignedToYou)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <IdeaList title={t('digests.moderator.newList')} ideas={digest.newIdeas} total={digest.newIdeasTotal} />
      <IdeaList title={t('digests.moderator.unansweredList')} ideas={digest.unanswered} total={digest.unansweredTotal} days />
      <IdeaList title={t('digests.moderator.assignedList')} ideas={digest.assigned} total={digest.assignedTotal} days />
    </>
  );
}

function DepartmentContent({ summary }: { summary: DepartmentSummary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const figure = (value: number | undefined) => (value === undefined || value === null ? '—' : formatFigure(value, language));
  return (
    <>
      <h3>{summary.name}</h3>
      <TableRegion label={t('digests.summary.figures', { name: summary.name })}>
        <table className="table">
          <caption>{t('digests.summary.figures', { name: summary.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('digests.summary.figure')}</th>
              <th scope="col">{t('digests.summary.value')}</th>
              <th scope="col">{t('digests.summary.previous', { from: formatDay(summary.previousFrom, language) })}</th>
            </tr>
          </thead>
          <tbody>
            {summary.figures.map((f) => (
              <tr key={f.key}>
                <th scope="row">{f.label}</th>
                <td>{figure(f.value)}</td>
                <td>{figure(f.previous)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {summary.projects.length > 0 && (
        <>
          <h4>{t('digests.summary.projects')}</h4>
          <ul>
            {summary.projects.map((p) => (
              <li key={p.projectId}>
                {p.title} — {t('digests.summary.projectLine', { ideas: p.ideas, participants: p.participants, waiting: p.waiting })}
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.waiting.length > 0 && (
        <>
          <h4>{t('digests.summary.waiting', { count: summary.waitingTotal })}</h4>
          <ul>
            {summary.waiting.map((w) => (
              <li key={w.id}>
                <Link to={`/projects/${w.projectId}/ideas/${w.id}`}>{w.title}</Link> — {w.projectTitle} —{' '}
                {t('digests.days', { count: w.daysWaiting })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={`/dashboard/department/${summary.departmentId}`}>{t('digests.summary.dashboard', { name: summary.name })}</Link>
      </p>
    </>
  );
}

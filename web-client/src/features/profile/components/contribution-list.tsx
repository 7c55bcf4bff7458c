import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ContributionKind, type Contribution, type ContributionPage } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { formatDate } from '@/lib/format';
import { eventPath, ideaPath, projectPath } from '@/lib/slugs';

/** Where an item leads: the idea (a comment: its anchor there), the survey, the project, the event. */
export function contributionPath(item: Contribution): string | null {
  const project = item.projectId ? { id: item.projectId, slug: item.projectSlug } : null;
  if (item.eventId) return eventPath({ id: item.eventId, slug: item.eventSlug });
  if (project && item.ideaId) {
    const idea = ideaPath(project, { id: item.ideaId, slug: item.ideaSlug });
    return item.commentId ? `${idea}#comment-${item.commentId}` : idea;
  }
  if (project && item.phaseId && item.kind === ContributionKind.SurveyResponse)
    return `${projectPath(project)}/phases/${encodeURIComponent(item.phaseId)}/survey`;
  return project ? projectPath(project) : null;
}

export interface ContributionListProps {
  items: Contribution[];
  /** The list's accessible name. */
  label: string;
}

/** Contributions, newest first: what kind, when, a link to it, and where (the project) with its state. */
export function ContributionList({ items, label }: ContributionListProps) {
  const { t, i18n } = useTranslation();
  const status = (item: Contribution) =>
    !item.status
      ? null
      : item.kind === ContributionKind.Idea
        ? t(`ideas.status.${item.status}`, { defaultValue: item.status })
        : t(`contributions.status.${item.status}`, { defaultValue: item.status });
  return (
    <ul className="contribution-list" aria-label={label}>
      {items.map((item) => {
        const path = contributionPath(item);
        const state = status(item);
        return (
          <li
            key={`${item.kind}-${item.commentId ?? item.ideaId ?? item.eventId ?? item.phaseId ?? item.projectId ?? ''}-${item.at}`}
            className="contribution"
          >
            <p className="contribution__meta">
              <span className="contribution__kind">{t(`contributions.kind.${item.kind}`)}</span>{' '}
              <time className="muted" dateTime={item.at}>
                {formatDate(item.at, i18n.language)}
              </time>
              {state ? <span className="muted"> · {state}</span> : null}
            </p>
            <p className="contribution__title">{path ? <Link to={path}>{item.title}</Link> : item.title}</p>
            {item.excerpt ? <p className="contribution__excerpt clamp">{item.excerpt}</p> : null}
            {item.projectTitle && item.kind !== ContributionKind.ProjectFollow ? (
              <p className="muted contribution__project">{t('contributions.inProject', { title: item.projectTitle })}</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export interface ContributionFeedProps {
  /** The pages of contributions (mine, or a person's public ones). */
  list: UseInfiniteQueryResult<InfiniteData<ContributionPage>>;
  /** The list's accessible name. */
  label: string;
  /** What to say when there is nothing (yet). */
  empty: string;
}

/** Contributions a page at a time: loading, an error with « retry », the empty state, else the list and « show more ». */
export function ContributionFeed({ list, label, empty }: ContributionFeedProps) {
  const { t } = useTranslation();
  if (list.isPending) return <Loading label={t('common.loading')} />;
  if (list.isError)
    return (
      <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))}>
        <Button variant="secondary" onClick={() => void list.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <>
      <ContributionList items={items} label={label} />
      {list.hasNextPage ? (
        <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('contributions.more')}
        </Button>
      ) : null}
    </>
  );
}

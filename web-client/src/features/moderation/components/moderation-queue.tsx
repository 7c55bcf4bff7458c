import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GetModerationQueueItem } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { formatDateTime } from '@/lib/format';
import {
  FLAG_REASONS,
  moderationQueueInfiniteQueryOptions,
  useModerate,
  type ModerationDecision,
  type ModerationKind,
} from '../api/moderation';
import { ReasonForm } from './reason-form';

/** The item a decision is about: the comment's id for a comment, the idea's otherwise. */
const targetId = (item: GetModerationQueueItem) => (item.kind === 'comment' && item.commentId ? item.commentId : item.ideaId);
const kindOf = (item: GetModerationQueueItem): ModerationKind => (item.kind === 'comment' ? 'comment' : 'idea');
const itemKey = (item: GetModerationQueueItem) => `${item.kind}-${targetId(item)}`;

/** Which decision the reason dialog is asking about. */
type Asking = { item: GetModerationQueueItem; action: 'hide' | 'reject' };

/**
 * A project's moderation queue, oldest first: ideas awaiting pre-moderation (approve, or reject with a
 * reason) and flagged ideas and comments (hide with a reason, or keep visible and dismiss the flags). A
 * decided item leaves the queue; a polite message says what was done and focus goes back to the heading.
 */
export function ModerationQueue({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const list = useInfiniteQuery(moderationQueueInfiniteQueryOptions(projectId));
  const moderate = useModerate();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refocus, setRefocus] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  // After the dialog closed (it gives focus back to its opener, which left the queue): the heading.
  useEffect(() => {
    if (refocus && !asking) {
      heading.current?.focus();
      setRefocus(false);
    }
  }, [refocus, asking]);

  function run(decision: ModerationDecision, item: GetModerationQueueItem) {
    setNotice(null);
    const title = item.ideaTitle;
    moderate.mutate(decision, {
      onSuccess: () => {
        const done =
          decision.action === 'hide'
            ? t(`moderation.done.hidden.${kindOf(item)}`, { title })
            : decision.action === 'keep'
              ? t(`moderation.done.kept.${kindOf(item)}`, { title })
              : decision.action === 'approve'
                ? t('moderation.done.approved', { title })
                : t('moderation.done.rejected', { title });
        setNotice(done);
        setAsking(null);
        setRefocus(true);
      },
    });
  }

  const pendingFor = (item: GetModerationQueueItem, action: ModerationDecision['action']) =>
    moderate.isPending && moderate.variables?.id === targetId(item) && moderate.variables.action === action;

  return (
    <section className="panel" aria-labelledby="moderation-queue-title">
      <h2 id="moderation-queue-title" ref={heading} tabIndex={-1}>
        {t('moderation.queueTitle')}
      </h2>
      <StatusMessage>{notice}</StatusMessage>
      <div role="alert">
        {moderate.error && !asking ? <p className="field__error">{describeError(t, toApiError(moderate.error))}</p> : null}
      </div>
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))}>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : items.length === 0 ? (
        <p className="empty-state">{t('moderation.empty')}</p>
      ) : (
        <ul className="card-list" aria-labelledby="moderation-queue-title">
          {items.map((item) => (
            <QueueItem
              key={itemKey(item)}
              item={item}
              projectId={projectId}
              pendingFor={(action) => pendingFor(item, action)}
              onApprove={() => run({ action: 'approve', id: item.ideaId }, item)}
              onKeep={() => run({ action: 'keep', kind: kindOf(item), id: targetId(item) }, item)}
              onAsk={(action) => {
                moderate.reset();
                setNotice(null);
                setAsking({ item, action });
              }}
            />
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <p className="load-more">
          <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('moderation.loadMore')}
          </Button>
        </p>
      ) : null}
      <Dialog
        open={asking !== null}
        title={asking ? t(`moderation.${asking.action}Dialog.title.${kindOf(asking.item)}`) : ''}
        onClose={() => setAsking(null)}
      >
        {asking ? (
          <ReasonForm
            id={`moderation-${asking.action}`}
            intro={t(`moderation.${asking.action}Dialog.body`, { title: asking.item.ideaTitle })}
            confirmLabel={t(`moderation.${asking.action}Dialog.confirm`)}
            pending={moderate.isPending}
            error={moderate.error}
            onCancel={() => setAsking(null)}
            onSubmit={(reason) =>
              run(
                asking.action === 'hide'
                  ? { action: 'hide', kind: kindOf(asking.item), id: targetId(asking.item), reason }
                  : { action: 'reject', id: asking.item.ideaId, reason },
                asking.item,
              )
            }
          />
        ) : null}
      </Dialog>
    </section>
  );
}

interface QueueItemProps {
  item: GetModerationQueueItem;
  projectId: string;
  pendingFor: (action: ModerationDecision['action']) => boolean;
  onApprove: () => void;
  onKeep: () => void;
  onAsk: (action: 'hide' | 'reject') => void;
}

function QueueItem({ item, projectId, pendingFor, onApprove, onKeep, onAsk }: QueueItemProps) {
  const { t, i18n } = useTranslation();
  const kind = kindOf(item);
  const headingId = `moderation-${itemKey(item)}`;
  // Buttons name the item they act on (their visible text comes first, for voice control).
  const what = t(`moderation.what.${kind}`, { title: item.ideaTitle });
  const flagged = item.openFlags > 0;
  return (
    <li className="card moderation-item">
      <article aria-labelledby={headingId}>
        <div className="card__header">
          <div>
            <p className="moderation-item__badges">
              <Badge tone="neutral">{t(`moderation.kind.${kind}`)}</Badge>
              {item.awaitingReview ? <Badge tone="warning">{t('moderation.awaitingReview')}</Badge> : null}
              {item.hiddenByFlags ? <Badge tone="warning">{t('moderation.hiddenByFlags')}</Badge> : null}
              {item.hidden && !item.hiddenByFlags ? <Badge tone="warning">{t('moderation.hidden')}</Badge> : null}
            </p>
            <h3 id={headingId} className="card__title">
              {kind === 'comment' ? <span className="moderation-item__prefix">{t('moderation.commentOn')} </span> : null}
              <Link to={`/projects/${projectId}/ideas/${item.ideaId}`}>{item.ideaTitle}</Link>
            </h3>
          </div>
          <div className="card__actions">
            {item.awaitingReview ? (
              <>
                <Button
                  className="button--small"
                  aria-label={t('moderation.actionLabel', { action: t('moderation.actions.approve'), what })}
                  pending={pendingFor('approve')}
                  onClick={onApprove}
                >
                  {t('moderation.actions.approve')}
                </Button>
                <Button
                  variant="secondary"
                  className="button--small"
                  aria-label={t('moderation.actionLabel', { action: t('moderation.actions.reject'), what })}
                  onClick={() => onAsk('reject')}
                >
                  {t('moderation.actions.reject')}
                </Button>
              </>
            ) : null}
            {flagged ? (
              <>
                <Button
                  className="button--small button--danger"
                  aria-label={t('moderation.actionLabel', { action: t('moderation.actions.hide'), what })}
                  onClick={() => onAsk('hide')}
                >
                  {t('moderation.actions.hide')}
                </Button>
                <Button
                  variant="secondary"
                  className="button--small"
                  aria-label={t('moderation.actionLabel', { action: t('moderation.actions.keep'), what })}
                  pending={pendingFor('keep')}
                  onClick={onKeep}
                >
                  {t('moderation.actions.keep')}
                </Button>
              </>
            ) : null}
          </div>
        </div>
        <p className="muted">
          {item.author ? t('moderation.by', { name: item.author.name }) : t('moderation.unknownAuthor')} ·{' '}
          {t(flagged ? 'moderation.flaggedSince' : 'moderation.waitingSince', { date: formatDateTime(item.since, i18n.language) })}
        </p>
        {item.hiddenByFlags ? <p className="field__hint">{t('moderation.hiddenByFlagsHint')}</p> : null}
        {item.excerpt ? (
          <figure className="quote">
            <figcaption>{t(`moderation.excerpt.${kind}`)}</figcaption>
            <blockquote className="quote__text">{item.excerpt}</blockquote>
          </figure>
        ) : null}
        {flagged ? (
          <div className="moderation-item__flags">
            <h4>{t('moderation.flags', { count: item.openFlags })}</h4>
            <ul>
              {item.flags.map((flag, index) => (
                <li key={`${flag.at}-${index}`}>
                  <strong>
                    {(FLAG_REASONS as readonly string[]).includes(flag.reason) ? t(`moderation.flagReason.${flag.reason}`) : flag.reason}
                  </strong>
                  {flag.details ? <> — {t('moderation.flagDetails', { details: flag.details })}</> : null}{' '}
                  <span className="muted">
                    (<time dateTime={flag.at}>{formatDateTime(flag.at, i18n.language)}</time>)
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </article>
    </li>
  );
}

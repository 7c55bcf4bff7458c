import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView, GetIdeaResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog } from '@/components/ui/dialog';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextAreaField } from '@/components/ui/textarea-field';
import { formatDateTime } from '@/lib/format';
import { mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import {
  repliesInfiniteQueryOptions,
  useDeleteComment,
  useEditComment,
  useFlagComment,
  useHideComment,
  useLikeComment,
  usePostComment,
} from '../api/comments';
import { CommentForm, type OrganisationChoice } from './comment-form';
import { FlagButton } from './flag-dialog';
import { AuthorName, useAuthorName } from './idea-author';

/** What the visitor may do in the conversation (from the idea's actions). */
export interface CommentRights {
  comment: boolean;
  /** Signed in: may like others' visible comments. */
  like: boolean;
  flag: boolean;
  moderate: boolean;
}

export interface CommentItemProps {
  comment: CommentView;
  idea: GetIdeaResponse;
  rights: CommentRights;
  organisations: readonly OrganisationChoice[];
  onDone: (message: string) => void;
}

/** One comment: author, date, text or its placeholder, its actions, and (top-level) its replies. */
export function CommentItem({ comment, idea, rights, organisations, onDone }: CommentItemProps) {
  const { t, i18n } = useTranslation();
  const authorName = useAuthorName();
  const [mode, setMode] = useState<'read' | 'edit' | 'reply'>('read');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const edit = useEditComment();
  const remove = useDeleteComment();
  const reply = usePostComment();
  const flag = useFlagComment();
  const topLevel = !comment.parentId;
  const visible = comment.state === 'visible';
  const name = comment.state === 'deleted' ? null : authorName(comment.author);
  const headingId = `comment-${comment.id}-author`;

  return (
    <li className={`comment comment--${comment.state}`} id={`comment-${comment.id}`}>
      <article aria-labelledby={name ? headingId : undefined} aria-label={name ? undefined : t('comments.deleted')}>
        {name ? (
          <p className="comment__meta">
            <span className="comment__author">
              <AuthorName author={comment.author} id={headingId} />
            </span>{' '}
            <time className="muted" dateTime={comment.createdAt}>
              {formatDateTime(comment.createdAt, i18n.language)}
            </time>
            {comment.editedAt ? <span className="muted"> {t('comments.edited')}</span> : null}
          </p>
        ) : null}
        {comment.state === 'deleted' ? (
          <p className="comment__placeholder">{t('comments.deleted')}</p>
        ) : comment.state === 'hidden' ? (
          <>
            <p className="comment__placeholder">{t('comments.hidden')}</p>
            {comment.body ? (
              <div className="comment__hidden-text">
                <p className="muted">{comment.isMine ? t('comments.hiddenMine') : t('comments.hiddenStaff')}</p>
                <p className="plain-text">{comment.body}</p>
                {comment.hiddenReason ? <p className="muted">{t('comments.hiddenReason', { reason: comment.hiddenReason })}</p> : null}
              </div>
            ) : null}
          </>
        ) : mode === 'edit' ? (
          <CommentForm
            idPrefix={`comment-${comment.id}-edit`}
            label={t('comments.editLabel')}
            submitLabel={t('comments.save')}
            initialBody={comment.body}
            autoFocus
            pending={edit.isPending}
            error={edit.error}
            onCancel={() => setMode('read')}
            onSubmit={(value) =>
              edit.mutate(
                { ideaId: idea.id, id: comment.id, body: value.body },
                {
                  onSuccess: () => {
                    setMode('read');
                    onDone(t('comments.saved'));
                  },
                },
              )
            }
          />
        ) : (
          <p className="plain-text comment__body">{comment.body}</p>
        )}
        {mode === 'read' && (visible || (comment.state === 'hidden' && rights.moderate)) ? (
          <div className="comment__actions">
            {visible ? <LikeButton comment={comment} ideaId={idea.id} canLike={rights.like && !comment.isMine} name={name} /> : null}
            {visible && topLevel && rights.comment ? (
              <Button variant="link" className="button--small" onClick={() => setMode('reply')}>
                {t('comments.reply')}
              </Button>
            ) : null}
            {visible && comment.isMine ? (
              <>
                <Button variant="link" className="button--small" onClick={() => setMode('edit')}>
                  {t('comments.edit')}
                </Button>
                <Button
                  variant="link"
                  className="button--small"
                  onClick={() => {
                    remove.reset();
                    setConfirmDelete(true);
                  }}
                >
                  {t('comments.delete')}
                </Button>
              </>
            ) : null}
            {visible && !comment.isMine && rights.flag ? (
              <FlagButton
                variant="link"
                label={t('comments.flag')}
                title={t('comments.flagTitle', { name })}
                idPrefix={`comment-${comment.id}-flag`}
                pending={flag.isPending}
                error={flag.error}
                onSubmit={(request, done) => flag.mutate({ id: comment.id, request }, { onSuccess: done })}
                onFlagged={onDone}
              />
            ) : null}
            {rights.moderate ? <HideCommentControl comment={comment} ideaId={idea.id} onDone={onDone} /> : null}
          </div>
        ) : null}
        <ConfirmDialog
          open={confirmDelete}
          title={t('comments.deleteTitle')}
          confirmLabel={t('comments.deleteConfirm')}
          pending={remove.isPending}
          error={remove.error ? describeError(t, toApiError(remove.error)) : null}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(
              { ideaId: idea.id, id: comment.id },
              {
                onSuccess: () => {
                  setConfirmDelete(false);
                  onDone(t('comments.deletedDone'));
                },
              },
            )
          }
        >
          <p>{t('comments.deleteBody')}</p>
        </ConfirmDialog>
      </article>
      {topLevel ? <Replies comment={comment} idea={idea} rights={rights} organisations={organisations} onDone={onDone} /> : null}
      {mode === 'reply' ? (
        <div className="comment__reply-form">
          <CommentForm
            idPrefix={`comment-${comment.id}-reply`}
            label={t('comments.replyLabel', { name })}
            submitLabel={t('comments.replySubmit')}
            organisations={organisations}
            autoFocus
            pending={reply.isPending}
            error={reply.error}
            onCancel={() => setMode('read')}
            onSubmit={(value) =>
              reply.mutate(
                { ideaId: idea.id, request: { ...value, parentId: comment.id } },
                {
                  onSuccess: () => {
                    setMode('read');
                    onDone(t('comments.replied'));
                  },
                },
              )
            }
          />
        </div>
      ) : null}
    </li>
  );
}

/** The first replies come with the comment; « Voir plus de réponses » loads them all. */
function Replies({ comment, ...rest }: Omit<CommentItemProps, 'comment'> & { comment: CommentView }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const all = useInfiniteQuery({ ...repliesInfiniteQueryOptions(rest.idea.id, comment.id), enabled: expanded });
  const list = useRef<HTMLOListElement>(null);
  const replies = expanded && all.data ? all.data.pages.flatMap((page) => page.items) : comment.replies;
  const more = !expanded && comment.repliesCount > comment.replies.length;
  const loaded = expanded && all.isSuccess;

  // Once the other replies are there, reading goes on from the list (the button that asked is gone).
  useEffect(() => {
    if (loaded) list.current?.focus();
  }, [loaded]);

  if (replies.length === 0 && !more) return null;
  return (
    <div className="comment__replies">
      {replies.length > 0 ? (
        <ol
          className="comment-list comment-list--replies"
          ref={list}
          tabIndex={-1}
          aria-label={t('comments.repliesLabel', { count: comment.repliesCount })}
        >
          {replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} {...rest} />
          ))}
        </ol>
      ) : null}
      {expanded && all.isError ? <p className="field__error">{describeError(t, toApiError(all.error))}</p> : null}
      {more || (expanded && all.hasNextPage) ? (
        <Button
          variant="secondary"
          className="button--small"
          pending={expanded && (all.isFetching || all.isFetchingNextPage)}
          onClick={() => (expanded ? void all.fetchNextPage() : setExpanded(true))}
        >
          {t('comments.moreReplies', { count: Math.max(comment.repliesCount - replies.length, 0) })}
        </Button>
      ) : null}
    </div>
  );
}

/** The likes of a comment: a toggle (aria-pressed) for signed-in people other than its author, a count for everyone else. */
export function LikeButton({
  comment,
  ideaId,
  canLike,
  name,
}: {
  comment: CommentView;
  ideaId: string;
  canLike: boolean;
  name: string | null;
}) {
  const { t } = useTranslation();
  const like = useLikeComment();
  if (!canLike) return <span className="comment__likes muted">{t('comments.likes.count', { count: comment.likes })}</span>;
  return (
    <>
      <Button
        variant="link"
        className="button--small comment__like"
        aria-pressed={comment.likedByMe}
        aria-label={t('comments.likes.label', { name, count: comment.likes })}
        pending={like.isPending}
        onClick={() => like.mutate({ ideaId, id: comment.id, like: !comment.likedByMe })}
      >
        <span aria-hidden="true">{comment.likedByMe ? '♥' : '♡'}</span> {t('comments.likes.button', { count: comment.likes })}
      </Button>
      {like.error ? (
        <span className="field__error" role="alert">
          {describeError(t, toApiError(like.error))}
        </span>
      ) : null}
    </>
  );
}

function HideCommentControl({ comment, ideaId, onDone }: { comment: CommentView; ideaId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const hide = useHideComment();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const apiError = hide.error ? toApiError(hide.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const summary = Object.keys(clientErrors).length > 0 ? t('errors.fieldsInvalid') : apiError ? describeError(t, apiError) : null;

  if (comment.state === 'hidden') {
    return (
      <Button
        variant="link"
        className="button--small"
        pending={hide.isPending}
        onClick={() => hide.mutate({ ideaId, id: comment.id, hide: false }, { onSuccess: () => onDone(t('comments.unhidden')) })}
      >
        {t('comments.unhide')}
      </Button>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = reason.trim() ? {} : { reason: [t('ideas.moderation.hideReasonRequired')] };
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    hide.mutate(
      { ideaId, id: comment.id, hide: true, reason: reason.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          onDone(t('comments.hiddenDone'));
        },
      },
    );
  }

  return (
    <>
      <Button
        variant="link"
        className="button--small"
        onClick={() => {
          hide.reset();
          setClientErrors({});
          setOpen(true);
        }}
      >
        {t('comments.hide')}
      </Button>
      <Dialog open={open} title={t('comments.hideTitle')} onClose={() => setOpen(false)}>
        <form className="form" noValidate onSubmit={submit}>
          <FormErrorSummary message={summary} />
          <TextAreaField
            id={`comment-${comment.id}-hide-reason`}
            label={t('ideas.moderation.hideReason')}
            hint={t('ideas.moderation.hideReasonHint')}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            errors={errors.reason}
          />
          <div className="form__actions">
            <Button type="submit" pending={hide.isPending}>
              {t('comments.hide')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

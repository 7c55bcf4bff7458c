import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentSort, ParticipationAction, type GetIdeaResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import { StatusMessage } from '@/components/ui/status-message';
import { useSessionStatus } from '@/lib/auth/session-store';
import { oneOf } from '@/lib/closed-sets';
import { commentsInfiniteQueryOptions, usePostComment } from '../api/comments';
import { decisionFor } from '../api/ideas';
import { ActionReason } from './action-reason';
import { CommentForm, type OrganisationChoice } from './comment-form';
import { CommentItem, type CommentRights } from './comment-item';

export interface CommentsSectionProps {
  idea: GetIdeaResponse;
  /** Verified organisations the user belongs to, offered as « Publier au nom de ». */
  organisations?: readonly OrganisationChoice[];
}

/** An idea's conversation: comments oldest first (or newest, or most liked), replies one level deep, and the form to join in. */
export function CommentsSection({ idea, organisations = [] }: CommentsSectionProps) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<CommentSort>(CommentSort.Oldest);
  const comments = useInfiniteQuery(commentsInfiniteQueryOptions(idea.id, sort));
  const signedIn = useSessionStatus() === 'authenticated';
  const post = usePostComment();
  const [message, setMessage] = useState<string | null>(null);
  const commentDecision = decisionFor(idea.actions, ParticipationAction.Comment);
  const rights: CommentRights = {
    comment: commentDecision.allowed,
    like: signedIn,
    flag: decisionFor(idea.actions, ParticipationAction.Flag).allowed,
    moderate: decisionFor(idea.actions, ParticipationAction.Moderate).allowed,
  };
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="panel comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title', { count: idea.comments })}</h2>
      <StatusMessage>{message}</StatusMessage>
      {idea.comments > 1 ? (
        <SelectField
          id="comments-sort"
          inline
          label={t('comments.sort.label')}
          value={sort}
          options={Object.values(CommentSort).map((value) => ({ value, label: t(`comments.sort.${value}`) }))}
          onChange={(event) => setSort(oneOf(Object.values(CommentSort), event.target.value) ?? CommentSort.Oldest)}
        />
      ) : null}
      {comments.isPending ? (
        <Loading label={t('common.loading')} />
      ) : comments.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(comments.error))}>
          <Button variant="secondary" onClick={() => void comments.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : items.length === 0 ? (
        <p className="muted">{t('comments.empty')}</p>
      ) : (
        <ol className="comment-list">
          {items.map((comment) => (
            <CommentItem key={comment.id} comment={comment} idea={idea} rights={rights} organisations={organisations} onDone={setMessage} />
          ))}
        </ol>
      )}
      {comments.hasNextPage ? (
        <p className="load-more">
          <Button variant="secondary" pending={comments.isFetchingNextPage} onClick={() => void comments.fetchNextPage()}>
            {t('comments.loadMore')}
          </Button>
        </p>
      ) : null}
      <h3 id="comment-form-title">{t('comments.form.title')}</h3>
      {rights.comment ? (
        <CommentForm
          idPrefix="comment-new"
          label={t('comments.form.label')}
          submitLabel={t('comments.form.submit')}
          organisations={organisations}
          pending={post.isPending}
          error={post.error}
          onSubmit={(value, reset) =>
            post.mutate(
              { ideaId: idea.id, request: value },
              {
                onSuccess: () => {
                  reset();
                  setMessage(t('comments.posted'));
                },
              },
            )
          }
        />
      ) : (
        <ActionReason decision={commentDecision} action={t('comments.action')} />
      )}
    </section>
  );
}

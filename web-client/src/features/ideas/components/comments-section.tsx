import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ParticipationAction, type GetIdeaResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
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

/** An idea's conversation: comments oldest first, replies one level deep, and the form to join in. */
export function CommentsSection({ idea, organisations = [] }: CommentsSectionProps) {
  const { t } = useTranslation();
  const comments = useInfiniteQuery(commentsInfiniteQueryOptions(idea.id));
  const post = usePostComment();
  const [message, setMessage] = useState<string | null>(null);
  const commentDecision = decisionFor(idea.actions, ParticipationAction.Comment);
  const rights: CommentRights = {
    comment: commentDecision.allowed,
    flag: decisionFor(idea.actions, ParticipationAction.Flag).allowed,
    moderate: decisionFor(idea.actions, ParticipationAction.Moderate).allowed,
  };
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="panel comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title', { count: idea.comments })}</h2>
      <StatusMessage>{message}</StatusMessage>
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

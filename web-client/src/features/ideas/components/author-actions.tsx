import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ParticipationAction, type GetIdeaResponse } from '@contracts/participation-client';
import { toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { decisionFor, useWithdrawIdea } from '../api/ideas';
import { ActionReason, useDescribeRefusal } from './action-reason';

/**
 * The author's own tools: edit and withdraw, while the city has not taken the idea up. Other people do not
 * see them (they are no one else's to use); the author sees why when they are closed.
 */
export function AuthorActions({ idea, onDone }: { idea: GetIdeaResponse; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const describe = useDescribeRefusal();
  const withdraw = useWithdrawIdea();
  const [confirming, setConfirming] = useState(false);
  if (!idea.isMine || idea.visibility.state === 'withdrawn') return null;
  const edit = decisionFor(idea.actions, ParticipationAction.Edit);
  const remove = decisionFor(idea.actions, ParticipationAction.Withdraw);
  const apiError = withdraw.error ? toApiError(withdraw.error) : null;
  return (
    <div className="idea-author-actions">
      {edit.allowed ? (
        <Link className="button button--secondary button--small" to={`/projects/${idea.projectId}/ideas/${idea.id}/edit`}>
          {t('ideas.authorActions.edit')}
        </Link>
      ) : (
        <ActionReason decision={edit} action={t('ideas.authorActions.edit')} />
      )}
      {remove.allowed ? (
        <Button
          variant="secondary"
          className="button--small"
          onClick={() => {
            withdraw.reset();
            setConfirming(true);
          }}
        >
          {t('ideas.authorActions.withdraw')}
        </Button>
      ) : (
        <ActionReason decision={remove} action={t('ideas.authorActions.withdraw')} />
      )}
      <ConfirmDialog
        open={confirming}
        title={t('ideas.authorActions.withdrawTitle')}
        confirmLabel={t('ideas.authorActions.withdrawConfirm')}
        pending={withdraw.isPending}
        error={apiError ? describe(apiError) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          withdraw.mutate(idea, {
            onSuccess: () => {
              setConfirming(false);
              onDone(t('ideas.authorActions.withdrawn'));
            },
          })
        }
      >
        <p>{t('ideas.authorActions.withdrawBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { ParticipationAction, type GetIdeaResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { decisionFor, useFollowIdea } from '../api/ideas';
import { ActionReason } from './action-reason';

/** Follow an idea to be told about its changes (status, official feedback), or stop. */
export function FollowButton({ idea, onDone }: { idea: GetIdeaResponse; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const follow = useFollowIdea();
  const decision = decisionFor(idea.actions, ParticipationAction.Follow);
  if (!decision.allowed) return <ActionReason decision={decision} action={t('ideas.follow.follow')} />;
  const apiError = follow.error ? toApiError(follow.error) : null;
  return (
    <div className="idea-action">
      <Button
        variant="secondary"
        aria-pressed={idea.following}
        pending={follow.isPending}
        onClick={() =>
          follow.mutate(
            { id: idea.id, follow: !idea.following },
            { onSuccess: () => onDone(t(idea.following ? 'ideas.follow.unfollowed' : 'ideas.follow.followed')) },
          )
        }
      >
        {t('ideas.follow.follow')}
      </Button>
      {apiError ? (
        <p className="field__error" role="alert">
          {describeError(t, apiError)}
        </p>
      ) : null}
    </div>
  );
}

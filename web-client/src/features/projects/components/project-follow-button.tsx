import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetProjectResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';
import { useFollowProject } from '../api/projects';

/** Follow a published project (signed-in people); the API records it and tells the page whether the person follows. */
export function ProjectFollowButton({ project }: { project: GetProjectResponse }) {
  const { t } = useTranslation();
  const follow = useFollowProject();
  const [message, setMessage] = useState<string | null>(null);
  const following = !!project.followedByMe;
  const apiError = follow.error ? toApiError(follow.error) : null;
  return (
    <div className="project-follow">
      <Button
        variant="secondary"
        aria-pressed={following}
        pending={follow.isPending}
        onClick={() =>
          follow.mutate(
            { id: project.id, follow: !following },
            { onSuccess: () => setMessage(t(following ? 'projects.follow.unfollowed' : 'projects.follow.followed')) },
          )
        }
      >
        {t('projects.follow.follow')}
      </Button>
      <StatusMessage>{message}</StatusMessage>
      {apiError ? (
        <p className="field__error" role="alert">
          {describeError(t, apiError)}
        </p>
      ) : null}
    </div>
  );
}

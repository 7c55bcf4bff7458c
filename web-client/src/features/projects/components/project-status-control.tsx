import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProjectStatus } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { StatusMessage } from '@/components/ui/status-message';
import { useChangeProjectStatus } from '../api/projects';

/** Which moves each status offers, in the order shown. */
const MOVES: Record<ProjectStatus, ProjectStatus[]> = {
  draft: [ProjectStatus.Published],
  published: [ProjectStatus.Archived, ProjectStatus.Draft],
  archived: [ProjectStatus.Published, ProjectStatus.Draft],
};

/** Publish, archive or put back to draft, each after a confirmation saying what it does. */
export function ProjectStatusControl({ projectId, status, phaseCount }: { projectId: string; status: ProjectStatus; phaseCount: number }) {
  const { t } = useTranslation();
  const change = useChangeProjectStatus();
  const [target, setTarget] = useState<ProjectStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function confirm() {
    if (!target) return;
    const next = target;
    change.mutate(
      { id: projectId, status: next },
      {
        onSuccess: () => {
          setTarget(null);
          setNotice(t(`projects.statusControl.done.${next}`));
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="status-title">
      <h2 id="status-title">{t('projects.statusControl.title')}</h2>
      <StatusMessage>{notice}</StatusMessage>
      <p>
        {t('projects.statusControl.current')}{' '}
        <Badge tone={status === 'published' ? 'success' : status === 'archived' ? 'warning' : 'neutral'}>
          {t(`projects.status.${status}`)}
        </Badge>
      </p>
      <p className="muted">{t(`projects.statusControl.explain.${status}`)}</p>
      {status === 'draft' && phaseCount === 0 ? <p className="notice">{t('projects.statusControl.noPhases')}</p> : null}
      <div className="form__actions">
        {MOVES[status].map((next) => (
          <Button
            key={next}
            variant={next === 'published' ? 'primary' : 'secondary'}
            onClick={() => {
              change.reset();
              setNotice(null);
              setTarget(next);
            }}
          >
            {t(`projects.statusControl.to.${next}`)}
          </Button>
        ))}
      </div>
      <ConfirmDialog
        open={target !== null}
        title={target ? t(`projects.statusControl.confirmTitle.${target}`) : ''}
        confirmLabel={target ? t(`projects.statusControl.confirm.${target}`) : ''}
        onConfirm={confirm}
        onCancel={() => setTarget(null)}
        pending={change.isPending}
        error={change.error ? describeError(t, toApiError(change.error)) : null}
      >
        <p>{target ? t(`projects.statusControl.confirmBody.${target}`) : null}</p>
      </ConfirmDialog>
    </section>
  );
}

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetProjectPerson } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { StatusMessage } from '@/components/ui/status-message';
import { useAssignModerator, useRemoveModerator } from '../api/projects';

export interface ModeratorPicker {
  /** Makes the person a moderator. */
  pick: (user: { id: string; firstName: string; lastName: string }) => void;
  /** Whether that person already moderates the project. */
  isModerator: (userId: string) => boolean;
  pendingUserId: string | null;
}

export interface ModeratorsPanelProps {
  projectId: string;
  moderators: GetProjectPerson[];
  canManage: boolean;
  /** A way to find people (the page composes the users feature's search); shown to those who can manage. */
  renderPicker: (picker: ModeratorPicker) => ReactNode;
}

/** The project's moderators: listed for its staff; admins and the department's heads add and remove them. */
export function ModeratorsPanel({ projectId, moderators, canManage, renderPicker }: ModeratorsPanelProps) {
  const { t } = useTranslation();
  const assign = useAssignModerator();
  const remove = useRemoveModerator();
  const [toRemove, setToRemove] = useState<GetProjectPerson | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

  const picker: ModeratorPicker = {
    pick: (user) => {
      setNotice(null);
      assign.mutate(
        { id: projectId, userId: user.id },
        { onSuccess: () => setNotice(t('projects.moderators.added', { name: name(user) })) },
      );
    },
    isModerator: (userId) => moderators.some((m) => m.id === userId),
    pendingUserId: assign.isPending ? (assign.variables?.userId ?? null) : null,
  };

  function doRemove() {
    const person = toRemove;
    if (!person) return;
    remove.mutate(
      { id: projectId, userId: person.id },
      {
        onSuccess: () => {
          setToRemove(null);
          setNotice(t('projects.moderators.removed', { name: name(person) }));
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="moderators-title">
      <h2 id="moderators-title">{t('projects.moderators.title')}</h2>
      <p className="muted">{t('projects.moderators.intro')}</p>
      <StatusMessage>{notice}</StatusMessage>
      {moderators.length === 0 ? (
        <p>{t('projects.moderators.none')}</p>
      ) : (
        <ul className="role-list">
          {moderators.map((person) => (
            <li key={person.id} className="role-list__item">
              <span>{name(person)}</span>
              {canManage ? (
                <Button
                  variant="secondary"
                  className="button--small"
                  aria-label={t('projects.moderators.removeLabel', { name: name(person) })}
                  onClick={() => {
                    remove.reset();
                    setToRemove(person);
                  }}
                >
                  {t('common.remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <>
          {renderPicker(picker)}
          <div role="alert">{assign.error ? <p className="field__error">{describeError(t, toApiError(assign.error))}</p> : null}</div>
        </>
      ) : (
        <p className="muted">{t('projects.moderators.readOnly')}</p>
      )}
      <ConfirmDialog
        open={toRemove !== null}
        title={t('projects.moderators.removeTitle')}
        confirmLabel={t('projects.moderators.removeConfirm')}
        onConfirm={doRemove}
        onCancel={() => setToRemove(null)}
        pending={remove.isPending}
        error={remove.error ? describeError(t, toApiError(remove.error)) : null}
      >
        <p>{toRemove ? t('projects.moderators.removeBody', { name: name(toRemove) }) : null}</p>
      </ConfirmDialog>
    </section>
  );
}

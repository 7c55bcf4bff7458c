import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GetProjectPhase } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { StatusMessage } from '@/components/ui/status-message';
import { localizedName } from '@/lib/roles';
import { emptyPhaseForm, phaseToForm, toPhaseRequest, type PhaseForm as PhaseFormValue } from '../api/phase-settings';
import { useRemovePhase, useSavePhase } from '../api/projects';
import { PhaseForm } from './phase-form';
import { usePhaseDates } from './phase-timeline';

/** The project's timeline for its staff: add, change and remove phases. */
export function PhaseEditor({ projectId, phases }: { projectId: string; phases: GetProjectPhase[] }) {
  const { t, i18n } = useTranslation();
  const save = useSavePhase();
  const remove = useRemovePhase();
  const dates = usePhaseDates();
  /** 'new', a phase id, or null. */
  const [editing, setEditing] = useState<string | null>(null);
  const [toRemove, setToRemove] = useState<GetProjectPhase | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function open(target: string) {
    save.reset();
    setNotice(null);
    setEditing(target);
  }

  function submit(phaseId: string | undefined, value: PhaseFormValue) {
    save.mutate(
      { id: projectId, phaseId, request: toPhaseRequest(value) },
      {
        onSuccess: () => {
          setEditing(null);
          setNotice(t(phaseId ? 'projects.phases.changed' : 'projects.phases.added', { title: value.title.fr.trim() }));
          window.setTimeout(() => document.getElementById('phase-add')?.focus(), 0);
        },
      },
    );
  }

  function doRemove() {
    const phase = toRemove;
    if (!phase) return;
    remove.mutate(
      { id: projectId, phaseId: phase.id },
      {
        onSuccess: () => {
          setToRemove(null);
          setNotice(t('projects.phases.removed', { title: localizedName(phase.title, i18n.language) }));
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="phases-title">
      <h2 id="phases-title">{t('projects.phases.title')}</h2>
      <p className="muted">{t('projects.phases.intro')}</p>
      <StatusMessage>{notice}</StatusMessage>
      {phases.length === 0 ? <p>{t('projects.timeline.empty')}</p> : null}
      <ol className="phase-list">
        {phases.map((phase, index) => {
          const title = localizedName(phase.title, i18n.language);
          return (
            <li key={phase.id} className={`phase-list__item ${phase.isCurrent ? 'phase-list__item--current' : ''}`}>
              <div className="card__header">
                <div>
                  <h3 className="card__title">
                    {t('projects.timeline.step', { n: index + 1 })} · {title}
                  </h3>
                  <p className="muted">
                    {dates(phase)} · {t(`projects.methods.${phase.method}`, { defaultValue: phase.method })}
                    {phase.isCurrent ? ` · ${t('projects.timeline.current')}` : ''}
                  </p>
                </div>
                {editing !== phase.id ? (
                  <div className="card__actions">
                    {phase.method === 'survey' || phase.method === 'poll' ? (
                      <Link
                        className="button button--secondary button--small"
                        to={`/admin/projects/${projectId}/phases/${phase.id}/survey`}
                        aria-label={t('surveys.builder.linkLabel', { title })}
                      >
                        {t('surveys.builder.link')}
                      </Link>
                    ) : null}
                    <Button
                      variant="secondary"
                      className="button--small"
                      aria-label={t('projects.phases.editLabel', { title })}
                      onClick={() => open(phase.id)}
                    >
                      {t('projects.phases.edit')}
                    </Button>
                    <Button
                      variant="secondary"
                      className="button--small"
                      aria-label={t('projects.phases.removeLabel', { title })}
                      onClick={() => {
                        remove.reset();
                        setToRemove(phase);
                      }}
                    >
                      {t('common.remove')}
                    </Button>
                  </div>
                ) : null}
              </div>
              {editing === phase.id ? (
                <PhaseForm
                  idPrefix={`phase-${phase.id}`}
                  initial={phaseToForm(phase)}
                  submitLabel={t('projects.phases.save')}
                  pending={save.isPending}
                  error={save.error}
                  onResetError={() => save.reset()}
                  onSubmit={(value) => submit(phase.id, value)}
                  onCancel={() => setEditing(null)}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      {editing === 'new' ? (
        <div className="phase-new">
          <h3>{t('projects.phases.newTitle')}</h3>
          <PhaseForm
            idPrefix="phase-new"
            initial={emptyPhaseForm()}
            submitLabel={t('projects.phases.addSubmit')}
            pending={save.isPending}
            error={save.error}
            onResetError={() => save.reset()}
            onSubmit={(value) => submit(undefined, value)}
            onCancel={() => setEditing(null)}
          />
        </div>
      ) : (
        <Button id="phase-add" variant="secondary" onClick={() => open('new')}>
          {t('projects.phases.add')}
        </Button>
      )}
      <ConfirmDialog
        open={toRemove !== null}
        title={t('projects.phases.removeTitle')}
        confirmLabel={t('projects.phases.removeConfirm')}
        onConfirm={doRemove}
        onCancel={() => setToRemove(null)}
        pending={remove.isPending}
        error={remove.error ? describeError(t, toApiError(remove.error)) : null}
      >
        <p>{toRemove ? t('projects.phases.removeBody', { title: localizedName(toRemove.title, i18n.language) }) : null}</p>
      </ConfirmDialog>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Widget } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { LANGUAGE_NAMES } from '@/lib/i18n/languages';
import { useCreateWidget, useDeleteWidget, useUpdateWidget, widgetsQueryOptions } from '../api/widgets';
import { WidgetDetails } from './widget-details';
import { WidgetForm, type WidgetProjectOption } from './widget-form';

export interface WidgetAdminProps {
  /** The published projects a widget may list by choice. */
  projects: readonly WidgetProjectOption[];
}

/** Widgets for the city's website: the list, a form to create or edit one, its snippets and a live preview. */
export function WidgetAdmin({ projects }: WidgetAdminProps) {
  const { t } = useTranslation();
  const widgets = useQuery(widgetsQueryOptions());
  const create = useCreateWidget();
  const update = useUpdateWidget();
  const remove = useDeleteWidget();
  const [editing, setEditing] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<Widget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The answer to the last save, newer than the list until it is fetched again.
  const [saved, setSaved] = useState<Widget | null>(null);
  const [focusEditor, setFocusEditor] = useState(false);
  const editHeading = useRef<HTMLHeadingElement>(null);

  const items = widgets.data ?? [];
  const listed = editing && editing !== 'new' ? items.find((w) => w.id === editing) : undefined;
  const current = saved && saved.id === editing && (!listed || listed.updatedAt <= saved.updatedAt) ? saved : listed;

  // Once created, the widget opens in its editor (with its snippets): keyboard users continue from its heading.
  useEffect(() => {
    if (focusEditor && current) {
      editHeading.current?.focus();
      setFocusEditor(false);
    }
  }, [focusEditor, current]);

  function open(target: string) {
    create.reset();
    update.reset();
    setNotice(null);
    setEditing(target);
  }

  function doDelete() {
    const widget = toDelete;
    if (!widget) return;
    remove.mutate(widget.id, {
      onSuccess: () => {
        setToDelete(null);
        if (editing === widget.id) setEditing(null);
        setNotice(t('widgets.deleted', { name: widget.name }));
      },
    });
  }

  const deleteError = remove.error ? toApiError(remove.error) : null;

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="widget-list-title">
        <div className="card__header">
          <h2 id="widget-list-title">{t('widgets.listTitle')}</h2>
          <Button onClick={() => open('new')}>{t('widgets.new')}</Button>
        </div>
        <StatusMessage>{notice}</StatusMessage>
        {widgets.isPending ? (
          <Loading label={t('common.loading')} />
        ) : widgets.isError ? (
          <Alert variant="error" role="alert" title={describeError(t, toApiError(widgets.error))} />
        ) : items.length === 0 ? (
          <p className="empty-state">{t('widgets.empty')}</p>
        ) : (
          <ul className="card-list">
            {items.map((widget) => (
              <li key={widget.id} className="card">
                <article aria-labelledby={`widget-${widget.id}-name`}>
                  <div className="card__header">
                    <h3 id={`widget-${widget.id}-name`} className="card__title">
                      {widget.name}
                    </h3>
                    <div className="card__actions">
                      <Button
                        variant="secondary"
                        className="button--small"
                        aria-label={t('widgets.editLabel', { name: widget.name })}
                        aria-pressed={editing === widget.id}
                        onClick={() => open(widget.id)}
                      >
                        {t('widgets.edit')}
                      </Button>
                      <Button
                        variant="secondary"
                        className="button--small"
                        aria-label={t('widgets.deleteLabel', { name: widget.name })}
                        onClick={() => {
                          remove.reset();
                          setToDelete(widget);
                        }}
                      >
                        {t('common.delete')}
                      </Button>
                    </div>
                  </div>
                  <p className="muted">
                    {[
                      t(`widgets.selection.${widget.selection}`),
                      LANGUAGE_NAMES[widget.language],
                      t('widgets.originsCount', { count: widget.allowedOrigins.length }),
                    ].join(' · ')}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
      {editing === 'new' ? (
        <section className="panel" aria-labelledby="widget-new-title">
          <h2 id="widget-new-title">{t('widgets.createTitle')}</h2>
          <WidgetForm
            idPrefix="widget-new"
            projects={projects}
            submitLabel={t('widgets.create')}
            pending={create.isPending}
            error={create.error}
            onResetError={() => create.reset()}
            onCancel={() => setEditing(null)}
            onSubmit={(settings) =>
              create.mutate(settings, {
                onSuccess: (created) => {
                  setSaved(created);
                  setEditing(created.id);
                  setFocusEditor(true);
                  setNotice(t('widgets.created', { name: created.name }));
                },
              })
            }
          />
        </section>
      ) : null}
      {current ? (
        <section className="panel" aria-labelledby="widget-edit-title">
          <h2 id="widget-edit-title" ref={editHeading} tabIndex={-1}>
            {t('widgets.editTitle', { name: current.name })}
          </h2>
          <div className="stack">
            <WidgetDetails widget={current} />
            <h3>{t('widgets.settingsTitle')}</h3>
            <WidgetForm
              key={current.id}
              idPrefix={`widget-${current.id}`}
              widget={current}
              projects={projects}
              submitLabel={t('widgets.save')}
              pending={update.isPending}
              error={update.error}
              onResetError={() => update.reset()}
              onCancel={() => setEditing(null)}
              onSubmit={(settings) =>
                update.mutate(
                  { id: current.id, settings },
                  {
                    onSuccess: (widget) => {
                      setSaved(widget);
                      setNotice(t('widgets.saved', { name: widget.name }));
                    },
                  },
                )
              }
            />
          </div>
        </section>
      ) : null}
      <ConfirmDialog
        open={toDelete !== null}
        title={t('widgets.deleteTitle')}
        confirmLabel={t('widgets.deleteConfirm')}
        onConfirm={doDelete}
        onCancel={() => setToDelete(null)}
        pending={remove.isPending}
        error={deleteError ? describeError(t, deleteError) : null}
      >
        <p>{toDelete ? t('widgets.deleteBody', { name: toDelete.name }) : null}</p>
      </ConfirmDialog>
    </div>
  );
}

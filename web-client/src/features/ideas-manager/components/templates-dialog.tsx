import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackTemplate } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { oneOf } from '@/lib/closed-sets';
import { erroredFields } from '@/lib/forms';
import { feedbackTemplatesQueryOptions, SETTABLE_STATUSES, useDeleteTemplate, useSaveTemplate } from '../api/ideas-manager';

/** The project's official feedback templates: the list, a form to write or rewrite one, deletion after a confirmation. */
export function TemplatesDialog({ projectId, open, onClose }: { projectId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('ideasManager.templates.title')} onClose={onClose}>
      <TemplatesManager projectId={projectId} />
    </Dialog>
  );
}

function TemplatesManager({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const templates = useQuery(feedbackTemplatesQueryOptions(projectId));
  const remove = useDeleteTemplate(projectId);
  const [editing, setEditing] = useState<FeedbackTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (templates.isPending) return <Loading label={t('common.loading')} />;
  if (templates.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(templates.error))} />;
  const items = templates.data.items;

  return (
    <div className="stack">
      <p>{t('ideasManager.templates.intro')}</p>
      <StatusMessage>{notice}</StatusMessage>
      {items.length === 0 ? (
        <p className="empty-state">{t('ideasManager.templates.empty')}</p>
      ) : (
        <ul className="template-list">
          {items.map((tpl) => (
            <li key={tpl.id} className="template-list__item">
              <h3 className="template-list__title">{tpl.title}</h3>
              <p className="table__sub">
                {tpl.status
                  ? t('ideasManager.templates.forStatus', { status: t(`ideas.status.${tpl.status}`) })
                  : t('ideasManager.templates.anyStatus')}
              </p>
              {/* Sanitised by the API with the rich-text allow-list. */}
              <div className="template-list__body rich-text plain-text" dangerouslySetInnerHTML={{ __html: tpl.body }} />
              <div className="table__actions">
                {deleting === tpl.id ? (
                  <>
                    <Button
                      className="button--small button--danger"
                      pending={remove.isPending}
                      onClick={() =>
                        remove.mutate(tpl.id, {
                          onSuccess: () => {
                            setDeleting(null);
                            setNotice(t('ideasManager.templates.deleted', { title: tpl.title }));
                          },
                        })
                      }
                    >
                      {t('ideasManager.templates.confirmDelete', { title: tpl.title })}
                    </Button>
                    <Button variant="secondary" className="button--small" onClick={() => setDeleting(null)}>
                      {t('common.cancel')}
                    </Button>
                  </>
                ) : (
                  <>
                    <Button
                      variant="secondary"
                      className="button--small"
                      aria-label={t('ideasManager.templates.editLabel', { title: tpl.title })}
                      onClick={() => {
                        setNotice(null);
                        setEditing(tpl);
                      }}
                    >
                      {t('ideasManager.templates.edit')}
                    </Button>
                    <Button
                      variant="secondary"
                      className="button--small"
                      aria-label={t('ideasManager.templates.deleteLabel', { title: tpl.title })}
                      onClick={() => {
                        remove.reset();
                        setDeleting(tpl.id);
                      }}
                    >
                      {t('common.delete')}
                    </Button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div role="alert">{remove.error ? <p className="field__error">{describeError(t, toApiError(remove.error))}</p> : null}</div>
      {editing ? (
        <TemplateForm
          key={editing === 'new' ? 'new' : editing.id}
          projectId={projectId}
          template={editing === 'new' ? null : editing}
          onDone={(title) => {
            setEditing(null);
            setNotice(t('ideasManager.templates.saved', { title }));
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p>
          <Button
            variant="secondary"
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            {t('ideasManager.templates.add')}
          </Button>
        </p>
      )}
    </div>
  );
}

interface TemplateFormProps {
  projectId: string;
  template: FeedbackTemplate | null;
  onDone: (title: string) => void;
  onCancel: () => void;
}

function TemplateForm({ projectId, template, onDone, onCancel }: TemplateFormProps) {
  const { t } = useTranslation();
  const save = useSaveTemplate(projectId);
  const [title, setTitle] = useState(template?.title ?? '');
  const [status, setStatus] = useState<string>(template?.status ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const apiError = save.error ? toApiError(save.error) : null;
  const errors = apiError?.fieldErrors ?? {};

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { id: template?.id ?? null, fields: { title, body, status: oneOf(SETTABLE_STATUSES, status) } },
      { onSuccess: (saved) => onDone(saved.title) },
    );
  }

  return (
    <form className="form panel" onSubmit={submit} noValidate aria-labelledby="template-form-title">
      <h3 id="template-form-title">{template ? t('ideasManager.templates.editTitle') : t('ideasManager.templates.addTitle')}</h3>
      <FormErrorSummary
        message={apiError ? describeError(t, apiError) : null}
        fields={erroredFields(errors, [
          { key: 'title', id: 'template-title', label: t('ideasManager.templates.fields.title') },
          { key: 'status', id: 'template-status', label: t('ideasManager.templates.fields.status') },
          { key: 'body', id: 'template-body', label: t('ideasManager.templates.fields.body') },
        ])}
      />
      <TextField
        id="template-title"
        label={t('ideasManager.templates.fields.title')}
        required
        maxLength={120}
        value={title}
        errors={errors.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <SelectField
        id="template-status"
        label={t('ideasManager.templates.fields.status')}
        value={status}
        errors={errors.status}
        onChange={(e) => setStatus(e.target.value)}
        options={[
          { value: '', label: t('ideasManager.templates.anyStatus') },
          ...SETTABLE_STATUSES.map((s) => ({ value: s, label: t(`ideas.status.${s}`) })),
        ]}
      />
      <RichTextEditor
        id="template-body"
        label={t('ideasManager.templates.fields.body')}
        hint={t('ideasManager.templates.fields.bodyHint')}
        required
        value={body}
        errors={errors.body}
        onChange={setBody}
      />
      <div className="form__actions">
        <Button type="submit" pending={save.isPending}>
          {t('ideasManager.templates.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

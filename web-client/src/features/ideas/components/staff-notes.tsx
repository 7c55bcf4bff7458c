import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { TextAreaField } from '@/components/ui/textarea-field';
import { formatDateTime } from '@/lib/format';
import { mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { ideaNotesQueryOptions, useAddIdeaNote } from '../api/ideas';

const NOTE_MAX = 5000;

/** Internal notes on an idea, for the project's staff only, with @mentions of colleagues who are notified. */
export function StaffNotes({ ideaId }: { ideaId: string }) {
  const { t, i18n } = useTranslation();
  const notes = useQuery(ideaNotesQueryOptions(ideaId));
  return (
    <section className="panel staff-notes" aria-labelledby="staff-notes-title">
      <h2 id="staff-notes-title">{t('ideas.notes.title')}</h2>
      <p className="muted">{t('ideas.notes.intro')}</p>
      {notes.isPending ? (
        <Loading label={t('common.loading')} />
      ) : notes.isError ? (
        <Alert variant="error" title={describeError(t, toApiError(notes.error))} />
      ) : (
        <>
          {notes.data.items.length === 0 ? (
            <p>{t('ideas.notes.empty')}</p>
          ) : (
            <ol className="note-list">
              {notes.data.items.map((note) => (
                <li key={note.id} className="note">
                  <p className="note__meta">
                    {t('ideas.notes.by', {
                      name: note.author?.name ?? t('ideas.author.deleted'),
                      date: formatDateTime(note.createdAt, i18n.language),
                    })}
                  </p>
                  <p className="plain-text note__body">{note.body}</p>
                  {note.mentions.length > 0 ? (
                    <p className="muted note__mentions">
                      {t('ideas.notes.mentioned', { names: note.mentions.map((m) => m.name).join(', ') })}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          <NoteForm ideaId={ideaId} mentionable={notes.data.mentionable} />
        </>
      )}
    </section>
  );
}

function NoteForm({ ideaId, mentionable }: { ideaId: string; mentionable: Person[] }) {
  const { t } = useTranslation();
  const add = useAddIdeaNote();
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const apiError = add.error ? toApiError(add.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const summary = Object.keys(clientErrors).length > 0 ? t('errors.fieldsInvalid') : apiError ? describeError(t, apiError) : null;

  function toggle(id: string, checked: boolean) {
    setMentions((current) => (checked ? [...current, id] : current.filter((m) => m !== id)));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const found: FieldErrors = body.trim() ? {} : { body: [t('forms.required')] };
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      add.reset();
      return;
    }
    add.mutate(
      { id: ideaId, body: body.trim(), mentions },
      {
        onSuccess: (note) => {
          setBody('');
          setMentions([]);
          setDone(note.mentions.length > 0 ? t('ideas.notes.addedMentions', { count: note.mentions.length }) : t('ideas.notes.added'));
        },
      },
    );
  }

  const mentionErrors = errors.mentions;
  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} />
      <StatusMessage>{done}</StatusMessage>
      <TextAreaField
        id="note-body"
        label={t('ideas.notes.body')}
        rows={4}
        maxLength={NOTE_MAX}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        errors={errors.body}
      />
      {mentionable.length > 0 ? (
        <fieldset
          className={['fieldset fieldset--plain', mentionErrors ? 'field--invalid' : ''].join(' ').trim()}
          aria-describedby={mentionErrors ? 'note-mentions-error' : 'note-mentions-hint'}
        >
          <legend className="field__label">{t('ideas.notes.mentions')}</legend>
          <p className="field__hint" id="note-mentions-hint">
            {t('ideas.notes.mentionsHint')}
          </p>
          {mentionErrors ? (
            <p className="field__error" id="note-mentions-error">
              {mentionErrors.join(' ')}
            </p>
          ) : null}
          <div className="mention-list">
            {mentionable.map((person) => (
              <div className="choice" key={person.id}>
                <input
                  type="checkbox"
                  id={`note-mention-${person.id}`}
                  checked={mentions.includes(person.id)}
                  onChange={(e) => toggle(person.id, e.target.checked)}
                />
                <label htmlFor={`note-mention-${person.id}`}>@{person.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="form__actions">
        <Button type="submit" pending={add.isPending}>
          {t('ideas.notes.submit')}
        </Button>
      </div>
    </form>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSetupView } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { TextAreaField } from '@/components/ui/textarea-field';
import { projectSetupQueryOptions, useSaveProjectSetup } from '../api/onboarding';

/** A project's setup checklist for its staff: loads it, then shows the form. */
export function ProjectSetupPanel({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const setup = useQuery(projectSetupQueryOptions(projectId, i18n.language));
  // Kept here: the form is drawn again from the saved answers, and the message must outlive it.
  const [saved, setSaved] = useState(false);
  if (setup.isPending) return <Loading label={t('common.loading')} />;
  if (setup.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(setup.error))} />;
  // Drawn again from the saved answers after each save (the key changes with the version).
  return <ProjectSetupForm key={setup.data.version} projectId={projectId} setup={setup.data} saved={saved} onSavedChange={setSaved} />;
}

const FIELDS = ['decisionProcess', 'keyDates', 'publicGoals', 'stakeholders'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The source text's reminders for a new project, as a checklist its staff answer: which decision process it feeds, its
 * key dates, the goals shared with the public, its stakeholders. Each item is ticked by the API when answered (key dates:
 * when the project's timeline has phases). The API's field errors show next to their field; a 409 says someone saved in
 * between.
 */
export function ProjectSetupForm({
  projectId,
  setup,
  saved,
  onSavedChange,
}: {
  projectId: string;
  setup: ProjectSetupView;
  saved: boolean;
  onSavedChange: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const save = useSaveProjectSetup(projectId);
  const [answers, setAnswers] = useState<Record<Field, string>>({
    decisionProcess: setup.decisionProcess,
    keyDates: setup.keyDates,
    publicGoals: setup.publicGoals,
    stakeholders: setup.stakeholders,
  });
  const error = save.error ? toApiError(save.error) : null;
  const errors = error?.fieldErrors ?? {};

  function submit(event: FormEvent) {
    event.preventDefault();
    onSavedChange(false);
    save.mutate({ version: setup.version, ...answers }, { onSuccess: () => onSavedChange(true) });
  }

  return (
    <section className="card stack" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('onboarding.setup.title')}</h2>
      <p className="muted">{t('onboarding.setup.intro')}</p>
      <p>{t('onboarding.progress', { done: setup.doneCount, count: setup.items.length })}</p>
      <ul className="onboarding__items" aria-label={t('onboarding.setup.checklist')}>
        {setup.items.map((item) => (
          <li key={item.step} className="onboarding__item" data-step={item.step}>
            <Badge tone={item.done ? 'success' : 'neutral'}>{item.done ? t('onboarding.done') : t('onboarding.toDo')}</Badge>{' '}
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
      <form className="stack" onSubmit={submit} noValidate>
        {FIELDS.map((field) => (
          <TextAreaField
            key={field}
            id={`project-setup-${field}`}
            label={t(`onboarding.setup.fields.${field}`)}
            hint={field === 'keyDates' ? t('onboarding.setup.keyDatesHint') : undefined}
            rows={3}
            maxLength={2000}
            value={answers[field]}
            onChange={(e) => setAnswers((current) => ({ ...current, [field]: e.target.value }))}
            errors={errors[field]}
          />
        ))}
        {error && Object.keys(error.fieldErrors).length === 0 ? (
          <Alert variant="error" role="alert" title={describeError(t, error)} />
        ) : null}
        <div className="form__actions">
          <Button type="submit" pending={save.isPending}>
            {t('onboarding.setup.save')}
          </Button>
        </div>
        <StatusMessage>{saved ? t('onboarding.setup.saved') : null}</StatusMessage>
      </form>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetProjectResponse } from '@contracts/participation-client';
import { StatusMessage } from '@/components/ui/status-message';
import { useUpdateProject } from '../api/projects';
import { cleanLocalized, ProjectTextsForm, textsFrom } from './project-texts-form';

/** The project page's texts and topics, for its staff. */
export function ProjectTextsEditor({ project }: { project: GetProjectResponse }) {
  const { t } = useTranslation();
  const update = useUpdateProject();
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel" aria-labelledby="texts-title">
      <h2 id="texts-title">{t('projects.editor.title')}</h2>
      <StatusMessage>{saved ? t('projects.editor.saved') : null}</StatusMessage>
      <ProjectTextsForm
        idPrefix="project"
        initial={textsFrom(project)}
        initialTopics={project.topics}
        submitLabel={t('projects.editor.save')}
        pending={update.isPending}
        error={update.error}
        onResetError={() => update.reset()}
        onSubmit={(texts, topics) => {
          setSaved(false);
          update.mutate(
            {
              id: project.id,
              // Every field is sent: an emptied translation is removed, an emptied optional text cleared.
              request: {
                title: cleanLocalized(texts.title),
                summary: cleanLocalized(texts.summary),
                description: cleanLocalized(texts.description),
                goals: cleanLocalized(texts.goals),
                targetAudience: cleanLocalized(texts.targetAudience),
                topics,
              },
            },
            { onSuccess: () => setSaved(true) },
          );
        }}
      />
    </section>
  );
}

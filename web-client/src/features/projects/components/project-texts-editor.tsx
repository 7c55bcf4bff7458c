import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetProjectResponse } from '@contracts/participation-client';
import { StatusMessage } from '@/components/ui/status-message';
import type { ToggleChipOption } from '@/components/ui/toggle-chips';
import { useUpdateProject } from '../api/projects';
import { cleanLocalized, ProjectTextsForm, textsFrom } from './project-texts-form';

export interface ProjectTextsEditorProps {
  project: GetProjectResponse;
  /** The topics and areas offered (active ones and the project's own). */
  topicOptions: readonly ToggleChipOption[];
  areaOptions: readonly ToggleChipOption[];
}

/** The project page's texts, topics and areas, for its staff. */
export function ProjectTextsEditor({ project, topicOptions, areaOptions }: ProjectTextsEditorProps) {
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
        initialTags={{ topicIds: project.topicIds ?? [], areaIds: project.areaIds ?? [] }}
        topicOptions={topicOptions}
        areaOptions={areaOptions}
        submitLabel={t('projects.editor.save')}
        pending={update.isPending}
        error={update.error}
        onResetError={() => update.reset()}
        onSubmit={(texts, tags) => {
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
                topicIds: tags.topicIds,
                areaIds: tags.areaIds,
              },
            },
            { onSuccess: () => setSaved(true) },
          );
        }}
      />
    </section>
  );
}

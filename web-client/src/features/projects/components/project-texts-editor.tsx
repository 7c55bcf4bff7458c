import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetProjectResponse } from '@contracts/participation-client';
import { toApiError } from '@/api/errors';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import type { ToggleChipOption } from '@/components/ui/toggle-chips';
import type { FieldErrors } from '@/lib/forms';
import { isSlug } from '@/lib/slugs';
import { useUpdateProject } from '../api/projects';
import { cleanLocalized, ProjectTextsForm, textsFrom } from './project-texts-form';

export interface ProjectTextsEditorProps {
  project: GetProjectResponse;
  /** The topics and areas offered (active ones and the project's own). */
  topicOptions: readonly ToggleChipOption[];
  areaOptions: readonly ToggleChipOption[];
}

/**
 * The project page's address (its slug), texts, topics and areas, for its staff. A former address keeps leading to
 * the page.
 */
export function ProjectTextsEditor({ project, topicOptions, areaOptions }: ProjectTextsEditorProps) {
  const { t } = useTranslation();
  const update = useUpdateProject();
  const [saved, setSaved] = useState(false);
  const [slug, setSlug] = useState(project.slug ?? '');
  const [slugError, setSlugError] = useState<string[] | undefined>();
  const apiSlugErrors = update.error ? toApiError(update.error).fieldErrors.slug : undefined;
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
        extraFields={[{ key: 'slug', id: 'project-slug', label: t('projects.editor.slug') }]}
        validateExtra={(): FieldErrors => {
          const problems = isSlug(slug.trim()) ? undefined : [t('projects.editor.slugInvalid')];
          setSlugError(problems);
          return problems ? { slug: problems } : {};
        }}
        before={
          <TextField
            id="project-slug"
            label={t('projects.editor.slug')}
            hint={t('projects.editor.slugHint')}
            value={slug}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setSlug(e.target.value)}
            errors={slugError ?? apiSlugErrors}
          />
        }
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
                slug: slug.trim() === project.slug ? undefined : slug.trim(),
              },
            },
            { onSuccess: () => setSaved(true) },
          );
        }}
      />
    </section>
  );
}

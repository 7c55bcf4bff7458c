import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentOption } from '@/components/ui/role-scope-picker';
import { SelectField } from '@/components/ui/select-field';
import type { ToggleChipOption } from '@/components/ui/toggle-chips';
import { toApiError } from '@/api/errors';
import type { FieldErrors } from '@/lib/forms';
import { useCreateProject } from '../api/projects';
import { cleanLocalized, emptyTexts, ProjectTextsForm } from './project-texts-form';

export interface ProjectCreateFormProps {
  /** The departments this user may create projects in (admins: all; heads: theirs). */
  departments: readonly DepartmentOption[];
  /** The topics and areas offered. */
  topicOptions: readonly ToggleChipOption[];
  areaOptions: readonly ToggleChipOption[];
  onCreated: (id: string) => void;
}

/** A new draft project in a department. */
export function ProjectCreateForm({ departments, topicOptions, areaOptions, onCreated }: ProjectCreateFormProps) {
  const { t } = useTranslation();
  const create = useCreateProject();
  const [departmentId, setDepartmentId] = useState(departments.length === 1 ? departments[0].id : '');
  const [departmentError, setDepartmentError] = useState<string[] | undefined>();
  const apiDepartmentErrors = create.error ? toApiError(create.error).fieldErrors.departmentId : undefined;

  if (departments.length === 0) return <p className="notice">{t('projects.create.noDepartment')}</p>;

  return (
    <ProjectTextsForm
      idPrefix="project-new"
      initial={emptyTexts()}
      initialTags={{ topicIds: [], areaIds: [] }}
      topicOptions={topicOptions}
      areaOptions={areaOptions}
      submitLabel={t('projects.create.submit')}
      pending={create.isPending}
      error={create.error}
      onResetError={() => create.reset()}
      extraFields={[{ key: 'departmentId', id: 'project-new-department', label: t('projects.filters.department') }]}
      validateExtra={(): FieldErrors => {
        const problems = departmentId ? undefined : [t('projects.create.departmentRequired')];
        setDepartmentError(problems);
        return problems ? { departmentId: problems } : {};
      }}
      before={
        <SelectField
          id="project-new-department"
          label={t('projects.filters.department')}
          value={departmentId}
          onChange={(e) => setDepartmentId(e.target.value)}
          errors={departmentError ?? apiDepartmentErrors}
          options={[
            { value: '', label: t('projects.create.chooseDepartment') },
            ...departments.map((d) => ({ value: d.id, label: d.label })),
          ]}
        />
      }
      onSubmit={(texts, tags) =>
        create.mutate(
          {
            departmentId,
            title: cleanLocalized(texts.title),
            summary: cleanLocalized(texts.summary),
            description: cleanLocalized(texts.description),
            goals: cleanLocalized(texts.goals),
            targetAudience: cleanLocalized(texts.targetAudience),
            topicIds: tags.topicIds,
            areaIds: tags.areaIds,
          },
          { onSuccess: (created) => onCreated(created.id) },
        )
      }
    />
  );
}

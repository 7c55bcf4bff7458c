import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '@/components/layout/page';
import { EMPTY_PROJECT_FILTERS, type ProjectFilters } from '@/features/projects/api/projects';
import { ProjectDirectory } from '@/features/projects/components/project-directory';
import { useDepartmentOptions } from './admin/use-department-options';
import { useFilterTagOptions } from './use-tag-options';

const KEYS = Object.keys(EMPTY_PROJECT_FILTERS) as (keyof ProjectFilters)[];

/**
 * Public projects. A link may preset the filters (?topicId=…&areaId=…, or an old ?topic=mobilite); changing them afterwards stays in the
 * page (rewriting the address on each keystroke would move focus back to the heading).
 */
export function ProjectsRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const departments = useDepartmentOptions();
  const tags = useFilterTagOptions();
  const [filters, setFilters] = useState<ProjectFilters>(
    () => Object.fromEntries(KEYS.map((key) => [key, params.get(key) ?? EMPTY_PROJECT_FILTERS[key]])) as unknown as ProjectFilters,
  );

  return (
    <Page title={t('projects.list.title')} intro={<p>{t('projects.list.intro')}</p>}>
      <ProjectDirectory
        filters={filters}
        onChange={setFilters}
        departments={departments.options}
        topicOptions={tags.topicOptions}
        areaOptions={tags.areaOptions}
      />
    </Page>
  );
}

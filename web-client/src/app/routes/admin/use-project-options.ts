import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProjectOption } from '@/components/ui/role-scope-picker';
import { allWorkspaceProjectsQueryOptions } from '@/features/projects/api/projects';
import { localizedName } from '@/lib/roles';

/**
 * The projects the user runs as picker options, titled in the UI language (else French), alphabetically.
 * `departments` keeps only the projects of those departments (a department head's own).
 */
export function useProjectOptions(departments?: readonly string[]): { options: ProjectOption[]; isPending: boolean } {
  const { i18n } = useTranslation();
  const projects = useQuery(allWorkspaceProjectsQueryOptions());
  const options = (projects.data ?? [])
    .filter((p) => !departments || departments.includes(p.department.id))
    .map((p) => ({ id: p.id, label: localizedName(p.title, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  return { options, isPending: projects.isPending };
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { latestProjectsQueryOptions } from '@/features/projects/api/projects';
import { localizedName } from '@/lib/roles';

/** The latest published projects (up to 100) as picker options, titled in the UI language (else French), alphabetically. */
export function usePublicProjectOptions(): { options: { id: string; label: string }[]; isPending: boolean } {
  const { i18n } = useTranslation();
  const projects = useQuery(latestProjectsQueryOptions(100));
  const options = (projects.data?.items ?? [])
    .map((p) => ({ id: p.id, label: localizedName(p.title, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  return { options, isPending: projects.isPending };
}

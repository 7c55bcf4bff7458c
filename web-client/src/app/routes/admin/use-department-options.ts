import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DepartmentOption } from '@/components/ui/role-scope-picker';
import { departmentsQueryOptions } from '@/features/departments/api/departments';
import { localizedName } from '@/lib/roles';

/** Departments as picker options, named in the UI language, alphabetically. */
export function useDepartmentOptions(): { options: DepartmentOption[]; name: (id: string) => string; isPending: boolean } {
  const { t, i18n } = useTranslation();
  const departments = useQuery(departmentsQueryOptions());
  const options = (departments.data?.items ?? [])
    .map((d) => ({ id: d.id, label: localizedName(d.name, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const name = (id: string) => options.find((o) => o.id === id)?.label ?? t('users.unknownDepartment');
  return { options, name, isPending: departments.isPending };
}

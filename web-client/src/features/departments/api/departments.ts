import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';

export const departmentKeys = {
  all: ['departments'] as const,
  list: () => [...departmentKeys.all, 'list'] as const,
};

export type LocalizedName = Record<string, string>;

export const departmentsQueryOptions = () =>
  queryOptions({
    queryKey: departmentKeys.list(),
    queryFn: ({ signal }) => api.listDepartments(signal),
    staleTime: 5 * 60 * 1000,
  });

/** Only the languages filled in: French is required, Dutch and English optional. */
export function cleanName(name: LocalizedName): LocalizedName {
  const result: LocalizedName = {};
  for (const [language, text] of Object.entries(name)) if (text.trim()) result[language] = text.trim();
  return result;
}

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: LocalizedName) => api.createDepartment({ name: cleanName(name) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}

export function useRenameDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: LocalizedName }) => api.renameDepartment(id, { name: cleanName(name) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}

export function useDeleteDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteDepartment(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}

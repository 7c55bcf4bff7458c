import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';

export const platformKeys = {
  all: ['platform'] as const,
  settings: () => [...platformKeys.all, 'settings'] as const,
};

export const platformQueryOptions = () =>
  queryOptions({
    queryKey: platformKeys.settings(),
    queryFn: ({ signal }) => api.getPlatform(signal),
    staleTime: 60 * 60 * 1000,
  });

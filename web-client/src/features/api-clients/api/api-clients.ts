import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateApiClientRequest, UpdateApiClientRequest } from '@contracts/participation-client';
import { api } from '@/api/client';

export const apiClientKeys = {
  all: ['api-clients'] as const,
  list: () => [...apiClientKeys.all, 'list'] as const,
};

/** Every API client (a city has a handful; the API answers them all at once), live ones first. */
export const apiClientsQueryOptions = () =>
  queryOptions({
    queryKey: apiClientKeys.list(),
    queryFn: async ({ signal }) => (await api.listApiClients(signal)).items,
  });

export function useCreateApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiClientRequest) => api.createApiClient(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.list() }),
  });
}

export function useUpdateApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateApiClientRequest }) => api.updateApiClient(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.list() }),
  });
}

export function useRotateApiClientSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, overlapHours }: { id: string; overlapHours: number }) => api.rotateApiClientSecret(id, { overlapHours }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.list() }),
  });
}

export function useRevokeApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeApiClient(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.list() }),
  });
}

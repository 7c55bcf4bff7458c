import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ClientScope,
  EventType,
  WebhookDeliveryStatus,
  type CreateWebhookRequest,
  type UpdateWebhookRequest,
} from '@contracts/participation-client';
import { api } from '@/api/client';

export const webhookKeys = {
  all: ['webhooks'] as const,
  clients: () => [...webhookKeys.all, 'clients'] as const,
  list: (clientId: string) => [...webhookKeys.all, 'list', clientId] as const,
  deliveries: (webhookId: string) => [...webhookKeys.all, 'deliveries', webhookId] as const,
};

/** The API clients whose webhooks staff manage (live ones; a city has a handful). */
export const webhookClientsQueryOptions = () =>
  queryOptions({
    queryKey: webhookKeys.clients(),
    queryFn: async ({ signal }) => (await api.listApiClients(signal)).items.filter((c) => !c.revokedAt),
  });

export const webhooksQueryOptions = (clientId: string) =>
  queryOptions({
    queryKey: webhookKeys.list(clientId),
    queryFn: async ({ signal }) => (await api.listWebhooks(clientId, signal)).items,
    enabled: clientId !== '',
  });

/** A webhook's delivery log, newest first, a page at a time. */
export const deliveriesQueryOptions = (webhookId: string) =>
  infiniteQueryOptions({
    queryKey: webhookKeys.deliveries(webhookId),
    queryFn: ({ pageParam, signal }) => api.listWebhookDeliveries(webhookId, undefined, pageParam, 20, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While a delivery is on its way, follow it (every few seconds); otherwise the log stays still.
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((d) => d.status === WebhookDeliveryStatus.Pending)) ? 3000 : false,
  });

/**
 * The event types a webhook may carry, grouped by the resource they change, with the scope each needs. These are the
 * change feed's types: the API refuses any other (400 on eventTypes).
 */
export const EVENT_TYPE_GROUPS: { key: 'projects' | 'ideas' | 'comments'; scope: ClientScope; types: EventType[] }[] = [
  {
    key: 'projects',
    scope: ClientScope.ProjectsRead,
    types: [
      EventType.ProjectCreated,
      EventType.ProjectEdited,
      EventType.ProjectStatusChanged,
      EventType.ProjectImageChanged,
      EventType.PhaseAdded,
      EventType.PhaseChanged,
      EventType.PhaseRemoved,
      EventType.SurveySaved,
    ],
  },
  {
    key: 'ideas',
    scope: ClientScope.IdeasRead,
    types: [
      EventType.IdeaSubmitted,
      EventType.IdeaApproved,
      EventType.IdeaRejected,
      EventType.IdeaStatusChanged,
      EventType.IdeaCostSet,
      EventType.IdeaHidden,
      EventType.IdeaKept,
      EventType.IdeaEdited,
      EventType.IdeaWithdrawn,
      EventType.IdeaReactionChanged,
      EventType.IdeaAttachmentAdded,
      EventType.IdeaAttachmentEdited,
      EventType.IdeaAttachmentRemoved,
      EventType.IdeaAttachmentsReordered,
    ],
  },
  {
    key: 'comments',
    scope: ClientScope.IdeasRead,
    types: [EventType.CommentPosted, EventType.CommentEdited, EventType.CommentDeleted, EventType.CommentHidden, EventType.CommentKept],
  },
];

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: webhookKeys.all });
}

export function useCreateWebhook() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateWebhookRequest) => api.createWebhook(body), onSuccess: invalidate });
}

export function useUpdateWebhook() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateWebhookRequest }) => api.updateWebhook(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteWebhook() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.deleteWebhook(id), onSuccess: invalidate });
}

export function useRotateWebhookSecret() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.rotateWebhookSecret(id, {}), onSuccess: invalidate });
}

export function useSetWebhookEnabled() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => (enabled ? api.enableWebhook(id) : api.disableWebhook(id)),
    onSuccess: invalidate,
  });
}

export function useSendWebhookTest() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.sendWebhookTest(id), onSuccess: invalidate });
}

export function useReplayDelivery() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) => api.replayWebhookDelivery(webhookId, deliveryId),
    onSuccess: invalidate,
  });
}

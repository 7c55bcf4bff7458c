import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Campaign, CampaignDraft, NewsletterConsent, Segment } from '@contracts/participation-client';
import { api } from '@/api/client';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: () => [...campaignKeys.all, 'list'] as const,
  preview: (segment: Segment) => [...campaignKeys.all, 'preview', segment] as const,
  consent: () => ['newsletter', 'consent'] as const,
};

/** Every campaign, newest first, all pages at once (a city sends a few a month). */
export const campaignsQueryOptions = () =>
  queryOptions({
    queryKey: campaignKeys.list(),
    queryFn: async ({ signal }) => {
      const items: Campaign[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.listCampaigns(cursor, 100, signal);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
    // Delivery figures move while a campaign is being sent.
    refetchInterval: (query) => (query.state.data?.some((c) => c.status === 'sending' || c.status === 'scheduled') ? 5000 : false),
  });

/** How many people a segment reaches now (the count the send freezes if nothing changes), with a few names. */
export const recipientPreviewQueryOptions = (segment: Segment) =>
  queryOptions({
    queryKey: campaignKeys.preview(segment),
    queryFn: ({ signal }) => api.previewCampaignRecipients(segment, signal),
    placeholderData: keepPreviousData,
  });

function useCampaignMutation<T>(mutationFn: (args: T) => Promise<Campaign>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.list() }),
  });
}

export const useCreateCampaign = () => useCampaignMutation((draft: CampaignDraft) => api.createCampaign(draft));
export const useUpdateCampaign = () =>
  useCampaignMutation(({ id, draft }: { id: string; draft: CampaignDraft }) => api.updateCampaign(id, draft));
export const useSendCampaignTest = () => useCampaignMutation((id: string) => api.sendCampaignTest(id));
export const useScheduleCampaign = () =>
  useCampaignMutation(({ id, scheduledAt }: { id: string; scheduledAt?: string }) => api.scheduleCampaign(id, { scheduledAt }));
export const useCancelCampaign = () => useCampaignMutation((id: string) => api.cancelCampaign(id));

export const newsletterConsentQueryOptions = () =>
  queryOptions({ queryKey: campaignKeys.consent(), queryFn: ({ signal }) => api.getNewsletterConsent(signal) });

export function useSetNewsletterConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consented: boolean) => api.setNewsletterConsent({ consented }),
    onSuccess: (consent: NewsletterConsent) => queryClient.setQueryData(campaignKeys.consent(), consent),
  });
}

/** One-click unsubscribe with the token of a campaign e-mail (no session needed). */
export const useUnsubscribeNewsletter = () => useMutation({ mutationFn: (token: string) => api.unsubscribeNewsletter(token) });

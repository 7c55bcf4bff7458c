import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  OrganisationStatus,
  type CreateOrganisationRequest,
  type ReviewOrganisationRequest,
  type UpdateOrganisationRequest,
} from '@contracts/participation-client';
import { api } from '@/api/client';

export const ORGANISATIONS_PAGE_SIZE = 20;
/** The statuses an admin reviews (verified organisations are public). */
export const REVIEW_STATUSES = [OrganisationStatus.Pending, OrganisationStatus.Rejected] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const organisationKeys = {
  all: ['organisations'] as const,
  lists: () => [...organisationKeys.all, 'list'] as const,
  list: (status: string, search: string) => [...organisationKeys.lists(), status, search] as const,
  mine: () => [...organisationKeys.all, 'mine'] as const,
  details: () => [...organisationKeys.all, 'detail'] as const,
  detail: (id: string) => [...organisationKeys.details(), id] as const,
};

/** Organisations by name: verified ones for everyone, pending or rejected ones (the review queue) for admins. */
export const organisationsInfiniteQueryOptions = (status: 'verified' | ReviewStatus, search: string) =>
  infiniteQueryOptions({
    queryKey: organisationKeys.list(status, search),
    queryFn: ({ pageParam, signal }) =>
      api.listOrganisations(
        status === 'verified' ? undefined : status,
        search.trim() || undefined,
        pageParam,
        ORGANISATIONS_PAGE_SIZE,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const myOrganisationsQueryOptions = () =>
  queryOptions({
    queryKey: organisationKeys.mine(),
    queryFn: ({ signal }) => api.listMyOrganisations(signal),
  });

export const organisationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: organisationKeys.detail(id),
    queryFn: ({ signal }) => api.getOrganisation(id, signal),
  });

/** Any change may move an organisation between lists (a rename sends it back to review): refresh them all. */
function useInvalidateOrganisations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: organisationKeys.all });
}

export function useCreateOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({ mutationFn: (request: CreateOrganisationRequest) => api.createOrganisation(request), onSuccess: invalidate });
}

export function useUpdateOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateOrganisationRequest }) => api.updateOrganisation(id, request),
    onSuccess: invalidate,
  });
}

export function useReviewOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: ReviewOrganisationRequest }) => api.reviewOrganisation(id, request),
    onSuccess: invalidate,
  });
}

export function useInviteMember() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: ({ id, email }: { id: string; email: string }) => api.inviteMember(id, { email }),
    onSuccess: invalidate,
  });
}

export function useJoinOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({ mutationFn: (id: string) => api.joinOrganisation(id), onSuccess: invalidate });
}

/** The owner removes a member; a member removes themself (leaves). */
export function useRemoveMember() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: ({ id, userId }: { id: string; userId: string }) => api.removeMember(id, userId),
    onSuccess: invalidate,
  });
}

/** The owner withdraws a pending invitation (the address goes in the body, never in the URL). */
export function useWithdrawMemberInvitation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: ({ id, email }: { id: string; email: string }) => api.withdrawMemberInvitation(id, { email }),
    onSuccess: invalidate,
  });
}

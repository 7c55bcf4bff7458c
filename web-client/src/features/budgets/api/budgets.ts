import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionPolicyDecision, BasketView } from '@contracts/participation-client';
import { api } from '@/api/client';
import { newIdempotencyKey } from '@/lib/idempotency';

/** Baskets and budget results live under one root: a new session reads them again. */
export const budgetKeys = {
  all: ['budgets'] as const,
  basket: (projectId: string) => [...budgetKeys.all, 'basket', projectId] as const,
  results: (phaseId: string) => [...budgetKeys.all, 'results', phaseId] as const,
};

/** The signed-in person's basket in the project's current budgeting phase. */
export const basketQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: budgetKeys.basket(projectId),
    queryFn: ({ signal }) => api.getMyBasket(projectId, undefined, signal),
  });

/** A budgeting phase's results (403 for residents until they are published). */
export const budgetResultsQueryOptions = (phaseId: string) =>
  queryOptions({
    queryKey: budgetKeys.results(phaseId),
    queryFn: ({ signal }) => api.getBudgetResults(phaseId, signal),
  });

/**
 * Why one idea cannot go into the basket now, or null when it can: the phase's rules first, then the
 * basket (sent, closed), then the idea (no cost, more than what is left).
 */
export function basketRefusal(
  decision: ActionPolicyDecision | undefined,
  basket: BasketView | undefined,
  cost: number | undefined | null,
): string | null {
  if (!decision) return 'phase_not_active';
  if (!decision.allowed) return decision.reason ?? 'not_permitted';
  if (basket && !basket.open) return 'phase_not_active';
  if (basket?.submittedAt) return 'submitted';
  if (cost == null) return 'no_cost';
  if (basket && cost > basket.left) return 'over_budget';
  return null;
}

/** Every basket change answers with the whole basket: show it at once. */
function useBasketMutation<T>(projectId: string, send: (value: T) => Promise<BasketView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (basket) => {
      queryClient.setQueryData(budgetKeys.basket(projectId), basket);
      return queryClient.invalidateQueries({ queryKey: budgetKeys.results(basket.phaseId) });
    },
    // Refused: the basket may have changed elsewhere (another tab); read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: budgetKeys.basket(projectId) }),
  });
}

export function useAddToBasket(projectId: string) {
  return useBasketMutation(projectId, (ideaId: string) => api.addToBasket(projectId, ideaId));
}

export function useRemoveFromBasket(projectId: string) {
  return useBasketMutation(projectId, (ideaId: string) => api.removeFromBasket(projectId, ideaId));
}

/** Submit (true) or reopen (false) the basket; each press is one action with its own Idempotency-Key. */
export function useSubmitBasket(projectId: string) {
  return useBasketMutation(projectId, ({ submit, key = newIdempotencyKey() }: { submit: boolean; key?: string }) =>
    submit ? api.submitBasket(projectId, key) : api.reopenBasket(projectId, key),
  );
}

/** The project's staff set or clear an idea's cost (refused with a field error once it is in a basket). */
export function useSetIdeaCost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ideaId, cost }: { ideaId: string; cost: number | undefined }) => api.setIdeaCost(ideaId, { cost }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: budgetKeys.all }),
  });
}

import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptOperatorInvitationCommand,
  ChangeOwnOperatorPasswordRequest,
  CitySummary,
  CreateCityRequest,
  CreateOperatorRequest,
  OperatorAccount,
  OperatorLoginCommand,
  OperatorRole,
  ParticipationClient,
} from '@contracts/participation-client';
import { currentLanguage } from '@/lib/i18n';
import { operatorSession } from './operator-session';

/**
 * The console's calls: the generated client with the operator's token (never a city person's), loaded on first use.
 * A 401 ends the console session (expired token, disabled operator): the sign-in page shows again.
 */
const operatorFetch = async (url: RequestInfo, init?: RequestInit): Promise<Response> => {
  const headers = new Headers(init?.headers);
  if (!headers.has('Accept-Language')) headers.set('Accept-Language', currentLanguage());
  const token = operatorSession.get()?.accessToken;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await window.fetch(url, { ...init, headers });
  if (response.status === 401 && token) operatorSession.clear();
  return response;
};

let client: Promise<ParticipationClient> | null = null;

export function operatorClient(): Promise<ParticipationClient> {
  client ??= import('@contracts/participation-client').then(
    ({ ParticipationClient: Client }) => new Client('', { fetch: operatorFetch }),
    (error: unknown) => {
      client = null;
      throw error;
    },
  );
  return client;
}

export const operatorKeys = {
  all: ['operator'] as const,
  cities: () => [...operatorKeys.all, 'cities'] as const,
  city: (id: string) => [...operatorKeys.all, 'cities', id] as const,
  audit: (cursor: string | undefined) => [...operatorKeys.all, 'audit', cursor ?? ''] as const,
  supportCities: () => [...operatorKeys.all, 'support-cities'] as const,
  people: () => [...operatorKeys.all, 'people'] as const,
  invitation: (token: string) => [...operatorKeys.all, 'invitation', token] as const,
};

export const citiesQueryOptions = () =>
  queryOptions({
    queryKey: operatorKeys.cities(),
    queryFn: async ({ signal }) => (await (await operatorClient()).listCities(signal)).items,
  });

export const cityQueryOptions = (id: string) =>
  queryOptions({
    queryKey: operatorKeys.city(id),
    queryFn: async ({ signal }) => (await operatorClient()).getCity(id, signal),
  });

export const operatorAuditQueryOptions = (cursor: string | undefined) =>
  queryOptions({
    queryKey: operatorKeys.audit(cursor),
    queryFn: async ({ signal }) => (await operatorClient()).listOperatorAudit(undefined, cursor, 50, signal),
    placeholderData: keepPreviousData,
  });

export function useOperatorLogin() {
  return useMutation({
    mutationFn: async (command: OperatorLoginCommand) => (await operatorClient()).operatorLogin(command),
    onSuccess: (session) =>
      operatorSession.set({ accessToken: session.accessToken, expiresAt: session.expiresAt, operator: session.operator }),
  });
}

/**
 * The signed-in person chooses their own password: the tokens issued before are refused, so the answer's new token
 * replaces the session's (which also ends a required change: the whole console opens).
 */
export function useChangeOwnPassword() {
  return useMutation({
    mutationFn: async (request: ChangeOwnOperatorPasswordRequest) => (await operatorClient()).changeOwnOperatorPassword(request),
    onSuccess: (session) =>
      operatorSession.set({ accessToken: session.accessToken, expiresAt: session.expiresAt, operator: session.operator }),
  });
}

/** An operator gives another person of the console a new password (to hand over; they replace it at their next sign-in). */
export function useSetOperatorPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, password }: { id: string; password: string }) =>
      (await operatorClient()).setOperatorPassword(id, { password }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...operatorKeys.all, 'audit'] }),
  });
}

/** After a change, the city's summary is the answer: the list and the city show it at once. */
function useCityChange<T>(change: (client: ParticipationClient, input: T) => Promise<CitySummary>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: T) => change(await operatorClient(), input),
    onSuccess: (city) => {
      queryClient.setQueryData(operatorKeys.city(city.id), city);
      void queryClient.invalidateQueries({ queryKey: operatorKeys.cities() });
      void queryClient.invalidateQueries({ queryKey: [...operatorKeys.all, 'audit'] });
    },
  });
}

export const useCreateCity = () => useCityChange((c, request: CreateCityRequest) => c.createCity(request));

export const useUpdateCityDomains = () =>
  useCityChange((c, { id, domains }: { id: string; domains: string[] }) => c.updateCityDomains(id, { domains }));

export type StatusChange = 'suspend' | 'reactivate' | 'archive';

export const useChangeCityStatus = () =>
  useCityChange((c, { id, change }: { id: string; change: StatusChange }) =>
    change === 'suspend' ? c.suspendCity(id) : change === 'reactivate' ? c.reactivateCity(id) : c.archiveCity(id),
  );

/** The cities whose admins grant the vendor's support access now. */
export const supportCitiesQueryOptions = () =>
  queryOptions({
    queryKey: operatorKeys.supportCities(),
    queryFn: async ({ signal }) => (await (await operatorClient()).listSupportCities(signal)).items,
  });

/**
 * The address that starts a support session in a city's own web app: the city's first domain (or this console's host
 * for a city without one, the single-city install) on this console's scheme and port, the token in the fragment (never
 * sent to a server, dropped from the address bar at once).
 */
export function supportSessionUrl(host: string | null | undefined, token: string, here: Location = window.location): string {
  const port = here.port ? `:${here.port}` : '';
  return `${here.protocol}//${host ?? here.hostname}${port}/support-session#token=${encodeURIComponent(token)}`;
}

/** Opens a support session in a city: the city access token for the support person's account there. */
export function useOpenSupportSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (cityId: string) => (await operatorClient()).openSupportSession({ cityId }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: operatorKeys.supportCities() }),
  });
}

/** The console's people (operators and support staff): operators only. */
export const operatorPeopleQueryOptions = () =>
  queryOptions({
    queryKey: operatorKeys.people(),
    queryFn: async ({ signal }) => (await (await operatorClient()).listOperators(signal)).items,
  });

/** After a change of the console's people, their list and the audit are read again. */
function usePersonChange<T>(change: (client: ParticipationClient, input: T) => Promise<OperatorAccount>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: T) => change(await operatorClient(), input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: operatorKeys.people() });
      void queryClient.invalidateQueries({ queryKey: [...operatorKeys.all, 'audit'] });
    },
  });
}

export const useCreateOperator = () => usePersonChange((c, request: CreateOperatorRequest) => c.createOperator(request));

export type PersonChange = { role: OperatorRole } | { enabled: boolean };

export const useChangeOperator = () =>
  usePersonChange((c, { id, change }: { id: string; change: PersonChange }) =>
    'role' in change ? c.changeOperatorRole(id, { role: change.role }) : change.enabled ? c.enableOperator(id) : c.disableOperator(id),
  );

/** An invited person's link: never retried (a 410 is the answer for a used, expired, resent or withdrawn link). */
export const operatorInvitationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: operatorKeys.invitation(token),
    queryFn: async ({ signal }) => (await operatorClient()).lookupOperatorInvitation({ token }, signal),
    retry: false,
    staleTime: Infinity,
  });

/** The invited person chooses their password: the answer is a console session, which signs them in. */
export function useAcceptOperatorInvitation() {
  return useMutation({
    mutationFn: async (command: AcceptOperatorInvitationCommand) => (await operatorClient()).acceptOperatorInvitation(command),
    onSuccess: (session) =>
      operatorSession.set({ accessToken: session.accessToken, expiresAt: session.expiresAt, operator: session.operator }),
  });
}

/** A new link for an invited person (the previous one stops working). */
export const useResendOperatorInvitation = () => usePersonChange((c, id: string) => c.resendOperatorInvitation(id));

/** Withdraws a pending invitation: the never-used account is removed. */
export function useRevokeOperatorInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await operatorClient()).revokeOperatorInvitation(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: operatorKeys.people() });
      void queryClient.invalidateQueries({ queryKey: [...operatorKeys.all, 'audit'] });
    },
  });
}

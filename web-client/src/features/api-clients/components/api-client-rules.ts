import type { TFunction } from 'i18next';
import { ClientScope, type ApiClient, type ApiClientSecret } from '@contracts/participation-client';
import type { FieldErrors } from '@/lib/forms';

/** The API's limits (ApiClientRules, RotateApiClientSecret): checked here first so the form answers at once. */
export const API_CLIENT_NAME_MAX = 100;
export const API_CLIENT_DESCRIPTION_MAX = 1000;
export const RATE_LIMIT_MAX = 100_000;
export const DEFAULT_RATE_LIMIT = 600;
export const OVERLAP_MAX_HOURS = 168;
export const DEFAULT_OVERLAP_HOURS = 24;

/** The scopes in the contract's order (the API's catalogue). */
export const CLIENT_SCOPES: readonly ClientScope[] = Object.values(ClientScope);

/** The key of a scope's words: i18next reads ':' as a namespace separator, so `projects:read` becomes `projects_read`. */
export const scopeKey = (scope: ClientScope) => scope.replace(':', '_');

export interface ApiClientDraft {
  name: string;
  description: string;
  scopes: ClientScope[];
  rateLimit: string;
}

export function draftOf(client?: ApiClient): ApiClientDraft {
  return {
    name: client?.name ?? '',
    description: client?.description ?? '',
    scopes: client ? [...client.scopes] : [],
    rateLimit: String(client?.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT),
  };
}

/** A whole number written in a field, or null (empty, decimals, letters). */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** What the form finds wrong before sending, by the API's field names (name, description, scopes, rateLimitPerMinute). */
export function checkDraft(t: TFunction, draft: ApiClientDraft): FieldErrors {
  const found: FieldErrors = {};
  const name = draft.name.trim();
  if (!name) found.name = [t('forms.required')];
  else if (name.length > API_CLIENT_NAME_MAX) found.name = [t('forms.tooLong', { max: API_CLIENT_NAME_MAX })];
  if (draft.description.trim().length > API_CLIENT_DESCRIPTION_MAX)
    found.description = [t('forms.tooLong', { max: API_CLIENT_DESCRIPTION_MAX })];
  if (draft.scopes.length === 0) found.scopes = [t('apiClients.form.scopesRequired')];
  const rate = wholeNumber(draft.rateLimit);
  if (rate === null || rate < 1 || rate > RATE_LIMIT_MAX)
    found.rateLimitPerMinute = [t('apiClients.form.rateLimitRange', { max: RATE_LIMIT_MAX })];
  return found;
}

export function requestOf(draft: ApiClientDraft) {
  return {
    name: draft.name.trim(),
    description: draft.description.trim(),
    // In the catalogue's order, each once.
    scopes: CLIENT_SCOPES.filter((s) => draft.scopes.includes(s)),
    rateLimitPerMinute: wholeNumber(draft.rateLimit) ?? undefined,
  };
}

/** A secret as its managers see it: usable with no end, usable until a date (rotated out, overlap running), or no longer. */
export type SecretState = 'active' | 'ending' | 'ended';

export function secretState(secret: ApiClientSecret): SecretState {
  if (!secret.active) return 'ended';
  return secret.expiresAt ? 'ending' : 'active';
}

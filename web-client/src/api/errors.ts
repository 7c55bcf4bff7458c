import type { TFunction } from 'i18next';

/** Thrown by the fetch wrapper on a 429, so the Retry-After header is not lost. */
export class RateLimitedError extends Error {
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests');
    this.name = 'RateLimitedError';
  }
}

export interface ApiError {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  /** The problem's title (in English, from the API), if any. */
  title: string | undefined;
  detail: string | undefined;
  /** Field errors, camelCase keys as the API sends them. */
  fieldErrors: Record<string, string[]>;
  retryAfterSeconds: number | undefined;
  /** Why the API refused an action (403 problems from the participation rules), e.g. `limit_reached`. */
  reason?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readFieldErrors(value: unknown): Record<string, string[]> {
  if (!isRecord(value)) return {};
  const result: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) result[key] = messages.filter((m): m is string => typeof m === 'string');
  }
  return result;
}

/** Turns anything thrown by the generated client (a problem object, an ApiException, a network error) into one shape. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof RateLimitedError) {
    return { status: 429, title: undefined, detail: undefined, fieldErrors: {}, retryAfterSeconds: error.retryAfterSeconds };
  }
  // The generated client's ApiException (an answer without a problem body), recognised as its own isApiException does.
  if (isRecord(error) && error.isApiException === true && typeof error.status === 'number') {
    return { status: error.status, title: undefined, detail: undefined, fieldErrors: {}, retryAfterSeconds: undefined };
  }
  if (isRecord(error) && typeof error.status === 'number') {
    return {
      status: error.status,
      title: typeof error.title === 'string' ? error.title : undefined,
      detail: typeof error.detail === 'string' ? error.detail : undefined,
      fieldErrors: readFieldErrors(error.errors),
      // 429 problems carry the delay in the body too (the generated client only surfaces the body).
      retryAfterSeconds: typeof error.retryAfter === 'number' && error.retryAfter > 0 ? error.retryAfter : undefined,
      reason: typeof error.reason === 'string' ? error.reason : undefined,
    };
  }
  // fetch rejects with a TypeError when the network is down.
  return { status: 0, title: undefined, detail: undefined, fieldErrors: {}, retryAfterSeconds: undefined };
}

export function hasFieldErrors(error: ApiError | null | undefined): boolean {
  return !!error && Object.keys(error.fieldErrors).length > 0;
}

/** A translated, form-level sentence for an error; `overrides` give a screen's own wording per status. */
export function describeError(t: TFunction, error: ApiError, overrides: Partial<Record<number, string>> = {}): string {
  const own = overrides[error.status];
  if (own) return own;
  switch (error.status) {
    case 0:
      return t('errors.network');
    case 400:
      return hasFieldErrors(error) ? t('errors.fieldsInvalid') : t('errors.badRequest');
    case 401:
      return t('errors.unauthorized');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 410:
      return t('errors.gone');
    case 429:
      return t('errors.tooManyRequests', { count: error.retryAfterSeconds ?? 20 });
    default:
      return error.status >= 500 ? t('errors.server') : (error.title ?? t('errors.generic'));
  }
}

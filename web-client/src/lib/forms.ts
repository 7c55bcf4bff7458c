import type { ApiError } from '@/api/errors';

export type FieldErrors = Record<string, string[]>;

/** Client-side findings win over the API's for the same field (they are newer and translated). */
export function mergeFieldErrors(apiError: ApiError | null, clientErrors: FieldErrors): FieldErrors {
  return { ...(apiError?.fieldErrors ?? {}), ...clientErrors };
}

/** The summary's links: the fields of `order` (id prefix + key → label) that have an error. */
export function erroredFields(errors: FieldErrors, fields: { key: string; id: string; label: string }[]) {
  return fields.filter((field) => (errors[field.key]?.length ?? 0) > 0).map(({ id, label }) => ({ id, label }));
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

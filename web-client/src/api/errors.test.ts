import { ApiException } from '@contracts/participation-client';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { describeError, hasFieldErrors, RateLimitedError, toApiError } from './errors';

describe('toApiError', () => {
  it('reads a validation problem thrown by the generated client', () => {
    const problem = {
      status: 400,
      title: 'One or more fields are invalid.',
      errors: { email: ['Not a valid e-mail address.'], firstName: ['Required.', 'Too long.'] },
    };
    const error = toApiError(problem);
    expect(error).toEqual({
      status: 400,
      title: 'One or more fields are invalid.',
      detail: undefined,
      fieldErrors: { email: ['Not a valid e-mail address.'], firstName: ['Required.', 'Too long.'] },
      retryAfterSeconds: undefined,
    });
    expect(hasFieldErrors(error)).toBe(true);
  });

  it('reads a plain problem without field errors', () => {
    const error = toApiError({ status: 410, title: 'The link is no longer valid.' });
    expect(error.status).toBe(410);
    expect(error.title).toBe('The link is no longer valid.');
    expect(error.fieldErrors).toEqual({});
    expect(hasFieldErrors(error)).toBe(false);
  });

  it('reads why the participation rules refused an action', () => {
    const error = toApiError({
      status: 403,
      title: 'Vous avez atteint la limite prévue pour cette phase.',
      action: 'react',
      reason: 'limit_reached',
    });
    expect(error.status).toBe(403);
    expect(error.reason).toBe('limit_reached');
    expect(toApiError({ status: 403, title: 'Forbidden' }).reason).toBeUndefined();
  });

  it('keeps only string messages from a malformed errors member', () => {
    expect(toApiError({ status: 400, errors: { email: ['ok', 3], other: 'not a list' } }).fieldErrors).toEqual({ email: ['ok'] });
  });

  it('reads an ApiException (undeclared status, no body)', () => {
    const error = toApiError(new ApiException('An unexpected server error occurred.', 503, '', {}, null));
    expect(error.status).toBe(503);
    expect(error.fieldErrors).toEqual({});
  });

  it('keeps the Retry-After delay of a rate-limited call', () => {
    expect(toApiError(new RateLimitedError(17))).toMatchObject({ status: 429, retryAfterSeconds: 17 });
  });

  it('reads the delay a 429 problem carries in its body', () => {
    expect(toApiError({ status: 429, title: 'Too many requests. Try again later.', retryAfter: 42 })).toMatchObject({
      status: 429,
      retryAfterSeconds: 42,
    });
  });

  it('treats a network failure as status 0', () => {
    expect(toApiError(new TypeError('Failed to fetch')).status).toBe(0);
    expect(toApiError(undefined).status).toBe(0);
  });
});

describe('describeError', () => {
  const t = i18n.getFixedT('en');

  it('uses a screen-specific message first', () => {
    expect(describeError(t, toApiError({ status: 401 }), { 401: 'Wrong e-mail address or password.' })).toBe(
      'Wrong e-mail address or password.',
    );
  });

  it('says how long to wait when rate limited', () => {
    expect(describeError(t, toApiError(new RateLimitedError(12)))).toBe('Too many attempts. Try again in 12 seconds.');
    expect(describeError(t, toApiError(new RateLimitedError(1)))).toBe('Too many attempts. Try again in 1 second.');
  });

  it('translates generic statuses', () => {
    expect(describeError(i18n.getFixedT('fr'), toApiError(new TypeError('x')))).toMatch(/serveur est injoignable/);
    expect(describeError(t, toApiError({ status: 400, errors: { email: ['x'] } }))).toBe('Some fields are not valid.');
    expect(describeError(t, toApiError({ status: 500 }))).toMatch(/on our side/);
  });
});

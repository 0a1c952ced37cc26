import { describe, expect, it } from 'vitest';
import { planReadFailure } from '../../../../main/google/api/read-failure-plan';
import { GoogleRequestError } from '../../../../main/google/api/google-request-error';
import { DeskFailure } from '../../../../main/shared/desk-failure';

const backoff = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 3_600_000, random: () => 0.5 };
const failure = (kind: GoogleRequestError['kind'], status?: number) =>
  new GoogleRequestError(kind, `Google said ${kind}`, status, 1);

/** One answer per kind of failed background read, shared by attendance and Meet's artifacts. */
describe('planReadFailure', () => {
  it('a problem only the person can solve stops the run: the account (wrapped by the client) or a revoked sign-in', () => {
    const keychain = new DeskFailure('keychain_unavailable', 'The keychain is locked.');
    expect(planReadFailure(new Error('token', { cause: keychain }), 1, backoff)).toEqual({
      kind: 'person',
      error: keychain,
      reason: 'The keychain is locked.',
      reconnect: false,
    });
    const revoked = planReadFailure(failure('needs_reconnect', 401), 1, backoff);
    expect(revoked).toMatchObject({ kind: 'person', reason: 'Google said needs_reconnect', reconnect: true });
    expect(revoked.kind === 'person' && revoked.error.code).toBe('needs_reconnect');
  });

  it('a missing scope parks; passing trouble backs off until the attempts run out; the rest is given up', () => {
    expect(planReadFailure(failure('scope_missing', 403), 1, backoff).kind).toBe('scope_missing');
    expect(planReadFailure(failure('unavailable', 503), 1, backoff)).toMatchObject({ kind: 'retry', delayMs: 30_000 });
    expect(planReadFailure(failure('unavailable', 503), 2, backoff)).toMatchObject({ kind: 'retry', delayMs: 60_000 });
    expect(planReadFailure(failure('unavailable', 503), 3, backoff).kind).toBe('give_up');
    for (const kind of ['forbidden', 'not_found', 'invalid_request', 'too_large'] as const)
      expect(planReadFailure(failure(kind), 1, backoff), kind).toMatchObject({ kind: 'give_up', failure: { kind } });
  });
});

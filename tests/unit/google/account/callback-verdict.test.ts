import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callbackPath, judgeCallback } from '../../../../main/google/account/callback-verdict';
import { assertProperty } from '../../../support/hostile-urls';
import { forgedQuery } from '../../../support/callback-queries';

const state = 'S'.repeat(43);

describe('sign-in callback verdict', () => {
  it('ignores a wrong, missing or doubled state with a 400 (RFC 8252 §8.9)', () => {
    for (const query of [
      'state=wrong&code=4/0x',
      'code=4/0x',
      `state=${state}&state=wrong&code=4/0x`,
      `state=wrong&state=${state}&code=4/0x`,
      'error=access_denied&state=wrong',
    ]) {
      expect(judgeCallback('GET', `${callbackPath}?${query}`, state), query).toMatchObject({
        kind: 'ignore',
        status: 400,
      });
    }
    expect(judgeCallback('POST', `${callbackPath}?state=${state}&code=4/0x`, state)).toMatchObject({
      kind: 'ignore',
      status: 405,
    });
    expect(judgeCallback('GET', `/favicon.ico`, state)).toMatchObject({ kind: 'ignore', status: 404 });
  });

  it('ends the flow on our own response: the code, a refusal in plain words, or no code', () => {
    expect(judgeCallback('GET', `${callbackPath}?state=${state}&code=4/0abc&scope=email`, state)).toMatchObject({
      kind: 'grant',
      code: '4/0abc',
    });
    const denied = judgeCallback('GET', `${callbackPath}?state=${state}&error=access_denied`, state);
    expect(denied).toMatchObject({
      kind: 'fail',
      error: { message: expect.stringMatching(/declined access.*no Google account was connected/) },
    });
    // Asked for more access with an account connected: a refusal leaves the account as it was, and says so.
    expect(judgeCallback('GET', `${callbackPath}?state=${state}&error=access_denied`, state, true)).toMatchObject({
      kind: 'fail',
      page: 'You declined access. Nothing was added.',
      error: { message: expect.stringMatching(/nothing was added; your Google account stays as it was/) },
    });
    const odd = judgeCallback(
      'GET',
      `${callbackPath}?state=${state}&error=${encodeURIComponent('<b>evil</b>\r\nX')}`,
      state,
    );
    expect(odd).toMatchObject({
      kind: 'fail',
      error: { message: 'Google sign-in failed (unknown error). Nothing was saved; please try again.' },
    });
    expect(judgeCallback('GET', `${callbackPath}?state=${state}`, state)).toMatchObject({
      kind: 'fail',
      error: { message: expect.stringMatching(/authorization code/) },
    });
  });

  it('never throws and never lets a request without our state end the flow', () => {
    assertProperty(
      'callback verdict on arbitrary targets',
      fc.tuple(
        fc.constantFrom('GET', 'POST', 'HEAD', undefined),
        fc.oneof(
          forgedQuery.map((q) => `${callbackPath}?${q}`),
          fc.string({ unit: 'binary' }),
        ),
      ),
      ([method, target]) => expect(judgeCallback(method, target, state).kind).toBe('ignore'),
      5_000,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { appModeOf } from '../../../../renderer/app/candidate-mode';

const saved = { value: { scheduledHere: false, saved: [{}] } };
const fresh = { value: { fullApp: false } };
const signedOut = { value: { state: 'disconnected' } };

describe('whose app this is', () => {
  it('is not known until the account, the settings and the saved invitations are read', () => {
    expect(appModeOf({}, fresh, saved)).toBe('unknown');
    expect(appModeOf(signedOut, {}, saved)).toBe('unknown');
    expect(appModeOf(signedOut, fresh, {})).toBe('unknown');
  });

  it("is the candidate's home with a saved invitation, no account and nothing scheduled here", () => {
    expect(appModeOf(signedOut, fresh, saved)).toBe('candidate');
  });

  it("is the recruiter's once connected, even before the rest is read", () => {
    expect(appModeOf({ value: { state: 'connected' } }, {}, {})).toBe('recruiter');
    expect(appModeOf({ value: { state: 'needs_reconnect' } }, fresh, saved)).toBe('recruiter');
  });

  it('is the recruiter’s after "I schedule interviews", with nothing saved, or with something scheduled here', () => {
    expect(appModeOf(signedOut, { value: { fullApp: true } }, saved)).toBe('recruiter');
    expect(appModeOf(signedOut, fresh, { value: { scheduledHere: false, saved: [] } })).toBe('recruiter');
    expect(appModeOf(signedOut, fresh, { value: { scheduledHere: true, saved: [] } })).toBe('recruiter');
  });

  it('counts a read that failed as read, so an error never leaves the screen empty', () => {
    const failed = { error: { code: 'internal' } };
    expect(appModeOf(failed, fresh, saved)).toBe('candidate');
    expect(appModeOf(signedOut, failed, saved)).toBe('recruiter');
    expect(appModeOf(signedOut, fresh, failed)).toBe('recruiter');
  });
});

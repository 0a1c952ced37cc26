import { describe, expect, it } from 'vitest';
import { asksWhoSends, missingSender, senderRefusal } from '../../../../renderer/schedule/who-sends';
import { defaultSettings } from '../../../../preload/shared/contract/settings-schema';

describe('asksWhoSends', () => {
  const disconnected = { state: 'disconnected' } as const;
  it('asks without Google while Settings lack the name or the email', () => {
    expect(asksWhoSends(disconnected, { ...defaultSettings(), recruiterName: 'Rita', recruiterEmail: '' })).toBe(true);
    expect(
      asksWhoSends(disconnected, { ...defaultSettings(), recruiterName: 'Rita', recruiterEmail: 'rita@example.com' }),
    ).toBe(false);
  });
  it('does not ask with Google, or before the account and Settings are known', () => {
    expect(asksWhoSends({ state: 'connected', email: 'r@example.com', name: 'R' }, defaultSettings())).toBe(false);
    expect(asksWhoSends(undefined, defaultSettings())).toBe(false);
    expect(asksWhoSends(disconnected, undefined)).toBe(false);
  });
});

describe('missingSender', () => {
  it('refuses each of the name and email left empty or blank, in the words of its field', () => {
    expect(missingSender({ recruiterName: ' ', recruiterEmail: '' })).toEqual([
      { field: 'recruiterName', message: 'Your name is required: invitations are signed with it' },
      { field: 'recruiterEmail', message: 'Your email is required: candidates reply to it' },
    ]);
    expect(missingSender({ recruiterName: 'Rita', recruiterEmail: '' }).map((i) => i.field)).toEqual([
      'recruiterEmail',
    ]);
    expect(missingSender({ recruiterName: 'Rita', recruiterEmail: 'rita@example.com' })).toEqual([]);
  });
});

describe('senderRefusal', () => {
  it("keeps Settings' refusal per field", () => {
    const issue = { field: 'recruiterEmail', message: 'Your email must look like name@example.com' };
    expect(
      senderRefusal({ code: 'invalid_input', message: issue.message, field: issue.field, fields: [issue] }),
    ).toEqual([issue]);
  });
  it('shows a refusal that names no field at the email', () => {
    expect(senderRefusal({ code: 'internal', message: 'Settings could not be saved' })).toEqual([
      { field: 'recruiterEmail', message: 'Settings could not be saved' },
    ]);
  });
});

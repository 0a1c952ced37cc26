import { describe, expect, it } from 'vitest';
import { deliveryLine, formerPanelLines } from '../../../renderer/interview-room/delivery-words';
import { describeTransport, smtpOverrideFromUrl } from '../../../main/mail/transport-description';
import { makeInterview } from '../../support/interview-fixtures';
import { timeStyleOf } from '../../../preload/shared/rules/time-format';

const gb = timeStyleOf('en-GB');
const us = timeStyleOf('en-US');

const now = Date.parse('2030-01-10T14:05:00.000Z');
const base = makeInterview({ startUtc: '2030-01-15T09:00:00.000Z', meetLink: 'https://meet.google.com/abc-defg-hij' });

describe('what went out to whom, in words', () => {
  it('names the kind, the person and the time it was sent (same day: the time; else the date too)', () => {
    const cancelled = {
      ...base,
      status: 'cancelled' as const,
      invitations: {
        candidate: { state: 'sent' as const, kind: 'cancellation' as const, at: '2030-01-10T14:02:00.000Z' },
        recruiter: { state: 'queued' as const, kind: 'cancellation' as const },
      },
    };
    expect(deliveryLine(cancelled, 'candidate', 'UTC', now, undefined, gb)).toBe(
      'Cancellation sent to Ada Lovelace at 14:02',
    );
    expect(deliveryLine(cancelled, 'recruiter', 'UTC', now)).toBe('Cancellation queued for you (not sent yet)');
    const moved = {
      ...base,
      invitations: {
        ...base.invitations,
        candidate: { state: 'sent' as const, kind: 'update' as const, at: '2030-01-09T08:30:00.000Z' },
      },
    };
    expect(deliveryLine(moved, 'candidate', 'Europe/Berlin', now, undefined, gb)).toBe(
      'Update sent to Ada Lovelace at 9 Jan, 09:30',
    );
    // The screen's own clock: the same line on a 12-hour system, as the schedule writes its times.
    expect(deliveryLine(cancelled, 'candidate', 'UTC', now, undefined, us)).toBe(
      'Cancellation sent to Ada Lovelace at 2:02\u00a0PM',
    );
    expect(deliveryLine(moved, 'candidate', 'Europe/Berlin', now, undefined, us)).toBe(
      'Update sent to Ada Lovelace at Jan 9, 9:30\u00a0AM',
    );
    const failed = {
      ...base,
      invitations: {
        ...base.invitations,
        candidate: { state: 'failed' as const, kind: 'invitation' as const, reason: '550 no such user' },
      },
    };
    expect(deliveryLine(failed, 'candidate', 'UTC', now)).toBe('Invitation to Ada Lovelace failed: 550 no such user');
  });

  it("a message dropped after restoring a copy is the person's choice, not a failure", () => {
    const base = makeInterview({
      startUtc: '2030-01-15T09:00:00.000Z',
      candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
    });
    const dropped = {
      ...base,
      invitations: {
        ...base.invitations,
        candidate: { state: 'failed' as const, kind: 'invitation' as const, reason: 'dropped after restoring a copy' },
      },
    };
    expect(deliveryLine(dropped, 'candidate', 'UTC', Date.now())).toBe(
      'Invitation to Ada Lovelace not sent: dropped after restoring a copy',
    );
  });

  it('a co-interviewer taken off keeps the line of their notice, also once the interview itself is cancelled', () => {
    const panel = {
      'sam@other.org': { state: 'sent' as const, kind: 'cancellation' as const, at: '2030-01-10T14:02:00.000Z' },
    };
    const goingAhead = { ...base, invitations: { ...base.invitations, panel } };
    expect(formerPanelLines(goingAhead, 'UTC', now, gb)).toEqual([
      { address: 'sam@other.org', line: 'Off-the-panel notice sent to sam@other.org at 14:02' },
    ]);
    expect(formerPanelLines({ ...goingAhead, status: 'cancelled' }, 'UTC', now, gb)).toEqual([
      { address: 'sam@other.org', line: 'Off-the-panel notice sent to sam@other.org at 14:02' },
    ]);
  });

  it('names a co-interviewer taken off by the name kept with their delivery', () => {
    const panel = {
      'alan@other.org': {
        state: 'sent' as const,
        kind: 'cancellation' as const,
        at: '2030-01-10T14:02:00.000Z',
        name: 'Alan Turing',
      },
    };
    expect(formerPanelLines({ ...base, invitations: { ...base.invitations, panel } }, 'UTC', now, gb)).toEqual([
      { address: 'alan@other.org', line: 'Off-the-panel notice sent to Alan Turing at 14:02' },
    ]);
  });

  it('reads older records (no kind kept) from the interview, and says when nothing needed sending', () => {
    const old = {
      ...base,
      status: 'cancelled' as const,
      invitations: {
        candidate: { state: 'sent' as const, at: '2030-01-10T14:02:00.000Z' },
        recruiter: { state: 'none' as const },
      },
    };
    expect(deliveryLine(old, 'candidate', 'UTC', now, undefined, gb)).toBe(
      'Cancellation sent to Ada Lovelace at 14:02',
    );
    expect(deliveryLine(old, 'recruiter', 'UTC', now)).toBe('Nothing sent to you: no invitation had gone out');
    expect(deliveryLine({ ...base, meetLink: undefined }, 'candidate', 'UTC', now)).toBe(
      'Nothing sent to Ada Lovelace yet: the invitation waits for the Meet link',
    );
  });
});

describe('where mail goes', () => {
  it('reads the environment SMTP URL without its password, and names the transport', () => {
    expect(smtpOverrideFromUrl('smtp://bob:s3cret@mail.example.com:2525')).toEqual({
      variable: 'INTERVIEW_DESK_SMTP_URL',
      host: 'mail.example.com',
      port: 2525,
      security: 'starttls',
      user: 'bob',
      passwordSet: true,
    });
    expect(smtpOverrideFromUrl('smtps://mail.example.com')).toMatchObject({
      port: 465,
      security: 'tls',
      user: '',
      passwordSet: false,
    });
    expect(JSON.stringify(smtpOverrideFromUrl('smtp://bob:s3cret@mail.example.com'))).not.toContain('s3cret');
    // A user name whose %-escapes are not valid UTF-8 is shown as written, not thrown on every app:info.
    expect(smtpOverrideFromUrl('smtp://%E0%A4@mail.example.com')).toMatchObject({
      host: 'mail.example.com',
      user: '%E0%A4',
    });
    expect(
      describeTransport({ transport: 'smtp', smtpUrl: 'smtp://%E0%A4:pw@mail.example.com', smtpHost: '', smtpPort: 1 }),
    ).toBe('the SMTP server mail.example.com:587 (set when Interview Desk was started)');
    expect(
      describeTransport({
        transport: 'smtp',
        smtpUrl: 'smtp://mail.example.com:2525',
        smtpHost: 'ignored',
        smtpPort: 1,
      }),
    ).toBe('the SMTP server mail.example.com:2525 (set when Interview Desk was started)');
    expect(describeTransport({ transport: 'smtp', smtpHost: 'smtp.acme.example', smtpPort: 587 })).toBe(
      'the SMTP server smtp.acme.example:587',
    );
    expect(
      describeTransport({
        transport: 'gmail',
        gmailAddress: 'rita@example.com',
        smtpUrl: 'smtp://x.example',
        smtpHost: '',
        smtpPort: 587,
      }),
    ).toBe('Gmail (rita@example.com)');
  });
});

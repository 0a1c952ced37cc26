import { describe, expect, it } from 'vitest';
import type { Interview } from '../../../../preload/shared/contract/interview-schema';
import type { InterviewChange } from '../../../../main/interviews/interview-commands';
import { invitedOf, mailForChange } from '../../../../main/mail/outbox/mail-for-change';
import { makeInterview } from '../../../support/interview-fixtures';

const now = Date.parse('2030-03-01T09:00:00Z');
const link = 'https://meet.google.com/abc-defg-hij';
const sent = { state: 'sent', kind: 'invitation', at: '2030-02-28T09:00:00.000Z' } as const;
const base = makeInterview({ id: 'i1', startUtc: '2030-03-04T09:00:00.000Z', meetLink: link });
const invited: Interview = { ...base, invitations: { candidate: sent, recruiter: sent } };
const bob = { name: 'Bob', email: 'bob@example.com' };
const withBob: Interview = {
  ...invited,
  coInterviewers: [bob],
  invitations: { ...invited.invitations, panel: { 'bob@example.com': sent } },
};

const mail = (change: InterviewChange) => mailForChange(change, invitedOf(change.interview), now);

describe('mailForChange: the messages one interview change calls for', () => {
  it.each<[string, InterviewChange, ReturnType<typeof mailForChange>]>([
    [
      'scheduled with a link: one invitation for everyone',
      { kind: 'scheduled', interview: base },
      [{ kind: 'invitation' }],
    ],
    [
      'scheduled without a link: nothing yet',
      { kind: 'scheduled', interview: { ...base, meetLink: undefined } as Interview },
      [],
    ],
    [
      'cancelled after the invitation: a cancellation for whoever holds it',
      { kind: 'cancelled', interview: { ...invited, status: 'cancelled' } },
      [{ kind: 'cancellation', recipients: ['candidate', 'recruiter'] }],
    ],
    [
      'cancelled before anything went out: nothing',
      { kind: 'cancelled', interview: { ...base, status: 'cancelled' } },
      [],
    ],
    [
      'rescheduled: an update saying the time they were told',
      { kind: 'rescheduled', interview: { ...invited, startUtc: '2030-03-05T09:00:00.000Z' }, previous: invited },
      [
        {
          kind: 'update',
          recipients: ['candidate', 'recruiter'],
          previous: { startUtc: invited.startUtc, durationMinutes: 60 },
        },
      ],
    ],
    [
      'relinked: an update with the old link',
      {
        kind: 'relinked',
        interview: { ...invited, meetLink: 'https://meet.google.com/xyz-wxyz-xyz' },
        previous: invited,
      },
      [
        {
          kind: 'update',
          recipients: ['candidate', 'recruiter'],
          previous: { startUtc: invited.startUtc, durationMinutes: 60, meetLink: link },
        },
      ],
    ],
    [
      'moved in Google Calendar: nothing until the recruiter sends it',
      {
        kind: 'updated',
        interview: {
          ...invited,
          google: {
            eventId: 'e',
            state: 'synced',
            calendarChange: {
              kind: 'moved',
              at: '2030-03-01T08:00:00.000Z',
              was: { startUtc: invited.startUtc, durationMinutes: 60 },
            },
          },
        },
        previous: invited,
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(mail(change)).toEqual(expected);
  });

  describe('a change that tells an untold move made in Google Calendar with it', () => {
    const movedAt = '2030-03-04T14:00:00.000Z';
    const mark = {
      kind: 'moved' as const,
      at: '2030-03-01T08:00:00.000Z',
      was: { startUtc: base.startUtc, durationMinutes: 60 },
    };
    // The move was read while the invitations waited unsent: they were withdrawn, nobody holds one.
    const untold = (interview: Interview): Interview => ({
      ...interview,
      startUtc: movedAt,
      google: { eventId: 'e', state: 'synced', calendarChange: mark },
    });
    const told = (interview: Interview): Interview => ({
      ...interview,
      google: { eventId: 'e', state: 'synced' },
    });

    it('a new link with nobody holding the invitation: the invitation for everyone, never nothing', () => {
      const previous = untold(base);
      const interview = told({ ...previous, meetLink: 'https://meet.google.com/xyz-wxyz-xyz' });
      expect(mail({ kind: 'relinked', interview, previous: { ...previous, startUtc: base.startUtc } })).toEqual([
        { kind: 'invitation', recipients: ['candidate', 'recruiter'] },
      ]);
    });

    it('a new link with the panelist’s invitation withdrawn: the update for who holds it, the invitation for Bob', () => {
      const previous = untold({ ...invited, coInterviewers: [bob] });
      const interview = told({ ...previous, meetLink: 'https://meet.google.com/xyz-wxyz-xyz' });
      const asked = mail({ kind: 'relinked', interview, previous: { ...previous, startUtc: base.startUtc } });
      expect(asked).toEqual([
        {
          kind: 'update',
          recipients: ['candidate', 'recruiter'],
          previous: { startUtc: base.startUtc, durationMinutes: 60, meetLink: link },
        },
        { kind: 'invitation', recipients: ['panel:bob@example.com'] },
      ]);
    });

    it('a new panel with nobody holding the invitation: one invitation for everyone, not two', () => {
      const previous = untold(base);
      const interview = told({ ...previous, coInterviewers: [bob] });
      expect(mail({ kind: 'updated', interview, previous: { ...previous, startUtc: base.startUtc } })).toEqual([
        { kind: 'invitation' },
      ]);
    });

    it('a link pasted after Google’s event lost its Meet link: an update to who holds the invitation, the earlier link unnamed', () => {
      const previous = { ...untold(invited), meetLink: undefined } as Interview;
      const interview = told({ ...previous, meetLink: 'https://meet.google.com/xyz-wxyz-xyz' });
      expect(mail({ kind: 'relinked', interview, previous: { ...previous, startUtc: base.startUtc } })).toEqual([
        {
          kind: 'update',
          recipients: ['candidate', 'recruiter'],
          previous: { startUtc: base.startUtc, durationMinutes: 60, meetLink: '' },
        },
      ]);
    });

    it('while the mark stands (a change that emails no one), nobody is invited', () => {
      const previous = untold(invited);
      expect(mail({ kind: 'updated', interview: { ...previous, notes: 'x' }, previous })).toEqual([]);
    });
  });

  it('cancelled after its time has passed: nobody is emailed about the past', () => {
    const past = { ...invited, startUtc: '2030-02-01T09:00:00.000Z', status: 'cancelled' as const };
    expect(mail({ kind: 'cancelled', interview: past })).toEqual([]);
  });

  it('a co-interviewer taken off gets a cancellation at their address; those staying an update naming the old panel', () => {
    const after: Interview = { ...withBob, coInterviewers: [] };
    expect(mail({ kind: 'updated', interview: after, previous: withBob })).toEqual([
      { kind: 'cancellation', recipients: ['panel:bob@example.com'], to: { name: 'Bob', address: 'bob@example.com' } },
      {
        kind: 'update',
        recipients: ['candidate', 'recruiter'],
        previous: { startUtc: withBob.startUtc, durationMinutes: 60, interviewers: ['Rita Recruiter', 'Bob'] },
      },
    ]);
  });

  it('a co-interviewer who joins after the invitations went out is invited; the others get an update', () => {
    const after: Interview = { ...invited, coInterviewers: [bob] };
    const [invitation, update] = mail({ kind: 'updated', interview: after, previous: invited });
    expect(invitation).toEqual({ kind: 'invitation', recipients: ['panel:bob@example.com'] });
    expect(update).toMatchObject({ kind: 'update', recipients: ['candidate', 'recruiter'] });
  });

  it('a move made in Calendar and sent from the room: an update for the invited, the invitation for whoever never got it', () => {
    const partly: Interview = { ...invited, invitations: { candidate: sent, recruiter: { state: 'none' } } };
    expect(
      mail({ kind: 'announced', interview: partly, previous: { ...partly, startUtc: '2030-03-03T09:00:00.000Z' } }),
    ).toEqual([
      {
        kind: 'update',
        recipients: ['candidate'],
        previous: { startUtc: '2030-03-03T09:00:00.000Z', durationMinutes: 60 },
      },
      { kind: 'invitation', recipients: ['recruiter'] },
    ]);
  });
});

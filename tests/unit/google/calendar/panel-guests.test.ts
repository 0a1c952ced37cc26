import { describe, expect, it } from 'vitest';
import {
  eventForInterview,
  guestPatch,
  guestsOf,
  mergeGuests,
  panelInDescription,
} from '../../../../main/google/calendar/event-mapping';
import { panelChanged } from '../../../../main/interviews/interview-rules';
import { makeInterview } from '../../../support/interview-fixtures';

describe('panel guests on the Calendar event', () => {
  const interview = makeInterview({
    startUtc: '2030-03-04T10:00:00.000Z',
    coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }, { email: 'lee@example.com' }],
  });

  it('the description names the current panel; the rest of it, edits made in Calendar included, stays', () => {
    const written = eventForInterview(interview).description!;
    expect(written).toContain(
      'Co-interviewer: Pat Panel <pat@example.com>\nCo-interviewer: lee@example.com\nDuration:',
    );
    const edited = `${written}\nRoom 4, second floor.`;
    const swapped = { ...interview, coInterviewers: [{ email: 'kim@example.com', name: 'Kim New' }] };
    const next = panelInDescription(edited, swapped)!;
    expect(next).toContain(
      'Interviewer: Rita Recruiter <rita@example.com>\nCo-interviewer: Kim New <kim@example.com>\nDuration:',
    );
    expect(next).not.toMatch(/Pat Panel|lee@example\.com/);
    expect(next).toContain('Room 4, second floor.');
    // A panel of none: the lines go, nothing else does.
    expect(panelInDescription(edited, { ...interview, coInterviewers: [] })).toBe(
      edited.replace('Co-interviewer: Pat Panel <pat@example.com>\nCo-interviewer: lee@example.com\n', ''),
    );
    // Rewritten in Calendar (no interviewer line of the app's): left alone.
    expect(panelInDescription('Bring snacks', swapped)).toBeUndefined();
    expect(panelInDescription(undefined, swapped)).toBeUndefined();
  });

  it('lists the candidate, the recruiter as organizer, then the panel', () => {
    expect(guestsOf(interview).map((a) => [a.email, a.displayName ?? null, a.organizer ?? false])).toEqual([
      ['ada@example.com', 'Ada Lovelace', false],
      ['rita@example.com', 'Rita Recruiter', true],
      ['pat@example.com', 'Pat Panel', false],
      ['lee@example.com', null, false],
    ]);
  });

  it("a panel change keeps Google's guests as they are (answers, rooms and guests added in Calendar), adds newcomers, drops only the co-interviewer taken off", () => {
    const current = [
      { email: 'ada@example.com', responseStatus: 'accepted' },
      { email: 'rita@example.com', organizer: true, responseStatus: 'accepted' },
      { email: 'PAT@example.com', responseStatus: 'tentative' },
      { email: 'lee@example.com', responseStatus: 'declined' },
      // Added in Google Calendar by the recruiter: a meeting room and a colleague the app never invited.
      { email: 'room-4@resource.calendar.google.com', resource: true, responseStatus: 'accepted' },
      { email: 'boss@example.com', responseStatus: 'needsAction' },
    ];
    const sent = { state: 'sent' as const, kind: 'invitation' as const };
    const next = {
      ...interview,
      coInterviewers: [
        { email: 'pat@example.com', name: 'Pat Panel' },
        { email: 'kim@example.com', name: 'Kim New' },
      ],
      invitations: { ...interview.invitations, panel: { 'pat@example.com': sent, 'lee@example.com': sent } },
    };
    expect(mergeGuests(current, next)).toEqual([
      current[0],
      current[1],
      current[2],
      current[4],
      current[5],
      { email: 'kim@example.com', displayName: 'Kim New' },
    ]);
  });

  it('only guests the app itself wrote are taken off, whoever sent the invitations; a write with nothing new is skipped', () => {
    const current = [
      { email: 'ada@example.com' },
      { email: 'rita@example.com', organizer: true },
      { email: 'pat@example.com' },
      { email: 'lee@example.com' },
      { email: 'boss@example.com' },
    ];
    // Google sent the invitations: no delivery entries at all, only the record of what the app wrote.
    const next = {
      ...interview,
      coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
      google: {
        eventId: 'e1',
        state: 'synced' as const,
        guestsWritten: ['ada@example.com', 'rita@example.com', 'pat@example.com', 'lee@example.com'],
      },
    };
    expect(mergeGuests(current, next).map((a) => a.email)).toEqual([
      'ada@example.com',
      'rita@example.com',
      'pat@example.com',
      'boss@example.com',
    ]);
    expect(
      guestPatch({ attendees: current, sequence: 0 }, { ...next, ics: { ...next.ics, sequence: 1 } }),
    ).toMatchObject({ sequence: 1, attendees: mergeGuests(current, next) });
    // Already as wanted, SEQUENCE included: nothing to write.
    expect(
      guestPatch(
        { attendees: mergeGuests(current, next), sequence: 1 },
        { ...next, ics: { ...next.ics, sequence: 1 } },
      ),
    ).toBeUndefined();
  });

  it('a panel changes when someone joins, leaves or is renamed, not when only the case of an address differs', () => {
    expect(
      panelChanged(interview, {
        coInterviewers: [{ email: 'PAT@example.com', name: 'Pat Panel' }, { email: 'lee@example.com' }],
      }),
    ).toBe(false);
    expect(
      panelChanged(interview, {
        coInterviewers: [{ email: 'pat@example.com', name: 'Pat P.' }, { email: 'lee@example.com' }],
      }),
    ).toBe(true);
    expect(panelChanged(interview, { coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }] })).toBe(true);
  });
});

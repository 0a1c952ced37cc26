import { describe, expect, it } from 'vitest';
import type { calendar_v3 } from 'googleapis';
import type { Interview } from '../../../../preload/shared/contract/interview-schema';
import {
  isOwnEvent,
  patchChanges,
  planRemoteEvent,
  withRemoteCancel,
  withRemoteEvent,
  type RemoteChanges,
} from '../../../../main/google/calendar/remote-event';
import { eventIdFor } from '../../../../main/google/calendar/event-mapping';
import { makeInterview } from '../../../support/interview-fixtures';

const link = 'https://meet.google.com/abc-defg-hij';
const local: Interview = {
  ...makeInterview({
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    startUtc: '2030-03-04T09:00:00.000Z',
    meetLink: link,
  }),
  google: { eventId: eventIdFor('a1b2c3d4-0000-4000-8000-000000000001'), state: 'synced', etag: '"1"', sequence: 0 },
};
const own = local.google!.eventId;
const event = (fields: Partial<calendar_v3.Schema$Event> = {}): calendar_v3.Schema$Event => ({
  id: own,
  status: 'confirmed',
  etag: '"2"',
  start: { dateTime: '2030-03-04T09:00:00Z' },
  end: { dateTime: '2030-03-04T10:00:00Z' },
  hangoutLink: link,
  ...fields,
});
const changesOf = (plan: ReturnType<typeof planRemoteEvent>): RemoteChanges => {
  if (plan.action !== 'patch') throw new Error(`expected a patch, got ${plan.action}`);
  return plan;
};

describe('remote event: what Google’s event does to its interview', () => {
  it('only the interview’s own event may change it (a copy made in Calendar carries its id too)', () => {
    expect(isOwnEvent(local, event())).toBe(true);
    expect(isOwnEvent(local, event({ id: 'someoneelsescopy' }))).toBe(false);
  });

  it.each<[string, Partial<calendar_v3.Schema$Event>, Partial<RemoteChanges> & { action: string }]>([
    [
      'the same time and link: a patch that changes nothing',
      {},
      { action: 'patch', moved: false, relinked: false, unusable: false, declined: false },
    ],
    [
      'moved in Calendar',
      { start: { dateTime: '2030-03-04T11:00:00Z' }, end: { dateTime: '2030-03-04T12:00:00Z' } },
      { action: 'patch', moved: true, startUtc: '2030-03-04T11:00:00.000Z', durationMinutes: 60 },
    ],
    [
      'made 1 minute long: held to the 5-minute floor',
      { end: { dateTime: '2030-03-04T09:01:00Z' } },
      { action: 'patch', durationMinutes: 5, moved: true },
    ],
    [
      'made two days long: held to 8 hours',
      { end: { dateTime: '2030-03-06T09:00:00Z' } },
      { action: 'patch', durationMinutes: 480 },
    ],
    [
      'a new Meet conference',
      { hangoutLink: 'https://meet.google.com/xyz-wxyz-xyz' },
      { action: 'patch', relinked: true, moved: false },
    ],
    [
      'the candidate declined',
      { attendees: [{ email: 'ADA@example.com', responseStatus: 'declined' }] },
      { action: 'patch', declined: true },
    ],
    ['cancelled in Calendar', { status: 'cancelled' }, { action: 'cancel' }],
  ])('%s', (_name, fields, expected) => {
    expect(planRemoteEvent(local, event(fields), false)).toMatchObject(expected);
  });

  it('a start that cannot be read leaves the interview as it was, with a warning', () => {
    const plan = planRemoteEvent(local, event({ start: { dateTime: 'not a time' } }), false);
    expect(plan).toEqual({ action: 'skip', warning: expect.stringContaining('cannot be read') });
  });

  it('a cancelled event for an interview already cancelled is skipped', () => {
    expect(planRemoteEvent({ ...local, status: 'cancelled' }, event({ status: 'cancelled' }), false)).toEqual({
      action: 'skip',
    });
  });

  it('only the full read after a restore revives a cancelled interview whose event is live', () => {
    const cancelled: Interview = { ...local, status: 'cancelled' };
    expect(changesOf(planRemoteEvent(cancelled, event(), true)).revived).toBe(true);
    expect(changesOf(planRemoteEvent(cancelled, event(), false)).revived).toBe(false);
  });

  it('a move re-arms reminders and takes the event’s etag and a higher SEQUENCE; the count of changes says so', () => {
    const moved = event({
      start: { dateTime: '2030-03-05T09:00:00Z' },
      end: { dateTime: '2030-03-05T09:45:00Z' },
      sequence: 3,
    });
    const changes = changesOf(planRemoteEvent(local, moved, false));
    const now = Date.parse('2030-03-01T12:00:00Z');
    const after = withRemoteEvent(
      { ...local, reminders: { sent: [{ key: '24h', at: '2030-03-01T09:00:00.000Z' }] } },
      changes,
      moved,
      undefined,
      now,
    );
    expect(after).toMatchObject({
      startUtc: '2030-03-05T09:00:00.000Z',
      durationMinutes: 45,
      ics: { sequence: 3 },
      google: { etag: '"2"', sequence: 3, state: 'synced', attendeeDeclined: false },
    });
    expect(after.reminders).toEqual({ sent: [], armedAt: '2030-03-01T12:00:00.000Z' });
    expect(patchChanges(local, changes)).toBe(true);
    expect(patchChanges(local, changesOf(planRemoteEvent(local, event(), false)))).toBe(false);
  });

  it('a cancel keeps the mark of a change nobody was told about, and the event’s etag', () => {
    const mark = {
      kind: 'cancelled' as const,
      at: '2030-03-01T12:00:00.000Z',
      was: { startUtc: local.startUtc, durationMinutes: 60 },
    };
    expect(withRemoteCancel(local, event({ status: 'cancelled' }), mark)).toMatchObject({
      status: 'cancelled',
      google: { state: 'synced', etag: '"2"', calendarChange: mark },
    });
  });
});

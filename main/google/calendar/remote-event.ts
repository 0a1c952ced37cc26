import type { calendar_v3 } from 'googleapis';
import type { CalendarChange, Interview } from '../../../preload/shared/contract/interview-schema';
import { armedReminders } from '../../interviews/interview-rules';
import { withCalendarChange } from '../../interviews/calendar-change-notice';
import { eventIdFor, readMeetLink, withEventMeetLink, type MeetLinkReading } from './event-mapping';

/** What Google's event, read back, does to its interview. */
export type RemoteEventPlan =
  { action: 'skip'; warning?: string } | { action: 'cancel' } | ({ action: 'patch' } & RemoteChanges);

/** What a patch takes from the event, and what of it is news. */
export interface RemoteChanges {
  startUtc: string;
  durationMinutes: number;
  declined: boolean;
  moved: boolean;
  relinked: boolean;
  unusable: boolean;
  revived: boolean;
  reading: MeetLinkReading;
}

/**
 * Whether the event is the interview's own. The interview id an event carries is only a hint: a copy
 * made in Google Calendar ("Duplicate") carries it too. Only the id the app gave it may change the interview.
 */
export const isOwnEvent = (local: Interview, event: calendar_v3.Schema$Event): boolean =>
  event.id === (local.google?.eventId ?? eventIdFor(local.id));

/**
 * Reads one event of the interview's own against the interview. With `googleWins` (the full read
 * after restoring a copy) a cancelled interview whose event is live again is revived.
 */
export function planRemoteEvent(
  local: Interview,
  event: calendar_v3.Schema$Event,
  googleWins: boolean,
): RemoteEventPlan {
  if (event.status === 'cancelled') return local.status === 'cancelled' ? { action: 'skip' } : { action: 'cancel' };
  // Times from Google are input: one that cannot be read leaves the interview as it was.
  const startMs = event.start?.dateTime ? Date.parse(event.start.dateTime) : Date.parse(local.startUtc);
  const end = event.end?.dateTime
    ? Date.parse(event.end.dateTime)
    : Date.parse(local.startUtc) + local.durationMinutes * 60_000;
  if (!Number.isFinite(startMs) || !Number.isFinite(end))
    return {
      action: 'skip',
      warning: `Google event for ${local.id} has a start or end that cannot be read; the interview was left as it was`,
    };
  const startUtc = new Date(startMs).toISOString();
  // The app's own length rule (5 minutes to 8 hours), whatever length the event was given in Calendar.
  const durationMinutes = Math.min(480, Math.max(5, Math.round((end - startMs) / 60_000)));
  const declined =
    event.attendees?.some(
      (a) => a.email?.toLowerCase() === local.candidate.email.toLowerCase() && a.responseStatus === 'declined',
    ) ?? false;
  // A conference changed in Google Calendar is the meeting now (the interview service raises SEQUENCE);
  // a link that stops being Meet is dropped at once and the interview marked, never stored or sent.
  const reading = readMeetLink(event);
  return {
    action: 'patch',
    startUtc,
    durationMinutes,
    declined,
    moved: startUtc !== local.startUtc || durationMinutes !== local.durationMinutes,
    relinked: reading.kind === 'meet' && (reading.link !== local.meetLink || local.google?.unusableMeetLink === true),
    unusable: reading.kind === 'unusable' && !local.google?.unusableMeetLink,
    revived: googleWins && local.status === 'cancelled',
    reading,
  };
}

/** Whether a patch changes what the recruiter sees of the interview. */
export const patchChanges = (local: Interview, changes: RemoteChanges): boolean =>
  changes.moved ||
  changes.relinked ||
  changes.unusable ||
  changes.revived ||
  changes.declined !== (local.google?.attendeeDeclined ?? false);

/** The interview cancelled in Calendar, with `mark` (a change nobody was told about yet, or none). */
export const withRemoteCancel = (
  current: Interview,
  event: calendar_v3.Schema$Event,
  mark: CalendarChange | undefined,
): Interview => ({
  ...current,
  status: 'cancelled',
  google: {
    ...withCalendarChange(current.google ?? { eventId: event.id!, state: 'synced' }, mark),
    state: 'synced',
    ...(event.etag ? { etag: event.etag } : {}),
  },
});

/** The interview with the event's time, link, SEQUENCE and the candidate's answer taken in; `now` re-arms reminders after a move. */
export function withRemoteEvent(
  current: Interview,
  changes: RemoteChanges,
  event: calendar_v3.Schema$Event,
  mark: CalendarChange | undefined,
  now: number,
): Interview {
  const i = changes.relinked || changes.unusable ? withEventMeetLink(current, changes.reading) : current;
  return {
    ...i,
    ...(changes.revived ? { status: 'scheduled' as const } : {}),
    startUtc: changes.startUtc,
    durationMinutes: changes.durationMinutes,
    ...(changes.moved ? { reminders: armedReminders(new Date(now).toISOString()) } : {}),
    ics: { ...i.ics, sequence: Math.max(i.ics.sequence, event.sequence ?? 0) },
    google: {
      ...withCalendarChange(i.google ?? { eventId: event.id!, state: 'synced' }, mark),
      state: 'synced',
      ...(event.etag ? { etag: event.etag } : {}),
      sequence: event.sequence ?? i.google?.sequence ?? 0,
      attendeeDeclined: changes.declined,
    },
  };
}

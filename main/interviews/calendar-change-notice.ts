import type { CalendarChange, Interview } from '../../preload/shared/contract/interview-schema';
import { hasEnded } from '../../preload/shared/rules/interview-timing';
import { DeskFailure } from '../shared/desk-failure';

/** The interview's Calendar details with this mark of a change made in Google Calendar, or without any. */
export function withCalendarChange<G extends NonNullable<Interview['google']>>(
  google: G,
  mark: CalendarChange | undefined,
): G {
  const { calendarChange: _earlier, ...rest } = google;
  return (mark ? { ...rest, calendarChange: mark } : rest) as G;
}

/** The interview with no mark of an untold change made in Google Calendar (the app is telling everyone now). */
export function withoutCalendarChange(interview: Interview): Interview {
  return interview.google?.calendarChange
    ? { ...interview, google: withCalendarChange(interview.google, undefined) }
    : interview;
}

/** The interview as people were last told it: before a move made in Google Calendar that nobody was emailed about. */
export function asLastTold(interview: Interview): Interview {
  const was = interview.google?.calendarChange?.was;
  return was ? { ...interview, startUtc: was.startUtc, durationMinutes: was.durationMinutes } : interview;
}

/**
 * Refuses to resend one message while a change made in Google Calendar is untold: the room's Send
 * update (Send cancellation) tells everyone at once, at a higher SEQUENCE, and clears the mark.
 */
export function refuseResendWhileUntold(interview: Interview): void {
  const change = interview.google?.calendarChange;
  if (!change) return;
  throw new DeskFailure(
    'invalid_input',
    change.kind === 'cancelled'
      ? 'This interview was cancelled in Google Calendar and no one has been emailed yet: use Send cancellation.'
      : 'This interview was moved in Google Calendar and no one has been emailed yet: use Send update.',
    'id',
  );
}

/**
 * What sending a change made in Google Calendar saves: the interview without its mark, at a higher
 * SEQUENCE (RFC 5546: a new time or a cancel outranks every message sent before, whatever Google did
 * to the event's own), and the interview as people were last told it (the update's "was"). Refused
 * in words when there is nothing to send or it is too late to.
 */
export function calendarChangeAnnouncement(
  current: Interview,
  now: number,
): { interview: Interview; previous: Interview } {
  if (current.origin !== 'recruiter')
    throw new DeskFailure(
      'invalid_input',
      'This interview came from an invitation you received, so there are no emails to send from here.',
      'id',
    );
  if (!current.google?.calendarChange)
    throw new DeskFailure('invalid_input', 'Everyone has already been told about this interview’s last change.', 'id');
  if (hasEnded(current, now))
    throw new DeskFailure('invalid_input', 'This interview has ended, so there is nothing to send.', 'id');
  const interview = withoutCalendarChange(current);
  return {
    interview: { ...interview, ics: { ...interview.ics, sequence: interview.ics.sequence + 1 } },
    previous: { ...asLastTold(current), status: 'scheduled' },
  };
}

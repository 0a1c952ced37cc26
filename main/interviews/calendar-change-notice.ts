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
 * What sending a change made in Google Calendar saves: the interview without its mark, and the
 * interview as people were last told it (the update's "was"). Refused in words when there is
 * nothing to send or it is too late to.
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
  return { interview: withoutCalendarChange(current), previous: { ...asLastTold(current), status: 'scheduled' } };
}

import type { CalendarChange, Interview } from '../../preload/shared/contract/interview-schema';
import { hasEnded } from '../../preload/shared/rules/interview-timing';
import { DeskFailure } from '../shared/desk-failure';
import { refuseOnCandidateCopy } from './interview-rules';

/**
 * The interview's Calendar details with this mark of a change made in Google Calendar, or without
 * any. A new mark replaces the note that an earlier change was marked as told: that one is old news.
 */
export function withCalendarChange<G extends NonNullable<Interview['google']>>(
  google: G,
  mark: CalendarChange | undefined,
): G {
  const { calendarChange: _earlier, calendarChangeTold: told, ...rest } = google;
  if (mark) return { ...rest, calendarChange: mark } as G;
  return (told ? { ...rest, calendarChangeTold: told } : rest) as G;
}

/**
 * The interview with no mark of an untold change made in Google Calendar, nor the note that one was
 * marked as told: the app is emailing everyone the interview as it is now.
 */
export function withoutCalendarChange(interview: Interview): Interview {
  if (!interview.google?.calendarChange && !interview.google?.calendarChangeTold) return interview;
  const { calendarChangeTold: _told, ...google } = withCalendarChange(interview.google, undefined);
  return { ...interview, google };
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
  refuseOnCandidateCopy(current, 'resend');
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

/**
 * What "They were told" saves: the interview without its mark, nothing sent and SEQUENCE unchanged
 * (nothing new reaches anyone), with a note of which change the recruiter said people know about and
 * when, so the room never claims the app emailed it. Refused in words on a saved copy or without a
 * mark; allowed after the interview's end, since it only clears the room's line.
 */
export function calendarChangeMarkedTold(current: Interview, now: number): Interview {
  refuseOnCandidateCopy(current, 'told');
  const change = current.google?.calendarChange;
  if (!current.google || !change)
    throw new DeskFailure(
      'invalid_input',
      'There is no change made in Google Calendar waiting to be told about this interview.',
      'id',
    );
  return {
    ...current,
    google: {
      ...withCalendarChange(current.google, undefined),
      calendarChangeTold: {
        kind: change.kind,
        markedAt: new Date(now).toISOString(),
        ...(change.afterRestore ? { afterRestore: true as const } : {}),
      },
    },
  };
}

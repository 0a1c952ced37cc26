import type { Interview } from '../../preload/shared/contract/interview-schema';
import { formatDateTime } from '../common/format';

/**
 * What the room says about a move or cancel made in Google Calendar that nobody was emailed about
 * (or, found after restoring a copy, that people may or may not have been emailed about), and the
 * button that sends it, and the one that clears it sending nothing (people already know); undefined
 * when there is none.
 */
export function calendarChangeWords(
  interview: Interview,
  zone: string,
): { line: string; action: string; told: string } | undefined {
  const change = interview.google?.calendarChange;
  if (!change) return undefined;
  const made = change.kind === 'moved' ? 'Moved' : 'Cancelled';
  const withdrawn = change.withdrawn ?? 0;
  // Messages still waiting when the change came spoke of the old state: they were taken back, and said so.
  const taken =
    withdrawn === 0
      ? ''
      : ` ${withdrawn === 1 ? '1 email that had not gone out yet was' : `${withdrawn} emails that had not gone out yet were`} withdrawn.`;
  // The times come first: the line is read to learn what changed, then when it was noticed.
  const what =
    change.kind === 'moved'
      ? `now ${formatDateTime(interview.startUtc, zone)} (was ${formatDateTime(change.was.startUtc, zone)})`
      : `it was at ${formatDateTime(change.was.startUtc, zone)}`;
  const whom = interview.coInterviewers.length === 0 ? 'the candidate' : 'the candidate or the panel';
  const action = change.kind === 'moved' ? 'Send update' : 'Send cancellation';
  // Found when Google was read after restoring a copy: it may be a change made here after the copy
  // was taken and emailed then, which the copy does not remember. Nobody knows, so the person decides.
  if (change.afterRestore) {
    const since =
      change.kind === 'moved'
        ? `Google Calendar has a different time than the restored copy: now ${formatDateTime(interview.startUtc, zone)} (the copy had ${formatDateTime(change.was.startUtc, zone)}), changed there on ${formatDateTime(change.at, zone)}.`
        : `Google Calendar has this interview cancelled, unlike the restored copy: it was at ${formatDateTime(change.was.startUtc, zone)}, cancelled there on ${formatDateTime(change.at, zone)}.`;
    return {
      line: `${since} People may already have been emailed about it, if it was done in Interview Desk before the copy was put back; Interview Desk cannot tell. Use ${action} only if ${whom} ${interview.coInterviewers.length === 0 ? 'has' : 'have'} not been told.${taken}`,
      action,
      told: 'They were told',
    };
  }
  return {
    line: `${made} in Google Calendar on ${formatDateTime(change.at, zone)}: ${what}. Interview Desk has not emailed ${whom}.${taken}`,
    action,
    // Someone told them another way (a call, a message): clearing the mark must not look like sending.
    told: 'They already know',
  };
}

/**
 * The room's quiet note that the last change made in Google Calendar was marked as told, so its
 * history never suggests the app emailed it; undefined when there is none, or a newer change waits.
 */
export function calendarChangeToldLine(interview: Interview, zone: string): string | undefined {
  const told = interview.google?.calendarChangeTold;
  if (!told || interview.google?.calendarChange) return undefined;
  const what = told.kind === 'moved' ? 'The move' : 'The cancellation';
  return `${what} made in Google Calendar was marked as told on ${formatDateTime(told.markedAt, zone)} — Interview Desk sent nothing.`;
}

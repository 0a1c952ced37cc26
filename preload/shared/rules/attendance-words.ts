/**
 * The words for Google Meet attendance, wherever it is shown (the room, the debrief and its copied
 * text): the recruiter's absence is never called the candidate's.
 */
import type { AttendanceView } from '../contract/attendance-schema';

type Outcome = NonNullable<AttendanceView['report']>['outcome'];

/** The verdict in the recruiter's words. */
export const attendanceOutcomeWords: Record<Outcome, string> = {
  completed: 'Both sides attended.',
  candidate_no_show: 'The candidate did not join.',
  interviewer_no_show: 'Nobody from the interviewer side joined; the candidate did.',
  neither: 'Nobody joined the meeting.',
  unconfirmed: 'Someone joined who could not be identified or confirmed, so no no-show is recorded.',
};

/** "1 minute", "42 minutes". */
export const minutesWords = (n: number) => (n === 1 ? '1 minute' : `${n} minutes`);

/** How late someone joined: "4 minutes late", "on time", or "did not join" when they never came. */
export const lateWords = (n: number | undefined) =>
  n === undefined ? 'did not join' : n > 0 ? `${minutesWords(n)} late` : 'on time';

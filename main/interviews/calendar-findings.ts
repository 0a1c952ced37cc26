/**
 * What Google's calendars say about the people of an interview over its time, for the conflict
 * question: who is busy when, and whose time Google could not tell (and why).
 */
export interface CalendarFindings {
  /** Busy blocks that overlap the interview: `who` is 'recruiter' or a co-interviewer's address. */
  busy: Array<{ who: string; name: string; start: string; end: string }>;
  unknown: Array<{ who: string; name: string; why: UnknownWhy }>;
}

/**
 * Why Google could not tell: free/busy not allowed yet, Google access expired, a calendar not
 * shared (`notFound`/`forbidden`), or no answer in time.
 */
export type UnknownWhy = 'not_allowed' | 'reconnect' | 'not_shared' | 'no_answer';

/** Nothing known from Google: without a connection the app's own interviews are the whole check. */
export const noFindings: CalendarFindings = { busy: [], unknown: [] };

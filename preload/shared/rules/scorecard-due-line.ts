/**
 * The one wording of "Scorecard due" for the native notification, the browser's and the in-app banner.
 * Recruiter words only: it names the interview, never anything written in a scorecard.
 */
import { formatTimeSpan } from './time-left';

/** What the wording reads of a due scorecard (the `scorecards:due` event carries exactly this). */
export interface ScorecardDueWords {
  candidateName: string;
  jobTitle: string;
  /** The interview's scheduled end. */
  endUtc: string;
}

/** "Scorecard due: Ada Lovelace, Compiler Engineer". */
export function scorecardDueTitle(due: Pick<ScorecardDueWords, 'candidateName' | 'jobTitle'>): string {
  return `Scorecard due: ${due.candidateName}, ${due.jobTitle}`;
}

/** "The interview with Ada Lovelace (Compiler Engineer) ended 1 h ago", from the real now. */
export function scorecardDueLine(due: ScorecardDueWords, now: number): string {
  const ago = Math.max(0, now - Date.parse(due.endUtc));
  return `The interview with ${due.candidateName} (${due.jobTitle}) ended ${formatTimeSpan(ago)} ago`;
}

/** The notification's body: the line and what to do. */
export function scorecardDueBody(due: ScorecardDueWords, now: number): string {
  return `${scorecardDueLine(due, now)}. Write your scorecard while it is fresh.`;
}

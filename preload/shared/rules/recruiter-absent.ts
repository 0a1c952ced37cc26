/**
 * Whether Meet attendance says the recruiter did not attend an interview: nobody on the interviewer
 * side joined (only the candidate, or no one). Then no scorecard is asked of them: not in "Scorecard
 * due", not in Analytics' share, not in the room. One rule for main and the renderer.
 */
import type { AttendanceView } from '../contract/attendance-schema';

/** The part of Meet's attendance report the rule reads. */
export type AttendanceOutcomeOf = Pick<NonNullable<AttendanceView['report']>, 'outcome'>;

/** True only when a report exists and says the interviewer side stayed away; unknown attendance asks as usual. */
export function recruiterAbsent(report: AttendanceOutcomeOf | undefined): boolean {
  return report?.outcome === 'interviewer_no_show' || report?.outcome === 'neither';
}

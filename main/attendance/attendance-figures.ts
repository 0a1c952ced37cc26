/**
 * Analytics from attendance: per interview, Meet's verdict when its attendance was read, otherwise
 * the app's own join history (the fallback, labelled as such). A recruiter's absence is an
 * interviewer no-show, never a candidate's; someone unidentified in the call declares no no-show.
 */
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { AttendanceConnection, AttendanceFigures } from '../../preload/shared/contract/attendance-schema';
import { median } from '../analytics/analytics';
import type { AttendanceOutcome, AttendanceReport } from './attendance-analysis';

/** The words for each verdict, on screen and in the CSV. */
export const attendanceOutcomeLabels: Record<AttendanceOutcome, string> = {
  completed: 'Both attended',
  candidate_no_show: 'Candidate did not join',
  interviewer_no_show: 'Interviewer did not join',
  neither: 'Nobody joined',
  unconfirmed: 'Someone unidentified or unconfirmed joined',
};

/** A start this many minutes late or more counts as a late start. */
export const lateStartMinutes = 5;

const buckets: Array<{ label: string; below: number }> = [
  { label: 'Under 15 min', below: 15 },
  { label: '15–29 min', below: 30 },
  { label: '30–44 min', below: 45 },
  { label: '45–59 min', below: 60 },
  { label: '60 min or more', below: Infinity },
];

/** Minutes from the scheduled start to both sides being in the call. */
export function startDelayMinutes(
  interview: Pick<Interview, 'startUtc'>,
  report: AttendanceReport,
): number | undefined {
  return report.together
    ? Math.max(0, Math.round((Date.parse(report.together.start) - Date.parse(interview.startUtc)) / 60_000))
    : undefined;
}

/**
 * The figures for `ended` interviews (scheduled, past their end): `reports` holds Meet's attendance
 * for those it was read for; every other one counts under `fromAppHistory`.
 */
export function attendanceFigures(
  endedCount: number,
  ended: Interview[],
  reports: Map<string, AttendanceReport>,
  connection: AttendanceConnection,
): AttendanceFigures {
  const outcomes: Record<AttendanceOutcome, number> = {
    completed: 0,
    candidate_no_show: 0,
    interviewer_no_show: 0,
    neither: 0,
    unconfirmed: 0,
  };
  const delays: number[] = [];
  const durations: number[] = [];
  let fromMeet = 0;
  for (const interview of ended) {
    const report = reports.get(interview.id);
    if (!report) continue;
    fromMeet++;
    outcomes[report.outcome]++;
    if (report.outcome !== 'completed' || !report.together) continue;
    delays.push(startDelayMinutes(interview, report)!);
    durations.push(report.together.minutes);
  }
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  return {
    connection,
    fromMeet,
    fromAppHistory: endedCount - fromMeet,
    completed: outcomes.completed,
    candidateNoShow: outcomes.candidate_no_show,
    interviewerNoShow: outcomes.interviewer_no_show,
    neitherJoined: outcomes.neither,
    unconfirmed: outcomes.unconfirmed,
    lateStarts: delays.filter((d) => d >= lateStartMinutes).length,
    medianStartDelayMinutes: round(median(delays)),
    averageMinutes: round(durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null),
    medianMinutes: round(median(durations)),
    durationBuckets: buckets.map((b, i) => ({
      label: b.label,
      count: durations.filter((d) => d < b.below && d >= (buckets[i - 1]?.below ?? 0)).length,
    })),
  };
}

/** The CSV's attendance columns: the same figures per interview, and where they came from. */
export const attendanceCsvHeader = [
  'Attendance source',
  'Attendance',
  'Interviewer late (minutes)',
  'Candidate late (minutes)',
  'Start delay (minutes)',
  'Minutes together',
];

/** One interview's attendance cells; `ended` false leaves them empty (nothing is settled yet). */
export function attendanceCsvCells(
  interview: Interview,
  report: AttendanceReport | undefined,
  ended: boolean,
): Array<string | number> {
  if (!ended) return ['', '', '', '', '', ''];
  if (!report) return ["App's join history (no Meet attendance)", '', '', '', '', ''];
  return [
    'Google Meet',
    attendanceOutcomeLabels[report.outcome],
    report.interviewerLateMinutes ?? '',
    report.candidateLateMinutes ?? '',
    startDelayMinutes(interview, report) ?? '',
    report.together?.minutes ?? '',
  ];
}

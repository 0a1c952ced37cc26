import type { InterviewSummary } from '../../preload/contract/interview-schema';
import { dayKey, formatDay } from '../common/format';

/** One line of the virtualised schedule: a day header or an interview. */
export type ScheduleRow = { kind: 'header'; key: string; label: string } | { kind: 'interview'; key: string; interview: InterviewSummary };

/** Case- and accent-insensitive match on candidate or job. */
export function matchesSearch(interview: InterviewSummary, query: string): boolean {
  if (!query) return true;
  const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  const q = fold(query.trim());
  return fold(interview.candidateName).includes(q) || fold(interview.jobTitle).includes(q);
}

/**
 * Today first, then upcoming days in order, then past days newest first, each under a day header
 * in the recruiter's zone. An interview still in progress from yesterday counts as today's.
 */
export function buildScheduleRows(interviews: InterviewSummary[], query: string, zone: string, now: number): ScheduleRow[] {
  const today = dayKey(now, zone);
  const upcoming: InterviewSummary[] = [];
  const past: InterviewSummary[] = [];
  for (const i of interviews) {
    if (!matchesSearch(i, query)) continue;
    const end = Date.parse(i.startUtc) + i.durationMinutes * 60_000;
    (dayKey(i.startUtc, zone) >= today || end > now ? upcoming : past).push(i);
  }
  upcoming.sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  past.sort((a, b) => b.startUtc.localeCompare(a.startUtc));
  const rows: ScheduleRow[] = [];
  let lastDay = '';
  const push = (i: InterviewSummary, section: 'upcoming' | 'past') => {
    const day = section === 'upcoming' && dayKey(i.startUtc, zone) < today ? today : dayKey(i.startUtc, zone);
    if (day !== lastDay) {
      const label = day === today ? `Today · ${formatDay(now, zone)}` : formatDay(i.startUtc, zone);
      rows.push({ kind: 'header', key: `${section}-${day}`, label });
      lastDay = day;
    }
    rows.push({ kind: 'interview', key: i.id, interview: i });
  };
  for (const i of upcoming) push(i, 'upcoming');
  if (past.length > 0) {
    rows.push({ kind: 'header', key: 'past', label: 'Past interviews' });
    lastDay = 'past';
    for (const i of past) push(i, 'past');
  }
  return rows;
}

/** The next interview that has not ended yet (for the countdown banner). */
export function nextInterview(interviews: InterviewSummary[], now: number): InterviewSummary | undefined {
  return interviews
    .filter((i) => i.status === 'scheduled' && Date.parse(i.startUtc) + i.durationMinutes * 60_000 > now)
    .sort((a, b) => a.startUtc.localeCompare(b.startUtc))[0];
}

import { type DateTime } from 'luxon';
import type { Interview, InterviewSummary, Conflict } from '../../preload/contract/interview-schema';
import { DeskFailure } from '../shared/desk-failure';
import { resolveWallTime } from './wall-time';
import { attentionReason } from '../../preload/domain/interview-attention';

/** How far in the past a start may be (a form filled in slowly at 10:00 for 10:00 still works). */
export const pastGraceMinutes = 5;

/** Turns the form's wall time into a UTC instant, refusing gaps, unknown zones and the past. */
export function startInstant(
  input: { date: string; time: string; timeZone: string; occurrence?: 'earlier' | 'later' },
  now: number,
): DateTime {
  const resolved = resolveWallTime(input.date, input.time, input.timeZone, input.occurrence);
  switch (resolved.kind) {
    case 'invalid':
      throw new DeskFailure('invalid_input', resolved.message, resolved.field);
    case 'gap':
      throw new DeskFailure('invalid_input', resolved.message, 'time');
    case 'ambiguous':
      throw new DeskFailure('invalid_input', resolved.message, 'occurrence');
    case 'ok':
      if (resolved.instant.toMillis() < now - pastGraceMinutes * 60_000) {
        throw new DeskFailure('invalid_input', 'Start time is in the past. Pick a time from now on.', 'time');
      }
      return resolved.instant.toUTC();
  }
}

/** Scheduled interviews (other than `excludeId`) overlapping [start, start + duration). */
export function findConflicts(all: Interview[], startMs: number, durationMinutes: number, excludeId?: string): Conflict[] {
  const endMs = startMs + durationMinutes * 60_000;
  return all
    .filter((i) => i.status === 'scheduled' && i.id !== excludeId)
    .filter((i) => {
      const s = Date.parse(i.startUtc);
      return s < endMs && startMs < s + i.durationMinutes * 60_000;
    })
    .map((i) => ({ id: i.id, candidateName: i.candidate.name, jobTitle: i.jobTitle, startUtc: i.startUtc, durationMinutes: i.durationMinutes }));
}

/** The list row for one interview; a co-interviewer's saved copy is named "Panel · <candidate>". */
export function summarize(interview: Interview): InterviewSummary {
  const attention = attentionReason(interview);
  return {
    id: interview.id,
    candidateName: interview.origin === 'panelist' ? `Panel · ${interview.candidate.name}` : interview.candidate.name,
    ...(interview.origin !== 'recruiter' ? { savedBy: interview.origin } : {}),
    jobTitle: interview.jobTitle,
    startUtc: interview.startUtc,
    durationMinutes: interview.durationMinutes,
    timeZone: interview.timeZone,
    status: interview.status,
    hasMeetLink: !!interview.meetLink,
    ...(attention ? { attention } : {}),
  };
}

/** The panel's addresses, without case, in order. */
export function panelAddresses(interview: Pick<Interview, 'coInterviewers'>): string[] {
  return interview.coInterviewers.map((p) => p.email.toLowerCase());
}

/** Whether the panel (who is on it, or a name) differs between two versions of an interview. */
export function panelChanged(before: Pick<Interview, 'coInterviewers'>, after: Pick<Interview, 'coInterviewers'>): boolean {
  const key = (i: Pick<Interview, 'coInterviewers'>) => JSON.stringify(i.coInterviewers.map((p) => [p.email.toLowerCase(), p.name ?? '']));
  return key(before) !== key(after);
}

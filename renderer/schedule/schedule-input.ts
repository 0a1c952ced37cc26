import type { ScheduleInput } from '../../preload/shared/contract/interview-schema';
import type { ScheduleDraft } from './schedule-draft';

type PanelRow = { email: string; name: string };

/** The panel rows worth sending: rows left wholly empty are dropped, so main's row numbers match the rows shown. */
export function keptPanelRows(rows: readonly PanelRow[]): PanelRow[] {
  return rows.filter((r) => r.email.trim() || r.name.trim());
}

/**
 * What the form sends to schedule: the draft as typed (main checks every field and names what it
 * refuses); a duration left empty is sent as not-a-number, so main says it is required.
 */
export function scheduleInput(draft: ScheduleDraft, acceptConflicts: boolean): ScheduleInput {
  return {
    candidateName: draft.candidateName,
    candidateEmail: draft.candidateEmail,
    jobTitle: draft.jobTitle,
    date: draft.date,
    time: draft.time,
    timeZone: draft.timeZone,
    ...(draft.candidateTimeZone ? { candidateTimeZone: draft.candidateTimeZone } : {}),
    durationMinutes: draft.durationMinutes.trim() === '' ? Number.NaN : Number(draft.durationMinutes),
    notes: draft.notes,
    candidateMessage: draft.candidateMessage,
    ...(draft.meetLink ? { meetLink: draft.meetLink } : {}),
    ...(draft.occurrence ? { occurrence: draft.occurrence } : {}),
    coInterviewers: keptPanelRows(draft.coInterviewers ?? []).map((r) => ({
      email: r.email,
      ...(r.name.trim() ? { name: r.name } : {}),
    })),
    acceptConflicts,
  };
}

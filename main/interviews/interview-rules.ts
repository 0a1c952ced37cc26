import { type DateTime } from 'luxon';
import type { Interview, InterviewSummary, Conflict } from '../../preload/shared/contract/interview-schema';
import { DeskFailure } from '../shared/desk-failure';
import { resolveWallTime } from './wall-time';
import { attentionReason } from '../../preload/shared/rules/interview-attention';

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
export function findConflicts(
  all: Interview[],
  startMs: number,
  durationMinutes: number,
  excludeId?: string,
): Conflict[] {
  const endMs = startMs + durationMinutes * 60_000;
  return all
    .filter((i) => i.status === 'scheduled' && i.id !== excludeId)
    .filter((i) => {
      const s = Date.parse(i.startUtc);
      return s < endMs && startMs < s + i.durationMinutes * 60_000;
    })
    .map((i) => ({
      id: i.id,
      candidateName: i.candidate.name,
      jobTitle: i.jobTitle,
      startUtc: i.startUtc,
      durationMinutes: i.durationMinutes,
    }));
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
export function panelChanged(
  before: Pick<Interview, 'coInterviewers'>,
  after: Pick<Interview, 'coInterviewers'>,
): boolean {
  const key = (i: Pick<Interview, 'coInterviewers'>) =>
    JSON.stringify(i.coInterviewers.map((p) => [p.email.toLowerCase(), p.name ?? '']));
  return key(before) !== key(after);
}

/**
 * Whether anyone was sent a message about the interview. After restoring a copy, a change Google
 * made is news only to people who hold something (mail the copy never sent waits in the restore
 * review, which sends it at Google's time); a link pasted in place of a lost one is an update for them.
 */
export const anyoneSent = (interview: Interview): boolean =>
  [
    interview.invitations.candidate,
    interview.invitations.recruiter,
    ...Object.values(interview.invitations.panel ?? {}),
  ].some((delivery) => delivery.state === 'sent');

/** Whether who is on the panel changed (addresses, any case), not only how someone is named. */
export function panelMembersChanged(
  before: Pick<Interview, 'coInterviewers'>,
  after: Pick<Interview, 'coInterviewers'>,
): boolean {
  const members = (i: Pick<Interview, 'coInterviewers'>) => new Set(i.coInterviewers.map((p) => p.email.toLowerCase()));
  const was = members(before);
  const now = members(after);
  return was.size !== now.size || [...now].some((email) => !was.has(email));
}

/** Fresh reminder bookkeeping at `now` (ISO): nothing handled yet, moments before `now` skipped (never "missed"). */
export function armedReminders(now: string): Interview['reminders'] {
  return { sent: [], armedAt: now };
}

/** The bookkeeping every new interview starts with: a stable invite UID, nothing sent, no joins. */
export function freshRecord(
  id: string,
  now: string,
): Pick<Interview, 'id' | 'status' | 'ics' | 'invitations' | 'joins' | 'reminders' | 'createdAt' | 'updatedAt'> {
  return {
    id,
    status: 'scheduled',
    ics: { uid: `${id}@interview-desk.app`, sequence: 0 },
    invitations: { candidate: { state: 'none' }, recruiter: { state: 'none' } },
    joins: [],
    reminders: armedReminders(now),
    createdAt: now,
    updatedAt: now,
  };
}

/** The origins of a copy saved from an invitation someone received (not scheduled here). */
export type SavedCopyOrigin = Exclude<Interview['origin'], 'recruiter'>;

const copyRefusals: Record<
  SavedCopyOrigin,
  Record<'reschedule' | 'cancel' | 'resend' | 'meetLink' | 'panel' | 'told', string>
> = {
  candidate: {
    reschedule: 'Only your interviewer can move this interview. Reply to their invitation to ask for a new time.',
    cancel:
      'Only your interviewer can cancel this interview. Reply to their invitation to let them know; you can remove it from this computer.',
    resend: 'This interview came from an invitation you received, so there are no emails to send from here.',
    meetLink: 'The Meet link of this interview comes from your invitation and cannot be changed here.',
    panel: 'Only your interviewer can change who is on the panel.',
    told: 'This interview came from an invitation you received, so there is no one here to mark as told.',
  },
  panelist: {
    reschedule: 'Only the recruiter who invited you can move this interview. Write to them to ask for a new time.',
    cancel:
      'Only the recruiter who invited you can cancel this interview. Write to them if you cannot make it; you can remove it from this computer.',
    resend: 'This panel interview came from an invitation you received, so there are no emails to send from here.',
    meetLink: 'The Meet link of this panel interview comes from your invitation and cannot be changed here.',
    panel: 'Only the recruiter who invited you can change who is on the panel.',
    told: 'This panel interview came from an invitation you received, so there is no one here to mark as told.',
  },
};

/**
 * Refuses what only the recruiter who scheduled an interview can do (move it, cancel it for everyone,
 * send its emails, change its Meet link or its panel) on a copy a candidate or a co-interviewer saved
 * from an invitation, in words for that reader.
 */
export function refuseOnCandidateCopy(interview: Interview, action: keyof (typeof copyRefusals)['candidate']): void {
  if (interview.origin === 'recruiter') return;
  throw new DeskFailure('invalid_input', copyRefusals[interview.origin][action], 'id');
}

/**
 * Refuses a panel that names the candidate or the recruiter as a co-interviewer (they are already
 * on the invitation), in the words of the form; the contract already checked count and duplicates.
 */
export function refusePanel(panel: Array<{ email: string }>, recruiterEmail: string, candidateEmail: string): void {
  const mine = recruiterEmail.toLowerCase();
  const theirs = candidateEmail.toLowerCase();
  panel.forEach((person, index) => {
    const email = person.email.toLowerCase();
    if (mine && email === mine)
      throw new DeskFailure(
        'invalid_input',
        'Co-interviewer email is your own address: you are on every interview already.',
        `coInterviewers.${index}.email`,
      );
    if (email === theirs)
      throw new DeskFailure(
        'invalid_input',
        "Co-interviewer email is the candidate's address: add a colleague here.",
        `coInterviewers.${index}.email`,
      );
  });
}

import type { Interview } from '../../preload/shared/contract/interview-schema';

/** How long after the start a "starting now" reminder is still worth showing. */
export const startingNowGraceMs = 5 * 60_000;

/** What planning reminders reads of an interview (the database answers it without loading whole records). */
export type ReminderSubject = Pick<Interview, 'id' | 'status' | 'startUtc' | 'origin' | 'createdAt'> & {
  reminders: { sent: { key: string }[]; armedAt?: string | undefined };
  invitations: { candidate: { at?: string | undefined } };
};

/**
 * The least time between the candidate's invitation (or update) and the optional reminder email: an
 * invitation sent less than 12 hours earlier already carries the time, so a reminder then is noise.
 */
export const candidateEmailGapMs = 12 * 3600_000;

/** One reminder moment: `offsetMinutes` before the start of an interview. */
export interface PlannedReminder {
  interviewId: string;
  /** Stable per interview time and offset: a reschedule changes it, so reminders re-arm. */
  key: string;
  offsetMinutes: number;
  dueAt: number;
  startsAt: number;
  channel: 'notification' | 'email';
}

/** The key a reminder is recorded under in `interview.reminders.sent`. */
export function reminderKey(channel: PlannedReminder['channel'], offsetMinutes: number, startUtc: string): string {
  return `${channel}:${offsetMinutes}@${startUtc}`;
}

/** Every reminder an interview should get (not yet sent), from the Settings offsets. */
export function plannedReminders(
  interview: ReminderSubject,
  offsets: number[],
  candidateEmail: boolean,
): PlannedReminder[] {
  if (interview.status !== 'scheduled') return [];
  const startsAt = Date.parse(interview.startUtc);
  const sent = new Set(interview.reminders.sent.map((s) => s.key));
  const plan: PlannedReminder[] = [...new Set(offsets)].map((offsetMinutes) => ({
    interviewId: interview.id,
    key: reminderKey('notification', offsetMinutes, interview.startUtc),
    offsetMinutes,
    dueAt: startsAt - offsetMinutes * 60_000,
    startsAt,
    channel: 'notification' as const,
  }));
  if (candidateEmail && interview.origin === 'recruiter') {
    plan.push({
      interviewId: interview.id,
      key: reminderKey('email', 1440, interview.startUtc),
      offsetMinutes: 1440,
      dueAt: startsAt - 1440 * 60_000,
      startsAt,
      channel: 'email',
    });
  }
  return plan.filter((r) => !sent.has(r.key));
}

/** When the interview's reminders were (re)armed: its creation, or its last move (legacy records: creation). */
export function armedAt(interview: ReminderSubject): number {
  return Date.parse(interview.reminders.armedAt ?? interview.createdAt);
}

/**
 * A due reminder that must never fire (recorded as handled): its moment had already passed when the
 * interview was created or moved (4 hours ahead gets no "24 h" reminder: it was never missed), or it
 * is the candidate email and the candidate's invitation or update went out less than
 * `candidateEmailGapMs` before `now`.
 */
export function skippedAtArming(reminder: PlannedReminder, interview: ReminderSubject, now: number): boolean {
  const armed = armedAt(interview);
  if (reminder.dueAt <= armed) return true;
  if (reminder.channel !== 'email') return false;
  const invited = interview.invitations.candidate.at ? Date.parse(interview.invitations.candidate.at) : armed;
  return now < Math.max(armed, invited) + candidateEmailGapMs;
}

/** Whether a due reminder still makes sense at `now`: before the start (or just after, for "starting now"). */
export function stillRelevant(reminder: PlannedReminder, now: number): boolean {
  return reminder.offsetMinutes === 0 ? now < reminder.startsAt + startingNowGraceMs : now < reminder.startsAt;
}

/**
 * What to do at `now`: `fire` the reminders that are due and still relevant (for each interview and
 * channel only the closest one: after a long sleep, one "in 1 hour" beats a stale "tomorrow" too),
 * `drop` those that are due but no longer useful, superseded or skipped at arming (recorded as
 * handled, never fired),
 * and `nextAt`, the earliest future moment to wake for.
 */
export function reminderDecisions(
  interviews: ReminderSubject[],
  offsets: number[],
  candidateEmail: boolean,
  now: number,
) {
  const fire: PlannedReminder[] = [];
  const drop: PlannedReminder[] = [];
  let nextAt: number | undefined;
  for (const interview of interviews) {
    // Long over: nothing to fire, drop or wake for (and nothing to write for thousands of past interviews).
    if (Date.parse(interview.startUtc) + startingNowGraceMs <= now) continue;
    const plan = plannedReminders(interview, offsets, candidateEmail);
    for (const channel of ['notification', 'email'] as const) {
      const due = plan
        .filter((r) => r.channel === channel && r.dueAt <= now)
        .sort((a, b) => a.offsetMinutes - b.offsetMinutes);
      const relevant = due.filter((r) => stillRelevant(r, now) && !skippedAtArming(r, interview, now));
      const chosen = relevant[0];
      if (chosen) fire.push(chosen);
      drop.push(...due.filter((r) => r !== chosen));
    }
    for (const r of plan) if (r.dueAt > now && (nextAt === undefined || r.dueAt < nextAt)) nextAt = r.dueAt;
  }
  return { fire, drop, nextAt };
}

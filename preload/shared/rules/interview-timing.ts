/**
 * Pure timing rules for an interview, shared by main (reminders, analytics) and the renderer
 * (badges, countdowns): the join window and the status shown to the person. Instants only; no
 * time-zone arithmetic is needed here.
 */

/** The two Settings values that shape the join window. */
export interface JoinWindowSettings {
  joinOpensMinutesBefore: number;
  joinClosesMinutesAfter: number;
}

/** The minimal facts timing needs about an interview. */
export interface TimedInterview {
  startUtc: string;
  durationMinutes: number;
  status: 'scheduled' | 'cancelled';
}

const minute = 60_000;

/** When joining opens and closes: from N minutes before the start until M minutes after the start or the end, whichever is later. */
export function joinWindow(
  interview: TimedInterview,
  settings: JoinWindowSettings,
): { opensAt: number; closesAt: number; startsAt: number; endsAt: number } {
  const startsAt = Date.parse(interview.startUtc);
  const endsAt = startsAt + interview.durationMinutes * minute;
  return {
    startsAt,
    endsAt,
    opensAt: startsAt - settings.joinOpensMinutesBefore * minute,
    closesAt: Math.max(startsAt + settings.joinClosesMinutesAfter * minute, endsAt),
  };
}

/**
 * Whether the interview's planned time is over at `now` (its end has passed). After that nothing is
 * sent about it: no resend, no new panelist, and a cancellation is recorded without emailing anyone.
 */
export function hasEnded(interview: Pick<TimedInterview, 'startUtc' | 'durationMinutes'>, now: number): boolean {
  return Date.parse(interview.startUtc) + interview.durationMinutes * minute <= now;
}

/** The interview's planned time as an ISO interval: what timelines draw and Calendar stores. */
export function plannedSpan(interview: Pick<TimedInterview, 'startUtc' | 'durationMinutes'>): {
  start: string;
  end: string;
} {
  return {
    start: interview.startUtc,
    end: new Date(Date.parse(interview.startUtc) + interview.durationMinutes * minute).toISOString(),
  };
}

/** Where `now` falls relative to the join window. */
export type JoinPhase = 'before' | 'open' | 'after';

/** The join phase at `now`; a cancelled interview is never joinable. */
export function joinPhase(interview: TimedInterview, settings: JoinWindowSettings, now: number): JoinPhase {
  const w = joinWindow(interview, settings);
  if (interview.status === 'cancelled') return now < w.closesAt ? 'before' : 'after';
  if (now < w.opensAt) return 'before';
  return now < w.closesAt ? 'open' : 'after';
}

/** Whether to offer the device check for it: only while joining is still ahead or open, never once cancelled. */
export function offersDeviceCheck(interview: TimedInterview, settings: JoinWindowSettings, now: number): boolean {
  return interview.status !== 'cancelled' && joinPhase(interview, settings, now) !== 'after';
}

/** The badge on a schedule row and in the room. */
export type DisplayStatus =
  'upcoming' | 'ready' | 'in_progress' | 'running_over' | 'ended' | 'cancelled' | 'needs_attention';

/**
 * upcoming → ready (join window open, before the start) → in progress (from the start until the
 * scheduled end) → ended, even while the join window stays open; "running over" instead of ended
 * while Google Meet shows the call still going (`meetCallRunning`). Cancelled wins; "needs
 * attention" (a failed invite, waiting for Google, no Meet link) replaces upcoming/ready only,
 * because after the start it no longer helps.
 */
export function displayStatus(
  interview: TimedInterview & { attention?: string },
  settings: JoinWindowSettings,
  now: number,
  meetCallRunning = false,
): DisplayStatus {
  if (interview.status === 'cancelled') return 'cancelled';
  const w = joinWindow(interview, settings);
  if (now >= w.endsAt) return meetCallRunning ? 'running_over' : 'ended';
  if (now >= w.startsAt) return 'in_progress';
  if (interview.attention) return 'needs_attention';
  return now >= w.opensAt ? 'ready' : 'upcoming';
}

/** Whole minutes left to join (rounded up), 0 once the join window has closed. */
export function joinMinutesLeft(interview: TimedInterview, settings: JoinWindowSettings, now: number): number {
  return Math.max(0, Math.ceil((joinWindow(interview, settings).closesAt - now) / minute));
}

/** The words on each badge. */
export const statusLabels: Record<DisplayStatus, string> = {
  upcoming: 'Upcoming',
  ready: 'Ready to join',
  in_progress: 'In progress',
  running_over: 'Running over',
  ended: 'Ended',
  cancelled: 'Cancelled',
  needs_attention: 'Needs attention',
};

/** "in 2 h 5 min", "in 45 s", "3 min ago": a compact countdown. */
export function formatCountdown(ms: number): string {
  const past = ms < 0;
  let s = Math.round(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const text =
    d > 0
      ? `${d} d ${h} h`
      : h > 0
        ? `${h} h ${m} min`
        : m > 0
          ? `${m} min${m < 10 && s > 0 ? ` ${s} s` : ''}`
          : `${s} s`;
  return past ? `${text} ago` : `in ${text}`;
}

import type { CalendarChange, Interview } from '../../../preload/shared/contract/interview-schema';

/** What the outbox took back: how many messages, and the time the candidate had last been told if one was an update. */
export interface Withdrawn {
  withdrawn: number;
  told?: { startUtc: string; durationMinutes: number };
}

/**
 * The mark a move or cancel made in Google Calendar leaves on an interview whose emails the app
 * sends: nobody has been emailed about it, and what still waited to go out is withdrawn (it spoke
 * of the old state); the recruiter sends the update from the room. Across several such changes
 * `was` stays what people were last told. No mark when nobody needs telling: the interview is over
 * at its new time, or it was moved back to the time people hold and nothing was withdrawn.
 */
export function calendarChangeMark(
  local: Interview,
  next: { kind: CalendarChange['kind']; startUtc: string; durationMinutes: number },
  changedAt: unknown,
  now: number,
  withdraw: () => Withdrawn,
): CalendarChange | undefined {
  const earlier = local.google?.calendarChange;
  if (Date.parse(next.startUtc) + next.durationMinutes * 60_000 <= now) return undefined;
  const was = earlier?.was ?? { startUtc: local.startUtc, durationMinutes: local.durationMinutes };
  if (
    next.kind === 'moved' &&
    earlier &&
    was.startUtc === next.startUtc &&
    was.durationMinutes === next.durationMinutes &&
    !earlier.withdrawn
  )
    return undefined;
  const taken = withdraw();
  const withdrawn = (earlier?.withdrawn ?? 0) + taken.withdrawn;
  // Google's `updated` is input: a value that cannot be read is replaced by the moment it was seen.
  const at =
    typeof changedAt === 'string' && Number.isFinite(Date.parse(changedAt))
      ? new Date(Date.parse(changedAt)).toISOString()
      : new Date(now).toISOString();
  // A mark from the read after a restore stays uncertain: its `was` is still the copy's.
  return {
    kind: next.kind,
    at,
    was: earlier?.was ?? taken.told ?? was,
    ...(withdrawn ? { withdrawn } : {}),
    ...(earlier?.afterRestore ? { afterRestore: true as const } : {}),
  };
}

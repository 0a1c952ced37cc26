/**
 * When to look at Meet again after a call: Meet moves a transcript, recording or Gemini's notes from
 * ENDED to FILE_GENERATED "shortly after" the call, and sometimes hours later. So the app looks at
 * +2, +10, +30 and +60 minutes after the call's end, then hourly up to 6 hours, and never past the
 * day Google deletes the record (its `expireTime`, 30 days after the call).
 */

const minute = 60_000;

/** Minutes after the call's end at which Meet is looked at. */
export const lookOffsetsMinutes: readonly number[] = [2, 10, 30, 60, 120, 180, 240, 300, 360];

/** The first look, after the call's end. */
export const firstLookMs = lookOffsetsMinutes[0]! * minute;

/** After this long without anything at all, a call that ended had nothing turned on. */
export const nothingSettlesMs = 60 * minute;

/** Meet keeps a conference record (and its artifacts) this long after the call. */
export const meetKeepsMs = 30 * 24 * 60 * minute;

/** The next look strictly after `now`, or undefined once the 6 hours (or the record's expiry) are past. */
export function nextLookAt(endedMs: number, now: number, expireMs = endedMs + meetKeepsMs): number | undefined {
  for (const offset of lookOffsetsMinutes) {
    const at = endedMs + offset * minute;
    if (at > now) return at < expireMs ? at : undefined;
  }
  return undefined;
}

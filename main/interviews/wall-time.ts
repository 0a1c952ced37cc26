import { DateTime, IANAZone } from 'luxon';

/** The outcome of turning a local date and time in a zone into one instant. */
export type WallTimeResult =
  | { kind: 'ok'; instant: DateTime }
  | { kind: 'invalid'; field: 'date' | 'time' | 'timeZone'; message: string }
  | { kind: 'gap'; message: string }
  | { kind: 'ambiguous'; earlier: DateTime; later: DateTime; message: string };

function offsetLabel(dt: DateTime): string {
  return `UTC${dt.toFormat('ZZ')}`;
}

/**
 * Resolves a wall-clock time in an IANA zone with Luxon: refuses times that do not exist (the DST
 * gap), and for times that happen twice (clocks go back) asks which one unless `occurrence` says.
 */
export function resolveWallTime(
  date: string,
  time: string,
  zone: string,
  occurrence?: 'earlier' | 'later',
): WallTimeResult {
  if (!IANAZone.isValidZone(zone))
    return { kind: 'invalid', field: 'timeZone', message: `"${zone}" is not a known time zone` };
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const civil = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
  if (!civil.isValid || civil.month !== month || civil.day !== day)
    return { kind: 'invalid', field: 'date', message: `${date} is not a calendar date` };
  if (hour > 23 || minute > 59) return { kind: 'invalid', field: 'time', message: `${time} is not a time of day` };
  const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (dt.hour !== hour || dt.minute !== minute || dt.day !== day) {
    return {
      kind: 'gap',
      message: `${time} does not exist on ${date} in ${zone}: the clocks jump forward at that moment. Choose ${dt.toFormat('HH:mm')} or later.`,
    };
  }
  const possible = dt.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  if (possible.length === 2) {
    const [earlier, later] = possible as [DateTime, DateTime];
    if (occurrence === 'earlier') return { kind: 'ok', instant: earlier };
    if (occurrence === 'later') return { kind: 'ok', instant: later };
    return {
      kind: 'ambiguous',
      earlier,
      later,
      message: `${time} happens twice on ${date} in ${zone} (the clocks go back). Choose the first (${offsetLabel(earlier)}) or the second (${offsetLabel(later)}).`,
    };
  }
  return { kind: 'ok', instant: dt };
}

import { dayKey, formatDay } from '../common/format';
import type { ScheduleView } from './schedule-store';

/**
 * The day headers above the row at `place`: today first, then upcoming days in order, then "Past
 * interviews" and past days newest first, in the recruiter's zone. An interview still in progress
 * from an earlier day counts as today's. A row whose neighbour above is not loaded yet gets its
 * header once that neighbour arrives (the list is read a page at a time).
 */
export function headersAt(view: ScheduleView, place: number, zone: string, now: number): string[] {
  const row = view.rows.get(place);
  if (!row) return [];
  const today = dayKey(now, zone);
  const upcoming = place < view.upcomingTotal;
  const dayOf = (startUtc: string) => {
    const day = dayKey(startUtc, zone);
    return upcoming && day < today ? today : day;
  };
  const label = (startUtc: string) =>
    dayOf(startUtc) === today && upcoming ? `Today · ${formatDay(now, zone)}` : formatDay(startUtc, zone);
  if (place === view.upcomingTotal) return ['Past interviews', label(row.startUtc)];
  if (place === 0) return [label(row.startUtc)];
  const above = view.rows.get(place - 1);
  if (!above) return [];
  return dayOf(above.startUtc) === dayOf(row.startUtc) ? [] : [label(row.startUtc)];
}

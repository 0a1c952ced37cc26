import { interviewSchema, type Interview, type JoinRecord } from '../../preload/shared/contract/interview-schema';
import type { Database } from './database';

type Row = Record<string, unknown>;

/** A row whose record this version cannot read, and why (for the log). */
export interface UnreadableRow {
  id: string;
  reason: string;
}

/**
 * Builds interviews from rows of `interviews` (id, record, reminders_armed_at) and their joins,
 * deliveries and reminder marks. A record this version cannot read (written by hand, by another
 * tool, or in a format it does not know) is returned apart, never thrown: one such row must not
 * take the schedule with it.
 */
export function assembleInterviews(
  db: Database,
  rows: Row[],
): { interviews: Interview[]; unreadable: UnreadableRow[] } {
  if (rows.length === 0) return { interviews: [], unreadable: [] };
  const ids = rows.map((r) => String(r.id));
  // One query per child table: by key for one interview, by a list for a few, the whole table for many.
  const children = (table: string, order: string) =>
    (ids.length === 1
      ? db.prepare(`SELECT * FROM ${table} WHERE interview_id = ? ORDER BY ${order}`).all(ids[0]!)
      : ids.length <= 500
        ? db
            .prepare(
              `SELECT * FROM ${table} WHERE interview_id IN (SELECT value FROM json_each(?)) ORDER BY interview_id, ${order}`,
            )
            .all(JSON.stringify(ids))
        : db.prepare(`SELECT * FROM ${table} ORDER BY interview_id, ${order}`).all()) as Row[];
  const group = (list: Row[]) => {
    const map = new Map<string, Row[]>();
    for (const r of list) {
      const key = String(r.interview_id);
      const bucket = map.get(key);
      if (bucket) bucket.push(r);
      else map.set(key, [r]);
    }
    return map;
  };
  const joins = group(children('joins', 'seq'));
  const deliveries = group(children('deliveries', 'recipient'));
  const marks = group(children('reminder_marks', 'rowid'));
  const delivery = (id: string, recipient: string) => {
    const r = deliveries.get(id)?.find((d) => d.recipient === recipient);
    return r
      ? {
          state: r.state,
          ...(r.kind != null ? { kind: r.kind } : {}),
          ...(r.reason != null ? { reason: r.reason } : {}),
          ...(r.at != null ? { at: r.at } : {}),
        }
      : { state: 'none' };
  };
  const interviews: Interview[] = [];
  const unreadable: UnreadableRow[] = [];
  for (const row of rows) {
    const id = String(row.id);
    let stored: unknown;
    try {
      stored = JSON.parse(String(row.record));
    } catch (error) {
      unreadable.push({ id, reason: `not JSON: ${(error as Error).message}` });
      continue;
    }
    const { panelDeliveries, ...record } = (typeof stored === 'object' && stored !== null ? stored : {}) as {
      panelDeliveries?: unknown;
    };
    const parsed = interviewSchema.safeParse({
      ...record,
      invitations: {
        candidate: delivery(id, 'candidate'),
        recruiter: delivery(id, 'recruiter'),
        ...(panelDeliveries ? { panel: panelDeliveries } : {}),
      },
      joins: (joins.get(id) ?? []).map((j): JoinRecord => ({
        joinedAt: String(j.joined_at),
        ...(j.left_at != null ? { leftAt: String(j.left_at) } : {}),
        via: j.via as JoinRecord['via'],
      })),
      reminders: {
        sent: (marks.get(id) ?? []).map((m) => ({ key: String(m.key), at: String(m.at) })),
        ...(row.reminders_armed_at != null ? { armedAt: String(row.reminders_armed_at) } : {}),
      },
    });
    if (parsed.success) interviews.push(parsed.data);
    else
      unreadable.push({
        id,
        reason: parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; '),
      });
  }
  return { interviews, unreadable };
}

import { interviewSchema, type Interview, type JoinRecord } from '../../preload/contract/interview-schema';
import type { Database, UnitOfWork } from './database';
import { searchText } from './search-text';

/** The interviews in SQLite: one row each plus joins, deliveries and reminder marks in their own tables. */
export interface InterviewRepository extends UnitOfWork {
  all(): Interview[];
  get(id: string): Interview | undefined;
  /** Saves one interview (validated against the schema first: nothing malformed reaches the database). */
  put(interview: Interview): void;
  /** Saves many in one transaction. */
  putMany(interviews: Interview[]): void;
  /** Forgets one interview (a candidate removing their own copy); its joins, deliveries, marks and queue items go with it. */
  remove(id: string): void;
  /** Scheduled interviews (other than `excludeId`) overlapping [fromMs, toMs): conflicts without a scan. */
  overlapping(fromMs: number, toMs: number, excludeId?: string): Interview[];
  /** Interviews starting in [fromMs, toMs), by start time, at most `limit` (pages, candidate links). */
  startingBetween(fromMs: number, toMs: number, limit?: number): Interview[];
  /**
   * What reminder planning needs of the interviews starting in [fromMs, toMs): status, start,
   * origin and the keys already recorded, read from the columns and the marks table (no records parsed).
   */
  timingsBetween(fromMs: number, toMs: number): InterviewTiming[];
  count(): number;
}

/** The timing facts of one interview (see `timingsBetween`). */
export interface InterviewTiming {
  id: string;
  status: Interview['status'];
  startUtc: string;
  origin: Interview['origin'];
  createdAt: string;
  reminders: { sent: { key: string }[]; armedAt?: string };
  invitations: { candidate: { at?: string } };
}

type Row = Record<string, unknown>;
type Stored = Omit<Interview, 'invitations' | 'joins' | 'reminders'>;


/** Creates the repository over the app database. */
export function createInterviewRepository(db: Database): InterviewRepository {
  // Parsed interviews by id, so a list does not re-parse and re-validate every row. Filled only by
  // reads outside a transaction (committed data), emptied for an id by every write to it: a write
  // that is rolled back leaves nothing stale behind. Main is the only writer, so nothing else can
  // change a row under it. Values are shared: callers treat interviews as immutable.
  const cache = new Map<string, Interview>();
  // The longest stored interview bounds the overlap search by start time (so it stays on the index);
  // read once, then raised by every write.
  let longest: number | undefined;
  const longestMs = () => (longest ??= Math.max(8 * 3600_000, Number((db.prepare('SELECT max(end_ms - start_ms) AS d FROM interviews').get() as Row).d ?? 0)));
  const assemble = (rows: Row[]): Interview[] => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => String(r.id));
    // One query per child table: by key for one interview, by a list for a few, the whole table for many.
    const children = (table: string, order: string) =>
      (ids.length === 1
        ? db.prepare(`SELECT * FROM ${table} WHERE interview_id = ? ORDER BY ${order}`).all(ids[0]!)
        : ids.length <= 500
          ? db.prepare(`SELECT * FROM ${table} WHERE interview_id IN (SELECT value FROM json_each(?)) ORDER BY interview_id, ${order}`).all(JSON.stringify(ids))
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
      return r ? { state: r.state, ...(r.kind != null ? { kind: r.kind } : {}), ...(r.reason != null ? { reason: r.reason } : {}), ...(r.at != null ? { at: r.at } : {}) } : { state: 'none' };
    };
    return rows.map((row) => {
      const id = String(row.id);
      const { panelDeliveries, ...record } = JSON.parse(String(row.record)) as { panelDeliveries?: unknown };
      return interviewSchema.parse({
        ...record,
        invitations: { candidate: delivery(id, 'candidate'), recruiter: delivery(id, 'recruiter'), ...(panelDeliveries ? { panel: panelDeliveries } : {}) },
        joins: (joins.get(id) ?? []).map((j): JoinRecord => ({ joinedAt: String(j.joined_at), ...(j.left_at != null ? { leftAt: String(j.left_at) } : {}), via: j.via as JoinRecord['via'] })),
        reminders: { sent: (marks.get(id) ?? []).map((m) => ({ key: String(m.key), at: String(m.at) })), ...(row.reminders_armed_at != null ? { armedAt: String(row.reminders_armed_at) } : {}) },
      });
    });
  };

  /** The interviews with these ids, in this order, from the cache or the database. */
  const load = (ids: string[]): Interview[] => {
    const missing = ids.filter((id) => !cache.has(id));
    const fresh = new Map<string, Interview>();
    if (missing.length > 0) {
      const rows = (
        missing.length > 500
          ? (db.prepare('SELECT id, record, reminders_armed_at FROM interviews').all() as Row[]).filter((r) => !cache.has(String(r.id)))
          : db.prepare('SELECT id, record, reminders_armed_at FROM interviews WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(missing))
      ) as Row[];
      for (const interview of assemble(rows)) fresh.set(interview.id, interview);
      if (!db.inTransaction) for (const [id, interview] of fresh) cache.set(id, interview);
    }
    return ids.map((id) => cache.get(id) ?? fresh.get(id)).filter((i): i is Interview => i !== undefined);
  };
  const idsOf = (rows: unknown[]) => (rows as Row[]).map((r) => String(r.id));

  const write = (raw: Interview) => {
    const interview = interviewSchema.parse(raw);
    cache.delete(interview.id);
    const { invitations, joins, reminders, ...rest } = interview;
    // The deliveries table admits only the candidate and the recruiter (a CHECK): each co-interviewer's
    // state rides in the validated record instead, so panels need no schema step.
    const record: Stored & { panelDeliveries?: Interview['invitations']['panel'] } = { ...rest, ...(invitations.panel && Object.keys(invitations.panel).length ? { panelDeliveries: invitations.panel } : {}) };
    const startMs = Date.parse(interview.startUtc);
    if (longest !== undefined) longest = Math.max(longest, interview.durationMinutes * 60_000);
    db.prepare(
      `INSERT INTO interviews (id, start_ms, end_ms, status, origin, search, google_event_id, record, updated_ms, reminders_armed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET start_ms = excluded.start_ms, end_ms = excluded.end_ms, status = excluded.status, origin = excluded.origin,
         search = excluded.search, google_event_id = excluded.google_event_id, record = excluded.record, updated_ms = excluded.updated_ms,
         reminders_armed_at = excluded.reminders_armed_at`,
    ).run(
      interview.id,
      startMs,
      startMs + interview.durationMinutes * 60_000,
      interview.status,
      interview.origin,
      searchText(interview.candidate.name, interview.candidate.email, interview.jobTitle),
      interview.google?.eventId ?? null,
      JSON.stringify(record),
      Date.parse(interview.updatedAt) || 0,
      reminders.armedAt ?? null,
    );
    for (const table of ['joins', 'deliveries', 'reminder_marks']) db.prepare(`DELETE FROM ${table} WHERE interview_id = ?`).run(interview.id);
    joins.forEach((j, seq) => db.prepare('INSERT INTO joins (interview_id, seq, joined_at, left_at, via) VALUES (?, ?, ?, ?, ?)').run(interview.id, seq, j.joinedAt, j.leftAt ?? null, j.via));
    for (const recipient of ['candidate', 'recruiter'] as const) {
      const d = invitations[recipient];
      if (d.state !== 'none' || d.kind || d.reason || d.at)
        db.prepare('INSERT INTO deliveries (interview_id, recipient, state, kind, reason, at) VALUES (?, ?, ?, ?, ?, ?)').run(interview.id, recipient, d.state, d.kind ?? null, d.reason ?? null, d.at ?? null);
    }
    for (const mark of reminders.sent) db.prepare('INSERT OR REPLACE INTO reminder_marks (interview_id, key, at) VALUES (?, ?, ?)').run(interview.id, mark.key, mark.at);
  };

  return {
    transaction: (work) => db.transaction(work),
    afterCommit: (effect) => db.afterCommit(effect),
    all: () => load(idsOf(db.prepare('SELECT id FROM interviews ORDER BY start_ms, id').all())),
    get: (id) => load([id])[0],
    put: (interview) => db.transaction(() => write(interview)),
    putMany: (interviews) => db.transaction(() => interviews.forEach(write)),
    remove: (id) =>
      db.transaction(() => {
        cache.delete(id);
        // Child rows and queue items follow through ON DELETE CASCADE (foreign keys are on).
        db.prepare('DELETE FROM interviews WHERE id = ?').run(id);
      }),
    overlapping: (fromMs, toMs, excludeId) =>
      load(idsOf(db.prepare(`SELECT id FROM interviews WHERE status = 'scheduled' AND start_ms > ? AND start_ms < ? AND end_ms > ? AND id IS NOT ? ORDER BY start_ms, id`).all(fromMs - longestMs(), toMs, fromMs, excludeId ?? null))),
    startingBetween: (fromMs, toMs, limit = -1) => load(idsOf(db.prepare('SELECT id FROM interviews WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms, id LIMIT ?').all(fromMs, toMs, limit))),
    timingsBetween: (fromMs, toMs) =>
      (
        db
          .prepare(
            `SELECT id, status, origin, record ->> '$.startUtc' AS start_utc, record ->> '$.createdAt' AS created_at, reminders_armed_at,
               (SELECT json_group_array(key) FROM reminder_marks WHERE interview_id = id) AS sent,
               (SELECT at FROM deliveries WHERE interview_id = id AND recipient = 'candidate') AS candidate_at
             FROM interviews WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms, id`,
          )
          .all(fromMs, toMs) as Row[]
      ).map((r) => ({
        id: String(r.id),
        status: r.status === 'cancelled' ? 'cancelled' : 'scheduled',
        startUtc: String(r.start_utc),
        origin: r.origin === 'candidate' ? 'candidate' : 'recruiter',
        createdAt: String(r.created_at),
        reminders: { sent: (JSON.parse(String(r.sent)) as string[]).map((key) => ({ key })), ...(r.reminders_armed_at != null ? { armedAt: String(r.reminders_armed_at) } : {}) },
        invitations: { candidate: r.candidate_at != null ? { at: String(r.candidate_at) } : {} },
      })),
    count: () => Number((db.prepare('SELECT count(*) AS n FROM interviews').get() as Row).n),
  };
}

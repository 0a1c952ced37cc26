import {
  interviewSchema,
  recipientStateSchema,
  type DeliveryRecipient,
  type Interview,
  type RecipientState,
} from '../../preload/shared/contract/interview-schema';
import type { Database, UnitOfWork } from './database';
import { searchText } from './search-text';
import { ftsQuery, searchCondition, type SearchMode } from './search-index';
import { assembleInterviews } from './interview-rows';
import { markUnreadable, readableOnly, unreadableIds } from './unreadable-interviews';

/** The interviews in SQLite: one row each plus joins, deliveries and reminder marks in their own tables. */
export interface InterviewRepository extends UnitOfWork {
  all(): Interview[];
  get(id: string): Interview | undefined;
  /** The interview whose Calendar event this is (the partial index on google_event_id): a sync looks each event up, never scans. */
  byGoogleEventId(eventId: string): Interview | undefined;
  /** Saves one interview (validated against the schema first: nothing malformed reaches the database). */
  put(interview: Interview): void;
  /** Saves many in one transaction. */
  putMany(interviews: Interview[]): void;
  /**
   * Records one person's delivery state and the interview's `updatedAt` without rewriting the
   * interview (the outbox does this for every message it hands over). False when there is no such interview.
   */
  setDelivery(id: string, recipient: DeliveryRecipient, delivery: RecipientState, updatedAt: string): boolean;
  /** Forgets one interview (a candidate removing their own copy); its joins, deliveries, marks and queue items go with it. */
  remove(id: string): void;
  /** Interviews made by these origins, by start time, at most `limit` (the candidate's home). */
  byOrigin(origins: Array<Interview['origin']>, limit: number): Interview[];
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
  /** Rows `offset`… of a schedule section (at most `limit`), in its order on the (start_ms, id) index. */
  schedulePage(window: ScheduleWindow, offset: number, limit: number): Interview[];
  /** How many interviews a schedule section holds (with its search). */
  scheduleCount(window: ScheduleWindow): number;
  /** The interviews among `ids` that exist and match `query` (a refresh of just what changed). */
  matching(ids: string[], query: string): Interview[];
  /** The next scheduled interview that has not ended at `nowMs`. */
  nextUnfinished(nowMs: number): Interview | undefined;
  /**
   * The earliest reminder moment after `nowMs` not yet recorded as handled, for these offsets (and
   * the candidate's 24-hour email): one query that walks the (status, start_ms) index per offset.
   */
  nextReminderAt(offsetsMinutes: number[], candidateEmail: boolean, nowMs: number): number | undefined;
  /** Whether search runs on the FTS5 index or on the normalised column. */
  readonly searchMode: SearchMode;
}

/**
 * A section of the schedule as the screen groups it: `upcoming` is today (in the recruiter's zone,
 * from `todayStartMs`) onwards plus anything still running, by start time; `past` the rest, newest first.
 */
export interface ScheduleWindow {
  section: 'upcoming' | 'past';
  query: string;
  todayStartMs: number;
  nowMs: number;
}

/**
 * Another place the schedule's search looks, beside names, emails and job titles (a feature's own
 * index, such as what was said in a transcript): an SQL condition on `interviews.id` for a search,
 * or none when it has nothing to say about this one. A row found either way is one row.
 */
export interface SearchSource {
  condition(query: string): { sql: string; param: string } | undefined;
}

/** The normalised text the schedule's name search reads for an interview (its `search` column). */
export function interviewSearchText(interview: Pick<Interview, 'candidate' | 'jobTitle'>): string {
  return searchText(interview.candidate.name, interview.candidate.email, interview.jobTitle);
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

/**
 * Creates the repository over the app database; `onUnreadable` hears how many records it cannot
 * read when a read finds another; `alsoSearch` adds where else the schedule's search looks.
 */
export function createInterviewRepository(
  db: Database,
  options: { onUnreadable?: (count: number) => void; alsoSearch?: SearchSource } = {},
): InterviewRepository {
  const searchMode: SearchMode = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'interviews_fts'").get()
    ? 'fts5'
    : 'column';
  // Parsed interviews by id, so a list does not re-parse and re-validate every row. Filled only by
  // reads outside a transaction (committed data), emptied for an id by every write to it: a write
  // that is rolled back leaves nothing stale behind. Main is the only writer, so nothing else can
  // change a row under it. Values are shared: callers treat interviews as immutable.
  const cache = new Map<string, Interview>();
  // The longest stored interview bounds the overlap search by start time (so it stays on the index);
  // read once, then raised by every write.
  let longest: number | undefined;
  const longestMs = () =>
    (longest ??= Math.max(
      8 * 3600_000,
      Number((db.prepare('SELECT max(end_ms - start_ms) AS d FROM interviews').get() as Row).d ?? 0),
    ));
  // Rows this version cannot read (see unreadable-interviews.ts): every query leaves them out, and
  // the condition is added only while there are any, so the usual queries stay as they are.
  const unreadable = unreadableIds(db);
  const readable = (alias = '') => (unreadable.size > 0 ? ` AND ${readableOnly(alias)}` : '');
  /** The interviews with these ids, in this order, from the cache or the database. */
  const load = (ids: string[]): Interview[] => {
    const missing = ids.filter((id) => !cache.has(id));
    const fresh = new Map<string, Interview>();
    if (missing.length > 0) {
      const rows = (
        missing.length > 500
          ? (db.prepare('SELECT id, record, reminders_armed_at FROM interviews').all() as Row[]).filter(
              (r) => !cache.has(String(r.id)),
            )
          : db
              .prepare(
                'SELECT id, record, reminders_armed_at FROM interviews WHERE id IN (SELECT value FROM json_each(?))',
              )
              .all(JSON.stringify(missing))
      ) as Row[];
      const read = assembleInterviews(db, rows);
      for (const interview of read.interviews) fresh.set(interview.id, interview);
      const found = read.unreadable.filter((r) => !unreadable.has(r.id));
      if (found.length > 0) {
        markUnreadable(db, found);
        for (const r of found) unreadable.add(r.id);
        options.onUnreadable?.(unreadable.size);
      }
      if (!db.inTransaction) for (const [id, interview] of fresh) cache.set(id, interview);
    }
    return ids.map((id) => cache.get(id) ?? fresh.get(id)).filter((i): i is Interview => i !== undefined);
  };
  const idsOf = (rows: unknown[]) => (rows as Row[]).map((r) => String(r.id));

  // How many rows each recent search matches in the full-text index (cheap to count there), emptied
  // by every write. A search matching thousands (a job title) is faster walked on the covering index
  // by start time, which stops at the page's end; a rarer one is faster looked up in the index.
  const matches = new Map<string, number>();
  const useFullText = (query: string) => {
    const fts = ftsQuery(query);
    if (searchMode !== 'fts5' || !fts) return false;
    if (matches.size > 100) matches.clear();
    let n = matches.get(fts);
    if (n === undefined)
      matches.set(
        fts,
        (n = Number(
          (db.prepare('SELECT count(*) AS n FROM interviews_fts WHERE interviews_fts MATCH ?').get(fts) as Row).n,
        )),
      );
    return n <= 2000;
  };
  /** The search's condition: names, emails and job titles, or (one row either way) what `alsoSearch` finds. */
  const searchWhere = (query: string, useIndex: boolean) => {
    const names = searchCondition(searchMode, query, useIndex);
    const also = names && options.alsoSearch?.condition(query);
    return names && also
      ? { sql: `(${names.sql} OR ${also.sql})`, params: [names.param, also.param] }
      : names && { sql: names.sql, params: [names.param] };
  };
  /** The WHERE clause and parameters of a schedule section (see `ScheduleWindow`), search included. */
  const sectionWhere = (window: ScheduleWindow) => {
    const search = searchWhere(window.query, useFullText(window.query));
    const section =
      window.section === 'upcoming'
        ? // Still running from an earlier day: started at most the longest interview ago.
          {
            sql: 'start_ms >= ? AND (start_ms >= ? OR end_ms > ?)',
            params: [Math.min(window.todayStartMs, window.nowMs - longestMs()), window.todayStartMs, window.nowMs],
          }
        : { sql: 'start_ms < ? AND end_ms <= ?', params: [window.todayStartMs, window.nowMs] };
    return {
      sql: `${section.sql}${search ? ` AND ${search.sql}` : ''}${readable()}`,
      params: [...section.params, ...(search?.params ?? [])],
    };
  };
  const scheduledPerOffset = () => `(SELECT i.start_ms - o.value * 60000 FROM interviews i
      WHERE i.status = 'scheduled' AND i.start_ms > ? + o.value * 60000 AND (i.origin = 'recruiter' OR o.channel = 'notification')
        AND NOT EXISTS (SELECT 1 FROM reminder_marks m WHERE m.interview_id = i.id AND m.key = o.channel || ':' || o.value || '@' || (i.record ->> '$.startUtc'))${readable('i.')}
      ORDER BY i.start_ms LIMIT 1)`;

  const write = (raw: Interview) => {
    const interview = interviewSchema.parse(raw);
    cache.delete(interview.id);
    matches.clear();
    const { invitations, joins, reminders, ...rest } = interview;
    // The deliveries table admits only the candidate and the recruiter (a CHECK): each co-interviewer's
    // state rides in the validated record instead, so panels need no schema step.
    const record: Stored & { panelDeliveries?: Interview['invitations']['panel'] } = {
      ...rest,
      ...(invitations.panel && Object.keys(invitations.panel).length ? { panelDeliveries: invitations.panel } : {}),
    };
    const startMs = Date.parse(interview.startUtc);
    if (longest !== undefined) longest = Math.max(longest, interview.durationMinutes * 60_000);
    db.prepare(
      `INSERT INTO interviews (id, start_ms, end_ms, status, origin, search, google_event_id, record, updated_ms, reminders_armed_at, job_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET start_ms = excluded.start_ms, end_ms = excluded.end_ms, status = excluded.status, origin = excluded.origin,
         search = excluded.search, google_event_id = excluded.google_event_id, record = excluded.record, updated_ms = excluded.updated_ms,
         reminders_armed_at = excluded.reminders_armed_at, job_title = excluded.job_title`,
    ).run(
      interview.id,
      startMs,
      startMs + interview.durationMinutes * 60_000,
      interview.status,
      interview.origin,
      interviewSearchText(interview),
      interview.google?.eventId ?? null,
      JSON.stringify(record),
      Date.parse(interview.updatedAt) || 0,
      reminders.armedAt ?? null,
      interview.jobTitle,
    );
    for (const table of ['joins', 'deliveries', 'reminder_marks'])
      db.prepare(`DELETE FROM ${table} WHERE interview_id = ?`).run(interview.id);
    joins.forEach((j, seq) =>
      db
        .prepare('INSERT INTO joins (interview_id, seq, joined_at, left_at, via) VALUES (?, ?, ?, ?, ?)')
        .run(interview.id, seq, j.joinedAt, j.leftAt ?? null, j.via),
    );
    for (const recipient of ['candidate', 'recruiter'] as const) {
      const d = invitations[recipient];
      if (d.state !== 'none' || d.kind || d.reason || d.at)
        db.prepare(
          'INSERT INTO deliveries (interview_id, recipient, state, kind, reason, at) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(interview.id, recipient, d.state, d.kind ?? null, d.reason ?? null, d.at ?? null);
    }
    for (const mark of reminders.sent)
      db.prepare('INSERT OR REPLACE INTO reminder_marks (interview_id, key, at) VALUES (?, ?, ?)').run(
        interview.id,
        mark.key,
        mark.at,
      );
  };

  return {
    transaction: (work) => db.transaction(work),
    afterCommit: (effect) => db.afterCommit(effect),
    all: () => load(idsOf(db.prepare(`SELECT id FROM interviews WHERE true${readable()} ORDER BY start_ms, id`).all())),
    get: (id) => load([id])[0],
    byOrigin: (origins, limit) =>
      load(
        idsOf(
          db
            .prepare(
              `SELECT id FROM interviews WHERE origin IN (${origins.map(() => '?').join(', ') || 'NULL'})${readable()} ORDER BY start_ms, id LIMIT ?`,
            )
            .all(...origins, limit),
        ),
      ),
    byGoogleEventId: (eventId) =>
      load(
        idsOf(db.prepare(`SELECT id FROM interviews WHERE google_event_id = ?${readable()} LIMIT 1`).all(eventId)),
      )[0],
    put: (interview) => db.transaction(() => write(interview)),
    setDelivery: (id, recipient, raw, updatedAt) =>
      db.transaction(() => {
        const delivery = recipientStateSchema.parse(raw);
        cache.delete(id);
        const updatedMs = Date.parse(updatedAt) || 0;
        // A co-interviewer's state rides in the record (see `write`): put in with RFC 7396 patches, the
        // address passed as a value, never spliced into a JSON path. The first patch removes the old
        // state (null deletes), so none of its fields (a failure's reason) outlives it; the second adds the new.
        const address = recipient.slice('panel:'.length);
        const touched = recipient.startsWith('panel:')
          ? db
              .prepare(
                "UPDATE interviews SET record = json_patch(json_patch(record, json_object('panelDeliveries', json_object(?, json('null')))), json_object('updatedAt', ?, 'panelDeliveries', json_object(?, json(?)))), updated_ms = ? WHERE id = ?",
              )
              .run(address, updatedAt, address, JSON.stringify(delivery), updatedMs, id)
          : db
              .prepare("UPDATE interviews SET record = json_set(record, '$.updatedAt', ?), updated_ms = ? WHERE id = ?")
              .run(updatedAt, updatedMs, id);
        if (Number(touched.changes) === 0) return false;
        if (recipient === 'candidate' || recipient === 'recruiter') {
          if (delivery.state === 'none' && !delivery.kind && !delivery.reason && !delivery.at)
            db.prepare('DELETE FROM deliveries WHERE interview_id = ? AND recipient = ?').run(id, recipient);
          else
            db.prepare(
              `INSERT INTO deliveries (interview_id, recipient, state, kind, reason, at) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (interview_id, recipient) DO UPDATE SET state = excluded.state, kind = excluded.kind, reason = excluded.reason, at = excluded.at`,
            ).run(id, recipient, delivery.state, delivery.kind ?? null, delivery.reason ?? null, delivery.at ?? null);
        }
        return true;
      }),
    putMany: (interviews) => db.transaction(() => interviews.forEach(write)),
    remove: (id) =>
      db.transaction(() => {
        cache.delete(id);
        matches.clear();
        // Child rows and queue items follow through ON DELETE CASCADE (foreign keys are on).
        db.prepare('DELETE FROM interviews WHERE id = ?').run(id);
      }),
    overlapping: (fromMs, toMs, excludeId) =>
      load(
        idsOf(
          db
            .prepare(
              `SELECT id FROM interviews WHERE status = 'scheduled' AND start_ms > ? AND start_ms < ? AND end_ms > ? AND id IS NOT ?${readable()} ORDER BY start_ms, id`,
            )
            .all(fromMs - longestMs(), toMs, fromMs, excludeId ?? null),
        ),
      ),
    startingBetween: (fromMs, toMs, limit = -1) =>
      load(
        idsOf(
          db
            .prepare(
              `SELECT id FROM interviews WHERE start_ms >= ? AND start_ms < ?${readable()} ORDER BY start_ms, id LIMIT ?`,
            )
            .all(fromMs, toMs, limit),
        ),
      ),
    timingsBetween: (fromMs, toMs) =>
      (
        db
          .prepare(
            `SELECT id, status, origin, record ->> '$.startUtc' AS start_utc, record ->> '$.createdAt' AS created_at, reminders_armed_at,
               (SELECT json_group_array(key) FROM reminder_marks WHERE interview_id = id) AS sent,
               (SELECT at FROM deliveries WHERE interview_id = id AND recipient = 'candidate') AS candidate_at
             FROM interviews WHERE start_ms >= ? AND start_ms < ?${readable()} ORDER BY start_ms, id`,
          )
          .all(fromMs, toMs) as Row[]
      ).map((r) => ({
        id: String(r.id),
        status: r.status === 'cancelled' ? 'cancelled' : 'scheduled',
        startUtc: String(r.start_utc),
        origin: r.origin === 'candidate' || r.origin === 'panelist' ? r.origin : 'recruiter',
        createdAt: String(r.created_at),
        reminders: {
          sent: (JSON.parse(String(r.sent)) as string[]).map((key) => ({ key })),
          ...(r.reminders_armed_at != null ? { armedAt: String(r.reminders_armed_at) } : {}),
        },
        invitations: { candidate: r.candidate_at != null ? { at: String(r.candidate_at) } : {} },
      })),
    count: () => Number((db.prepare(`SELECT count(*) AS n FROM interviews WHERE true${readable()}`).get() as Row).n),
    schedulePage(window, offset, limit) {
      const where = sectionWhere(window);
      const order = window.section === 'upcoming' ? 'ASC' : 'DESC';
      // An offset, not a cursor: the screen jumps anywhere in the list (the scrollbar); skipping
      // rows walks the covering index, not the records.
      const sql = `SELECT id FROM interviews WHERE ${where.sql} ORDER BY start_ms ${order}, id ${order} LIMIT ? OFFSET ?`;
      return load(idsOf(db.prepare(sql).all(...where.params, limit, offset)));
    },
    scheduleCount(window) {
      const where = sectionWhere(window);
      return Number(
        (db.prepare(`SELECT count(*) AS n FROM interviews WHERE ${where.sql}`).get(...where.params) as Row).n,
      );
    },
    matching(ids, query) {
      const search = searchWhere(query, true);
      const sql = `SELECT id FROM interviews WHERE id IN (SELECT value FROM json_each(?))${search ? ` AND ${search.sql}` : ''}${readable()} ORDER BY start_ms, id`;
      return load(idsOf(db.prepare(sql).all(JSON.stringify(ids), ...(search?.params ?? []))));
    },
    nextUnfinished: (nowMs) =>
      load(
        idsOf(
          db
            .prepare(
              `SELECT id FROM interviews WHERE status = 'scheduled' AND start_ms > ? AND end_ms > ?${readable()} ORDER BY start_ms, id LIMIT 1`,
            )
            .all(nowMs - longestMs(), nowMs),
        ),
      )[0],
    nextReminderAt(offsetsMinutes, candidateEmail, nowMs) {
      const moments = [...new Set(offsetsMinutes)].map((value) => ({ channel: 'notification', value }));
      if (candidateEmail) moments.push({ channel: 'email', value: 1440 });
      if (moments.length === 0) return undefined;
      const row = db
        .prepare(
          `SELECT min(${scheduledPerOffset()}) AS due FROM (SELECT value ->> '$.channel' AS channel, value ->> '$.value' AS value FROM json_each(?)) AS o`,
        )
        .get(nowMs, JSON.stringify(moments)) as Row;
      return row.due == null ? undefined : Number(row.due);
    },
    searchMode,
  };
}

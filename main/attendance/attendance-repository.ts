/**
 * Google Meet attendance in SQLite, per interview: the conference records that belong to it, their
 * participants and sessions, and where fetching stands (fetched and final, to fetch again, blocked
 * until the Meet scope is granted, or failed for good with the reason). Only what Meet returned is
 * kept: resource names, display names, Meet's `users/…` ids and join/leave instants. What was read
 * for an interview's earlier time or link, or before it was cancelled, is deleted in the same
 * transaction as that change (a trigger, whoever writes the interview), and `forget` deletes what
 * is past the retention period.
 */
import type { Database } from '../database/database';
import { forgetOnMeetingChange, meetFetchRows, meetReadableSql, readSubjectSql } from './meet-fetch-bookkeeping';
import type { ConferenceAttendance, MeetParticipant, ParticipantIdentity } from './meet-records';

/** Where fetching one interview's attendance stands. */
export interface AttendanceFetchState {
  /** fetched: stored (again later unless final); retry: a passing failure; blocked: needs the Meet scope or a reconnect; failed: Google will not give it. */
  state: 'fetched' | 'retry' | 'blocked' | 'failed';
  /** Nothing about it can change any more (every conference ended and the window passed). */
  final: boolean;
  attempts: number;
  /** Not before this instant (ms) is it fetched again. */
  nextMs: number;
  fetchedMs?: number;
  reason?: string;
}

/** A fetch state as read back: `current` is false once the interview's time or Meet link changed since (what was read is then about another meeting). */
export type StoredFetchState = AttendanceFetchState & { current: boolean };

/** An interview due for a fetch: what the job needs without parsing its record. */
export interface DueInterview {
  id: string;
  endMs: number;
}

/** The attendance tables. */
export interface AttendanceRepository {
  /** Replaces what is stored for `interviewId` with these conferences (one transaction). */
  save(interviewId: string, conferences: ConferenceAttendance[]): void;
  /** The stored conferences of an interview, oldest first, with participants and sessions. */
  conferences(interviewId: string): ConferenceAttendance[];
  fetchState(interviewId: string): StoredFetchState | undefined;
  setFetchState(interviewId: string, state: AttendanceFetchState): void;
  /** Interviews with a Meet link that ended in [sinceMs, now] whose attendance is not final and whose turn has come, most recent first. */
  due(now: number, sinceMs: number, limit: number): DueInterview[];
  /** The earliest moment after `now` something becomes due: an interview's end or a postponed fetch. */
  nextDueAfter(now: number): number | undefined;
  /** Blocked interviews become due at once (the scope was granted, the account reconnected). */
  unblock(): void;
  /** The interviews starting in [fromMs, toMs) that Meet was read for (or tried): all Analytics needs to load. */
  readBetween(fromMs: number, toMs: number): string[];
  /** Deletes everything read from Meet for interviews that ended before `endedBeforeMs`, or whose time or link changed or that were cancelled since; answers their ids. */
  forget(endedBeforeMs: number): string[];
}

type Row = Record<string, unknown>;
const text = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));

/** Creates the repository over the app database. */
export function createAttendanceRepository(db: Database): AttendanceRepository {
  const identityOf = (r: Row): ParticipantIdentity => {
    const displayName = String(r.display_name);
    if (r.kind === 'signedin' && r.user) return { kind: 'signedin', user: String(r.user), displayName };
    return { kind: r.kind === 'phone' ? 'phone' : 'anonymous', displayName };
  };
  // What was read for the interview's earlier time or link, or before it was cancelled, is about another meeting.
  forgetOnMeetingChange(db, 'attendance_forget_on_change', ['attendance_conferences', 'attendance_fetch'], {
    onStatusChange: true,
  });
  // Where reading stands, keyed to the time and link it was for (one bookkeeping with Meet's artifacts).
  const fetchRows = meetFetchRows(db, 'attendance_fetch');
  return {
    save(interviewId, conferences) {
      db.transaction(() => {
        db.prepare('DELETE FROM attendance_conferences WHERE interview_id = ?').run(interviewId);
        for (const { record, participants } of conferences) {
          db.prepare(
            'INSERT INTO attendance_conferences (interview_id, name, start_time, end_time, space) VALUES (?, ?, ?, ?, ?)',
          ).run(interviewId, record.name, record.startTime, record.endTime ?? null, record.space ?? null);
          for (const { participant: p, sessions } of participants) {
            db.prepare(
              'INSERT OR REPLACE INTO attendance_participants (interview_id, conference, name, kind, user, display_name, earliest_start_time, latest_end_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            ).run(
              interviewId,
              record.name,
              p.name,
              p.identity.kind,
              p.identity.kind === 'signedin' ? p.identity.user : null,
              p.identity.displayName,
              p.earliestStartTime ?? null,
              p.latestEndTime ?? null,
            );
            for (const s of sessions) {
              db.prepare(
                'INSERT OR REPLACE INTO attendance_sessions (interview_id, participant, name, start_time, end_time) VALUES (?, ?, ?, ?, ?)',
              ).run(interviewId, p.name, s.name, s.startTime, s.endTime ?? null);
            }
          }
        }
      });
    },
    conferences(interviewId) {
      const records = db
        .prepare('SELECT * FROM attendance_conferences WHERE interview_id = ? ORDER BY start_time')
        .all(interviewId) as Row[];
      if (records.length === 0) return [];
      const participants = db
        .prepare('SELECT * FROM attendance_participants WHERE interview_id = ? ORDER BY earliest_start_time, name')
        .all(interviewId) as Row[];
      const sessions = db
        .prepare('SELECT * FROM attendance_sessions WHERE interview_id = ? ORDER BY start_time, name')
        .all(interviewId) as Row[];
      return records.map((r) => ({
        record: {
          name: String(r.name),
          startTime: String(r.start_time),
          ...(r.end_time ? { endTime: String(r.end_time) } : {}),
          ...(r.space ? { space: String(r.space) } : {}),
        },
        participants: participants
          .filter((p) => p.conference === r.name)
          .map((p) => {
            const participant: MeetParticipant = {
              name: String(p.name),
              identity: identityOf(p),
              ...(p.earliest_start_time ? { earliestStartTime: String(p.earliest_start_time) } : {}),
              ...(p.latest_end_time ? { latestEndTime: String(p.latest_end_time) } : {}),
            };
            return {
              participant,
              sessions: sessions
                .filter((s) => s.participant === p.name)
                .map((s) => ({
                  name: String(s.name),
                  startTime: String(s.start_time),
                  ...(s.end_time ? { endTime: String(s.end_time) } : {}),
                })),
            };
          }),
      }));
    },
    fetchState(interviewId) {
      const read = fetchRows.read(interviewId);
      if (!read) return undefined;
      const { row: r, current } = read;
      const fetchedMs = r.fetched_ms === null ? undefined : Number(r.fetched_ms);
      const reason = text(r.reason);
      return {
        state: r.state as AttendanceFetchState['state'],
        final: r.final === 1,
        attempts: Number(r.attempts),
        nextMs: Number(r.next_ms),
        ...(fetchedMs !== undefined ? { fetchedMs } : {}),
        ...(reason !== undefined ? { reason } : {}),
        current,
      };
    },
    setFetchState(interviewId, s) {
      fetchRows.write(interviewId, {
        state: s.state,
        final: s.final ? 1 : 0,
        attempts: s.attempts,
        next_ms: s.nextMs,
        fetched_ms: s.fetchedMs ?? null,
        reason: s.reason ?? null,
      });
    },
    due(now, sinceMs, limit) {
      const rows = db
        .prepare(
          `SELECT i.id, i.end_ms FROM interviews i LEFT JOIN attendance_fetch f ON f.interview_id = i.id
           WHERE ${meetReadableSql} AND i.end_ms <= ? AND i.end_ms >= ?
             AND (f.interview_id IS NULL OR f.fetched_for != ${readSubjectSql('i')} OR (f.final = 0 AND f.state != 'failed' AND f.next_ms <= ?))
           ORDER BY i.end_ms DESC LIMIT ?`,
        )
        .all(now, sinceMs, now, limit) as Row[];
      return rows.map((r) => ({ id: String(r.id), endMs: Number(r.end_ms) }));
    },
    nextDueAfter(now) {
      const end = db
        .prepare(
          `SELECT i.end_ms AS at FROM interviews i WHERE ${meetReadableSql} AND i.end_ms > ? ORDER BY i.end_ms LIMIT 1`,
        )
        .get(now) as Row | undefined;
      const retry = db
        .prepare(
          "SELECT min(next_ms) AS at FROM attendance_fetch WHERE final = 0 AND state != 'failed' AND next_ms > ?",
        )
        .get(now) as Row;
      const times = [end?.at, retry.at].filter((v) => v !== null && v !== undefined).map(Number);
      return times.length ? Math.min(...times) : undefined;
    },
    unblock() {
      db.prepare("UPDATE attendance_fetch SET next_ms = 0 WHERE state = 'blocked'").run();
    },
    readBetween(fromMs, toMs) {
      const rows = db
        .prepare(
          'SELECT f.interview_id FROM attendance_fetch f JOIN interviews i ON i.id = f.interview_id WHERE i.start_ms >= ? AND i.start_ms < ?',
        )
        .all(fromMs, toMs) as Row[];
      return rows.map((r) => String(r.interview_id));
    },
    forget(endedBeforeMs) {
      return db.transaction(() => {
        const rows = db
          .prepare(
            `SELECT i.id FROM interviews i WHERE i.id IN (SELECT interview_id FROM attendance_fetch UNION SELECT interview_id FROM attendance_conferences)
               AND (i.end_ms < ? OR i.status != 'scheduled' OR NOT ${fetchRows.readForNowSql})`,
          )
          .all(endedBeforeMs) as Row[];
        const ids = rows.map((r) => String(r.id));
        const list = JSON.stringify(ids);
        // Participants and sessions go with their conference (ON DELETE CASCADE).
        db.prepare('DELETE FROM attendance_conferences WHERE interview_id IN (SELECT value FROM json_each(?))').run(
          list,
        );
        db.prepare('DELETE FROM attendance_fetch WHERE interview_id IN (SELECT value FROM json_each(?))').run(list);
        return ids;
      });
    },
  };
}

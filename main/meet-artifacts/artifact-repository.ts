/**
 * Meet's artifacts in SQLite, per interview: the transcripts, recordings and notes found (links only),
 * the transcript entries (ours to keep: Google deletes them 30 days after the call), and where reading
 * stands. What was read for an interview's earlier time or Meet link is deleted in the same
 * transaction as that change (a trigger, whoever writes the interview); `forget` deletes what is past
 * the retention period. Entries are inserted, never replaced: the transcript search index is kept by
 * triggers that must see every change.
 */
import type { ArtifactsReason } from '../../preload/shared/contract/transcript-schema';
import type { Database } from '../database/database';
import {
  forgetOnMeetingChange,
  meetFetchRows,
  meetReadableSql,
  readSubjectSql,
} from '../attendance/meet-fetch-bookkeeping';
import type { MeetArtifact } from './artifact-records';
import { firstLookMs } from './artifact-schedule';

/** Where reading one interview's artifacts stands. */
export interface ArtifactFetchState {
  state: 'waiting' | 'complete' | 'nothing' | 'gave_up' | 'blocked' | 'failed' | 'expired';
  reason?: ArtifactsReason;
  /** Failed looks in a row (Meet unreachable or busy). */
  attempts: number;
  /** Not before this instant (ms) is Meet looked at again; 0 when no look is planned. */
  nextMs: number;
  checkedMs?: number;
  /** The call's end the schedule counts from. */
  endedMs?: number;
  /** When Google deletes the record. */
  expireMs?: number;
  /** False once Meet answered 403/404 for Gemini's notes. */
  notesOffered: boolean;
}

/** A state as read back: `current` is false once the interview's time or Meet link changed since. */
export type StoredArtifactFetch = ArtifactFetchState & { current: boolean };

/** A transcript entry as stored: its speaker already named. */
export interface StoredEntry {
  transcript: string;
  name: string;
  speaker: string;
  text: string;
  languageCode?: string;
  startTime: string;
  endTime?: string;
}

/** An artifact as stored, and whether its entries (a transcript's) were read. */
export type StoredArtifact = MeetArtifact & { entriesRead: boolean };

/** The artifact tables. */
export interface ArtifactRepository {
  /** Stores one look in one transaction: the artifacts found (others dropped), new entries, the state. */
  saveLook(interviewId: string, artifacts: MeetArtifact[], entries: StoredEntry[], state: ArtifactFetchState): void;
  artifacts(interviewId: string): StoredArtifact[];
  /** The stored entries, in the order they were said. */
  entries(interviewId: string): StoredEntry[];
  /** How many entries are stored (what a look may still add is counted from it). */
  entryCount(interviewId: string): number;
  fetchState(interviewId: string): StoredArtifactFetch | undefined;
  setFetchState(interviewId: string, state: ArtifactFetchState): void;
  /** Interviews whose call ended in [sinceMs, now − first look] and whose turn has come, most recent first. */
  due(now: number, sinceMs: number, limit: number): string[];
  /** The earliest moment after `now` something becomes due. */
  nextDueAfter(now: number): number | undefined;
  /** Blocked interviews become due at once (the scope was granted, the account reconnected). */
  unblock(): void;
  /**
   * Deletes everything read from Meet for interviews that ended before `endedBeforeMs` (the retention
   * period), or read for an earlier time or link of the interview; answers their ids.
   */
  forget(endedBeforeMs: number): string[];
}

type Row = Record<string, unknown>;
const text = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const int = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));

/** Creates the repository over the app database. */
export function createArtifactRepository(db: Database): ArtifactRepository {
  // What was read for the interview's earlier time or link is about another meeting (the same key attendance uses).
  forgetOnMeetingChange(
    db,
    'meet_artifacts_forget_on_change',
    ['transcript_entries', 'meet_artifacts', 'artifact_fetch'],
    { onStatusChange: false },
  );
  // Where reading stands, keyed to the time and link it was for (one bookkeeping with attendance).
  const fetchRows = meetFetchRows(db, 'artifact_fetch');
  const kindOf = (k: unknown): MeetArtifact['kind'] =>
    k === 'recording' ? 'recording' : k === 'smart_notes' ? 'smart_notes' : 'transcript';

  const setFetchState = (interviewId: string, s: ArtifactFetchState) =>
    fetchRows.write(interviewId, {
      state: s.state,
      attempts: s.attempts,
      next_ms: s.nextMs,
      checked_ms: s.checkedMs ?? null,
      ended_ms: s.endedMs ?? null,
      expire_ms: s.expireMs ?? null,
      reason: s.reason ?? null,
      notes_offered: s.notesOffered ? 1 : 0,
    });

  return {
    saveLook(interviewId, artifacts, entries, state) {
      db.transaction(() => {
        const read = new Set(entries.map((e) => e.transcript));
        const names = JSON.stringify(artifacts.map((a) => a.name));
        db.prepare(
          'DELETE FROM meet_artifacts WHERE interview_id = ? AND name NOT IN (SELECT value FROM json_each(?))',
        ).run(interviewId, names);
        for (const a of artifacts) {
          db.prepare(
            `INSERT INTO meet_artifacts (interview_id, name, kind, state, export_uri, start_time, end_time, entries_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (interview_id, name) DO UPDATE SET state = excluded.state, export_uri = excluded.export_uri,
               start_time = excluded.start_time, end_time = excluded.end_time,
               entries_ms = coalesce(meet_artifacts.entries_ms, excluded.entries_ms)`,
          ).run(
            interviewId,
            a.name,
            a.kind,
            a.state,
            a.exportUri ?? null,
            a.startTime ?? null,
            a.endTime ?? null,
            read.has(a.name) ? (state.checkedMs ?? 0) : null,
          );
        }
        for (const e of entries) {
          db.prepare(
            `INSERT INTO transcript_entries (interview_id, transcript, name, speaker, text, language_code, start_time, end_time)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (interview_id, name) DO NOTHING`,
          ).run(
            interviewId,
            e.transcript,
            e.name,
            e.speaker,
            e.text,
            e.languageCode ?? null,
            e.startTime,
            e.endTime ?? null,
          );
        }
        setFetchState(interviewId, state);
      });
    },
    artifacts(interviewId) {
      const rows = db
        .prepare(
          `SELECT * FROM meet_artifacts WHERE interview_id = ?
           ORDER BY CASE kind WHEN 'transcript' THEN 0 WHEN 'recording' THEN 1 ELSE 2 END, start_time, name`,
        )
        .all(interviewId) as Row[];
      return rows.map((r) => {
        const exportUri = text(r.export_uri);
        const startTime = text(r.start_time);
        const endTime = text(r.end_time);
        return {
          name: String(r.name),
          kind: kindOf(r.kind),
          state: String(r.state) as MeetArtifact['state'],
          ...(exportUri ? { exportUri } : {}),
          ...(startTime ? { startTime } : {}),
          ...(endTime ? { endTime } : {}),
          entriesRead: r.entries_ms !== null,
        };
      });
    },
    entryCount(interviewId) {
      const row = db.prepare('SELECT count(*) AS n FROM transcript_entries WHERE interview_id = ?').get(interviewId);
      return Number(row?.n ?? 0);
    },
    entries(interviewId) {
      const rows = db
        .prepare('SELECT * FROM transcript_entries WHERE interview_id = ? ORDER BY start_time, id')
        .all(interviewId) as Row[];
      return rows.map((r) => {
        const languageCode = text(r.language_code);
        const endTime = text(r.end_time);
        return {
          transcript: String(r.transcript),
          name: String(r.name),
          speaker: String(r.speaker),
          text: String(r.text),
          startTime: String(r.start_time),
          ...(languageCode ? { languageCode } : {}),
          ...(endTime ? { endTime } : {}),
        };
      });
    },
    fetchState(interviewId) {
      const read = fetchRows.read(interviewId);
      if (!read) return undefined;
      const { row: r, current } = read;
      const reason = text(r.reason) as ArtifactsReason | undefined;
      const checkedMs = int(r.checked_ms);
      const endedMs = int(r.ended_ms);
      const expireMs = int(r.expire_ms);
      return {
        state: r.state as ArtifactFetchState['state'],
        attempts: Number(r.attempts),
        nextMs: Number(r.next_ms),
        notesOffered: r.notes_offered === 1,
        ...(reason ? { reason } : {}),
        ...(checkedMs !== undefined ? { checkedMs } : {}),
        ...(endedMs !== undefined ? { endedMs } : {}),
        ...(expireMs !== undefined ? { expireMs } : {}),
        current,
      };
    },
    setFetchState,
    due(now, sinceMs, limit) {
      const rows = db
        .prepare(
          `SELECT i.id FROM interviews i LEFT JOIN artifact_fetch f ON f.interview_id = i.id
           WHERE ${meetReadableSql} AND i.end_ms <= ? AND i.end_ms >= ?
             AND (f.interview_id IS NULL OR f.fetched_for != ${readSubjectSql('i')} OR (f.state IN ('waiting', 'blocked') AND f.next_ms <= ?))
           ORDER BY i.end_ms DESC LIMIT ?`,
        )
        .all(now - firstLookMs, sinceMs, now, limit) as Row[];
      return rows.map((r) => String(r.id));
    },
    nextDueAfter(now) {
      const end = db
        .prepare(
          `SELECT i.end_ms AS at FROM interviews i WHERE ${meetReadableSql} AND i.end_ms > ?
             AND NOT EXISTS (SELECT 1 FROM artifact_fetch f WHERE f.interview_id = i.id)
           ORDER BY i.end_ms LIMIT 1`,
        )
        .get(now - firstLookMs) as Row | undefined;
      const again = db
        .prepare("SELECT min(next_ms) AS at FROM artifact_fetch WHERE state = 'waiting' AND next_ms > ?")
        .get(now) as Row;
      const times = [
        end?.at === null || end?.at === undefined ? undefined : Number(end.at) + firstLookMs,
        again.at === null ? undefined : Number(again.at),
      ].filter((v): v is number => v !== undefined);
      return times.length ? Math.min(...times) : undefined;
    },
    unblock() {
      db.prepare("UPDATE artifact_fetch SET next_ms = 0 WHERE state = 'blocked'").run();
    },
    forget(endedBeforeMs) {
      return db.transaction(() => {
        const rows = db
          .prepare(
            `SELECT i.id FROM interviews i
             WHERE i.id IN (SELECT interview_id FROM artifact_fetch UNION SELECT interview_id FROM meet_artifacts
                            UNION SELECT interview_id FROM transcript_entries)
               AND (i.end_ms < ? OR NOT ${fetchRows.readForNowSql})`,
          )
          .all(endedBeforeMs) as Row[];
        const ids = JSON.stringify(rows.map((r) => String(r.id)));
        for (const table of ['transcript_entries', 'meet_artifacts', 'artifact_fetch'])
          db.prepare(`DELETE FROM ${table} WHERE interview_id IN (SELECT value FROM json_each(?))`).run(ids);
        return rows.map((r) => String(r.id));
      });
    },
  };
}

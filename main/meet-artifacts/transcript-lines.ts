import type { TranscriptLine, TranscriptPage } from '../../preload/shared/contract/transcript-schema';
import type { Database } from '../database/database';
import { findsWordsOnly } from '../../preload/shared/rules/transcript-find-mode';
import { lineHolds } from './transcript-lines-query';

/** An interview's stored transcript, a page at a time. */
export interface TranscriptLines {
  /** Every line kept for the interview. */
  total(interviewId: string): number;
  /**
   * Up to `size` lines in the order said, after the line `after` (its `seq`) and, with `query`, only
   * those that hold it; `count` is over the whole interview, and left out on a later page of a search.
   */
  page(
    interviewId: string,
    ask: { query?: string | undefined; after?: number | undefined },
    size: number,
  ): TranscriptPage;
}

type Row = {
  id: number;
  speaker: string;
  text: string;
  language_code: string | null;
  start_time: string;
  end_time: string | null;
};

const lineOf = (r: Row): TranscriptLine => ({
  seq: Number(r.id),
  speaker: r.speaker,
  text: r.text,
  start: r.start_time,
  ...(r.language_code ? { languageCode: r.language_code } : {}),
  ...(r.end_time ? { end: r.end_time } : {}),
});

/**
 * Reads pages of the stored entries with SQL: a page walks the index in the order said and stops
 * after `size` lines; a search is counted by SQLite over the interview's entries, so a transcript of
 * 20,000 long lines never passes through JavaScript whole. SQLite runs on main's thread: a long
 * transcript is searched through the word index (`findsWordsOnly`), never read whole per key.
 */
export function createTranscriptLines(
  db: Database,
  /** Whether the word index is there: the schedule's transcript search builds it at start (without FTS5, find uses LIKE alone). */
  words: boolean,
): TranscriptLines {
  const total = (interviewId: string) =>
    Number(
      (
        db.prepare('SELECT count(*) AS n FROM transcript_entries WHERE interview_id = ?').get(interviewId) as {
          n: number;
        }
      ).n,
    );
  /** The interview's range of entry ids (its entries are written together), for the word index. */
  const band = (interviewId: string) => {
    if (!words) return undefined;
    const r = db
      .prepare('SELECT min(id) AS low, max(id) AS high FROM transcript_entries WHERE interview_id = ?')
      .get(interviewId) as { low: number | null; high: number | null };
    return r.low === null || r.high === null ? undefined : { low: Number(r.low), high: Number(r.high) };
  };
  /** The names of the interview's speakers (a few), matched in JavaScript: SQLite folds no accents. */
  const speakers = (interviewId: string) =>
    (
      db.prepare('SELECT DISTINCT speaker FROM transcript_entries WHERE interview_id = ?').all(interviewId) as {
        speaker: string;
      }[]
    ).map((r) => r.speaker);
  return {
    total,
    page(interviewId, ask, size) {
      const all = total(interviewId);
      const query = all > 0 ? ask.query : undefined;
      // Read only for a search: a plain page needs neither the id range nor the speakers.
      const range = query !== undefined ? band(interviewId) : undefined;
      const wordsOnly = findsWordsOnly(all);
      const holds = query !== undefined ? lineHolds(query, range, wordsOnly, speakers(interviewId)) : undefined;
      // Words and speakers only: a long transcript, when the word index is there to read it.
      const how = holds && range !== undefined && wordsOnly ? { byWords: true as const } : {};
      const where = holds ? ` AND ${holds.sql}` : '';
      const params = holds?.params ?? [];
      // After a line: the lines said later, or at the same time and stored after it (the order shown).
      const after =
        ask.after === undefined
          ? ''
          : ' AND (start_time, id) > (SELECT start_time, id FROM transcript_entries WHERE id = ? AND interview_id = ?)';
      const afterParams = ask.after === undefined ? [] : [ask.after, interviewId];
      const rows = db
        .prepare(
          `SELECT id, speaker, text, language_code, start_time, end_time FROM transcript_entries
           WHERE interview_id = ?${where}${after} ORDER BY start_time, id LIMIT ?`,
        )
        .all(interviewId, ...params, ...afterParams, size + 1) as Row[];
      const lines = rows.slice(0, size).map(lineOf);
      const more = rows.length > size;
      if (!holds) return { lines, count: all, total: all, more };
      // A later page of a search is not counted again (the room keeps the first page's count); a
      // first page that holds every match is its own count. Only a first page with more after it
      // reads the interview again to count: a search finding few lines is read once.
      if (ask.after !== undefined) return { lines, total: all, more, ...how };
      const count = more
        ? Number(
            (
              db
                .prepare(`SELECT count(*) AS n FROM transcript_entries WHERE interview_id = ?${where}`)
                .get(interviewId, ...params) as { n: number }
            ).n,
          )
        : lines.length;
      return { lines, count, total: all, more, ...how };
    },
  };
}

import type { SpokenLine } from '../../preload/shared/contract/ipc-contract';
import type { Database } from '../database/database';
import type { SearchSource } from '../database/interview-repository';
import { ensureFullTextIndex } from '../database/search-index';
import { transcriptSearchIndex } from './transcript-search-index';
import { spokenLine } from './transcript-search-line';
import { spokenQuery } from './transcript-search-query';

/** The schedule's search through what was said in the interviews' transcripts. */
export interface TranscriptSearch extends SearchSource {
  /** False on a build of SQLite without FTS5: the schedule then searches names, emails and jobs only. */
  readonly available: boolean;
  /** The first line (by time said) holding the search, for each of these interviews whose transcript holds it. */
  lines(interviewIds: string[], query: string): Map<string, SpokenLine>;
}

type Said = { interview_id: string; speaker: string; text: string };
/** Which interviews said a search (a JSON array of ids), in how many entries, as of `changes`. */
type Saying = { changes: number; ids: string; entries: number };

/**
 * Builds (or repairs) the transcript index when the app starts (see `ensureFullTextIndex`) and
 * answers the schedule's search from it: an interview is found through the entries whose text
 * matches, and its line is the earliest of them.
 */
export function createTranscriptSearch(
  db: Database,
  /** Up to this many matching entries in all, lines are read from all of them; beyond, within a page's span. */
  { fewEntries = 5000 }: { fewEntries?: number } = {},
): TranscriptSearch {
  const available = ensureFullTextIndex(db, transcriptSearchIndex);
  const query = (text: string) => (available ? spokenQuery(text) : undefined);
  // Which interviews said a search, by its FTS5 query: opening a search asks for each section's page
  // and size, and scrolling for more pages, so the index is read once per search, not per question.
  // Kept while the connection has written nothing since (`total_changes()`: main is the only writer).
  const saying = new Map<string, Saying>();
  const interviewsSaying = (match: string): Saying => {
    const changes = Number((db.prepare('SELECT total_changes() AS n').get() as { n: number }).n);
    const known = saying.get(match);
    if (known?.changes === changes) return known;
    if (saying.size >= 20) saying.clear();
    const found = db
      .prepare(
        `SELECT json_group_array(DISTINCT interview_id) AS ids, count(*) AS entries FROM transcript_entries
         WHERE id IN (SELECT rowid FROM transcript_fts WHERE transcript_fts MATCH ?)`,
      )
      .get(match) as { ids: string; entries: number };
    const entry = { changes, ids: found.ids, entries: Number(found.entries) };
    saying.set(match, entry);
    return entry;
  };
  return {
    available,
    condition(text) {
      const match = query(text);
      return match ? { sql: 'id IN (SELECT value FROM json_each(?))', param: interviewsSaying(match).ids } : undefined;
    },
    lines(interviewIds, text) {
      const found = new Map<string, SpokenLine>();
      const match = query(text);
      if (!match || interviewIds.length === 0) return found;
      const ids = JSON.stringify([...new Set(interviewIds)]);
      // CROSS JOIN keeps the index as the outer loop: the other way round would run the match once per entry.
      const said = `SELECT e.interview_id, e.speaker, e.text FROM transcript_fts CROSS JOIN transcript_entries e ON e.id = transcript_fts.rowid
         WHERE transcript_fts MATCH ? AND e.interview_id IN (SELECT value FROM json_each(?))`;
      const order = 'ORDER BY e.interview_id, e.start_time, e.id';
      let rows: Said[];
      if (interviewsSaying(match).entries <= fewEntries)
        rows = db.prepare(`${said} ${order}`).all(match, ids) as Said[];
      else {
        // Said in many entries: the index is read within the span of these interviews' entry ids
        // only (their entries were mostly written together), not through the whole database.
        const span = db
          .prepare(
            'SELECT min(id) AS low, max(id) AS high FROM transcript_entries WHERE interview_id IN (SELECT value FROM json_each(?))',
          )
          .get(ids) as { low: number | null; high: number | null };
        if (span.low === null || span.high === null) return found;
        rows = db
          .prepare(`${said} AND transcript_fts.rowid BETWEEN ? AND ? ${order}`)
          .all(match, ids, span.low, span.high) as Said[];
      }
      for (const row of rows)
        if (!found.has(row.interview_id)) found.set(row.interview_id, spokenLine(row.speaker, row.text, text));
      return found;
    },
  };
}

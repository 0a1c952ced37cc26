import type { SpokenLine } from '../../preload/shared/contract/ipc-contract';
import type { Database } from '../database/database';
import type { SearchSource } from '../database/interview-repository';
import { ensureFullTextIndex } from '../database/search-index';
import { transcriptSearchIndex } from './transcript-search-index';
import { matchClose, matchOpen, spokenLine } from './transcript-search-line';
import { spokenQuery } from './transcript-search-query';

/** The schedule's search through what was said in the interviews' transcripts. */
export interface TranscriptSearch extends SearchSource {
  /** False on a build of SQLite without FTS5: the schedule then searches names, emails and jobs only. */
  readonly available: boolean;
  /** The first line (by time said) holding the search, for each of these interviews whose transcript holds it. */
  lines(interviewIds: string[], query: string): Map<string, SpokenLine>;
}

type Span = { low: number | null; high: number | null };
type FirstMatch = { id: number; speaker: string };

/**
 * Builds (or repairs) the transcript index when the app starts (see `ensureFullTextIndex`) and
 * answers the schedule's search from it. Every query is bound to the index's own words: an
 * interview is found through the entries whose text matches, its line is the earliest of them.
 */
export function createTranscriptSearch(db: Database): TranscriptSearch {
  const available = ensureFullTextIndex(db, transcriptSearchIndex);
  const query = (text: string) => (available ? spokenQuery(text) : undefined);
  return {
    available,
    condition(text) {
      const match = query(text);
      return match
        ? {
            sql: 'id IN (SELECT interview_id FROM transcript_entries WHERE id IN (SELECT rowid FROM transcript_fts WHERE transcript_fts MATCH ?))',
            param: match,
          }
        : undefined;
    },
    lines(interviewIds, text) {
      const found = new Map<string, SpokenLine>();
      const match = query(text);
      if (!match) return found;
      for (const id of new Set(interviewIds)) {
        // The index is read within the span of the interview's entry ids only (its entries are
        // written together, so the span holds few others): a word said in every interview costs
        // one interview's matches here, not all of them.
        const span = db
          .prepare('SELECT min(id) AS low, max(id) AS high FROM transcript_entries WHERE interview_id = ?')
          .get(id) as Span;
        if (span.low === null || span.high === null) continue;
        const first = db
          .prepare(
            `SELECT e.id, e.speaker FROM transcript_fts JOIN transcript_entries e ON e.id = transcript_fts.rowid
             WHERE transcript_fts MATCH ? AND transcript_fts.rowid BETWEEN ? AND ? AND e.interview_id = ?
             ORDER BY e.start_time, e.id LIMIT 1`,
          )
          .get(match, span.low, span.high, id) as FirstMatch | undefined;
        if (!first) continue;
        const snippet = db
          .prepare(
            `SELECT snippet(transcript_fts, 0, char(${matchOpen.codePointAt(0)}), char(${matchClose.codePointAt(0)}), '…', 12) AS line FROM transcript_fts WHERE transcript_fts MATCH ? AND rowid = ?`,
          )
          .get(match, first.id) as { line: string } | undefined;
        if (snippet) found.set(id, spokenLine(first.speaker, snippet.line));
      }
      return found;
    },
  };
}

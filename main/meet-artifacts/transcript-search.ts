import type { SpokenLine } from '../../preload/shared/contract/ipc-contract';
import type { Database } from '../database/database';
import type { SearchSource } from '../database/interview-repository';
import { ensureFullTextIndex } from '../database/search-index';
import { spokenTokenizer, transcriptSearchIndex } from './transcript-search-index';
import { interviewSaidIndex, refreshSaid } from './transcript-search-interview-index';
import { spokenLine } from './transcript-search-line';
import { spokenQuery } from './transcript-search-query';

/** The schedule's search through what was said in the interviews' transcripts. */
export interface TranscriptSearch extends SearchSource {
  /** False on a build of SQLite without FTS5: the schedule then searches names, emails and jobs only. */
  readonly available: boolean;
  /** The first line (by time said) holding the search, for each of these interviews whose transcript holds it. */
  lines(interviewIds: string[], query: string): Map<string, SpokenLine>;
}

type Entry = { id: number; interview_id: string; speaker: string; text: string; start_time: string };
/** Entries of one interview in the order said: by start time, then as stored. */
const earlier = (a: Entry, b: Entry) =>
  a.start_time < b.start_time || (a.start_time === b.start_time && Number(a.id) < Number(b.id));
/** Entry ids closer than this are read from the index as one band (see `fromIndex`). */
const bandGap = 20_000;

/**
 * Builds (or repairs) both transcript indexes when the app starts (see `ensureFullTextIndex`) and
 * answers the schedule's search from them: which interviews said a search comes from the index of
 * each interview's text (per interview, not per entry), and a row's line is picked only for the
 * rows of the page shown.
 */
export function createTranscriptSearch(
  db: Database,
  /** How many of each interview's entries are tried for its line, round by round, before the entry index is read. */
  { probeCounts = [12, 48] }: { probeCounts?: number[] } = {},
): TranscriptSearch {
  const available = ensureFullTextIndex(db, transcriptSearchIndex) && ensureFullTextIndex(db, interviewSaidIndex);
  const query = (text: string) => (available ? spokenQuery(text) : undefined);
  // A scratch index, cut like the others, to try a few entries against a search: a word said in
  // thousands of entries costs the entry index a long read, a dozen lines cost nothing.
  if (available)
    db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp.transcript_probe USING fts5 (text, content = '', ${spokenTokenizer})`,
    );

  // Which interviews said a search (a JSON array of ids), by its FTS5 query: opening a search asks
  // for each section's page and size, and scrolling for more pages, so the index is read once per
  // search, not per question. Only re-indexing a text changes what the index answers, so that
  // forgets them all.
  const saying = new Map<string, { ids: string; count: number }>();
  /** Re-indexes the texts whose entries changed since the last read (see `refreshSaid`). */
  const refresh = () => {
    if (!db.prepare('SELECT 1 FROM transcript_said WHERE stale = 1 LIMIT 1').get()) return;
    db.transaction(() => refreshSaid.forEach((statement) => db.exec(statement)));
    saying.clear();
  };
  if (available) refresh();
  const interviewsSaying = (match: string): { ids: string; count: number } => {
    refresh();
    const known = saying.get(match);
    if (known !== undefined) return known;
    const read = db
      .prepare(
        `SELECT json_group_array(DISTINCT interview_id) AS ids, count(DISTINCT interview_id) AS count FROM transcript_said
         WHERE id IN (SELECT rowid FROM transcript_said_fts WHERE transcript_said_fts MATCH ?)`,
      )
      .get(match) as { ids: string; count: number };
    const answer = { ids: read.ids, count: Number(read.count) };
    // Inside a transaction the answer may yet be rolled back: kept only when read outside one.
    if (!db.inTransaction) {
      if (saying.size >= 20) saying.clear();
      saying.set(match, answer);
    }
    return answer;
  };
  /** Whether most interviews with a transcript say it: then most say it early, and the entry index reads long for it. */
  const common = (match: string) =>
    interviewsSaying(match).count * 2 >
    Number((db.prepare('SELECT count(DISTINCT interview_id) AS n FROM transcript_said').get() as { n: number }).n);

  /**
   * Each interview's earliest entry (by time said) among the `count` from `skip` on, tried in the
   * scratch index; `unsure` are those with more entries than tried and none of them matching.
   */
  const probe = (interviewIds: string[], match: string, skip: number, count: number) => {
    const first = new Map<string, Entry>();
    const unsure: string[] = [];
    // Each interview's entries in the order said, one interview after another.
    const tried: Entry[] = [];
    for (const id of interviewIds) {
      const entries = db
        .prepare(
          'SELECT id, interview_id, speaker, text, start_time FROM transcript_entries WHERE interview_id = ? ORDER BY start_time, id LIMIT ? OFFSET ?',
        )
        .all(id, count, skip) as Entry[];
      if (entries.length === count) unsure.push(id);
      tried.push(...entries);
    }
    // Only the scratch table is written: a savepoint, not the app's write transaction.
    db.exec('SAVEPOINT transcript_probe');
    try {
      for (const entry of tried)
        db.prepare('INSERT INTO temp.transcript_probe (rowid, text) VALUES (?, ?)').run(entry.id, entry.text);
      const hits = db
        .prepare('SELECT rowid AS id FROM temp.transcript_probe WHERE transcript_probe MATCH ?')
        .all(match) as { id: number }[];
      const hit = new Set(hits.map((r) => Number(r.id)));
      for (const entry of tried)
        if (hit.has(Number(entry.id)) && !first.has(entry.interview_id)) first.set(entry.interview_id, entry);
    } finally {
      db.exec("INSERT INTO temp.transcript_probe (transcript_probe) VALUES ('delete-all'); RELEASE transcript_probe");
    }
    return { first, unsure: unsure.filter((id) => !first.has(id)) };
  };

  /** Each interview's earliest matching entry, read through the entry index within their entries only. */
  const fromIndex = (interviewIds: string[], match: string): Entry[] => {
    const ids = JSON.stringify(interviewIds);
    // The index is read within the bands of entry ids these interviews' transcripts span (a
    // transcript's entries are written together), not through the whole database: one band when
    // they were fetched one after another, more when one was fetched much later.
    const spans = (
      db
        .prepare(
          `SELECT interview_id, min(id) AS low, max(id) AS high, count(*) AS n FROM transcript_entries
           WHERE interview_id IN (SELECT value FROM json_each(?)) GROUP BY interview_id`,
        )
        .all(ids) as { interview_id: string; low: number; high: number; n: number }[]
    ).flatMap((span) =>
      // An interview whose entries lie far apart (a transcript fetched much later): each transcript's span.
      Number(span.high) - Number(span.low) < 2 * Number(span.n)
        ? [span]
        : (db
            .prepare(
              'SELECT min(id) AS low, max(id) AS high FROM transcript_entries WHERE interview_id = ? GROUP BY transcript',
            )
            .all(span.interview_id) as { low: number; high: number }[]),
    );
    spans.sort((a, b) => Number(a.low) - Number(b.low));
    const bands: { low: number; high: number }[] = [];
    for (const span of spans) {
      const last = bands.at(-1);
      if (last && span.low <= last.high + bandGap) last.high = Math.max(last.high, Number(span.high));
      else bands.push({ low: Number(span.low), high: Number(span.high) });
    }
    // CROSS JOIN keeps the index as the outer loop: the other way round would run the match once per entry.
    const said = db.prepare(
      `SELECT e.id, e.interview_id, e.speaker, e.text, e.start_time FROM transcript_fts CROSS JOIN transcript_entries e ON e.id = transcript_fts.rowid
       WHERE transcript_fts MATCH ? AND transcript_fts.rowid BETWEEN ? AND ? AND e.interview_id IN (SELECT value FROM json_each(?))`,
    );
    const first = new Map<string, Entry>();
    for (const band of bands)
      for (const entry of said.all(match, band.low, band.high, ids) as Entry[]) {
        const known = first.get(entry.interview_id);
        if (!known || earlier(entry, known)) first.set(entry.interview_id, entry);
      }
    return [...first.values()];
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
      // For a search most interviews say, a few entries of each first, then more of those still
      // unsure, then the entry index for the rest (a round finding few says the word is rarer
      // than it looked: the index answers the rest at once). For a rarer search, the index at once.
      let unsure = [...new Set(interviewIds)];
      let tried = 0;
      for (const count of common(match) ? probeCounts : []) {
        const round = probe(unsure, match, tried, count);
        for (const [id, entry] of round.first) found.set(id, spokenLine(entry.speaker, entry.text, text));
        const rare = round.first.size * 2 < unsure.length;
        unsure = round.unsure;
        tried += count;
        if (unsure.length === 0) return found;
        if (rare) break;
      }
      for (const entry of fromIndex(unsure, match))
        if (!found.has(entry.interview_id)) found.set(entry.interview_id, spokenLine(entry.speaker, entry.text, text));
      return found;
    },
  };
}

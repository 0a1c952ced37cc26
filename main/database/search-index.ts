import type { DatabaseSync } from 'node:sqlite';
import { searchText } from './search-text';

/** How the schedule's search runs: FTS5 trigram index, or the normalised column read from its index. */
export type SearchMode = 'fts5' | 'column';

/** Whether this SQLite build can create FTS5 tables (node:sqlite in Node 22 and Electron has it; a custom build may not). */
export function hasFts5(sql: Pick<DatabaseSync, 'prepare'>): boolean {
  try {
    return Number((sql.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS f").get() as { f: number }).f) === 1;
  } catch {
    return false;
  }
}

/**
 * A full-text index derived from a table: the FTS5 table and the triggers that keep it in step,
 * each written as SQLite stores it (so a stored copy can be compared), and how to fill it from
 * scratch. Features hand theirs in (see `ensureFullTextIndex`); this folder knows none of them.
 */
export interface FullTextIndex {
  /** The FTS5 table's name. */
  table: string;
  /** Its `CREATE VIRTUAL TABLE` statement. */
  create: string;
  /** Plain tables and indexes the index keeps beside it, by name, each its `CREATE` statement (made first, dropped with it). */
  alongside?: Record<string, string>;
  /** The triggers by name, each its `CREATE TRIGGER` statement. */
  triggers: Record<string, string>;
  /** What fills the new table from the rows already there (run after `create`, before the triggers). */
  fill: string[];
}

/** The SQL this file needs of a connection (the raw one at open, or the app's wrapper). */
type Sql = Pick<DatabaseSync, 'exec' | 'prepare'>;

/** Whether the table, what it keeps alongside and every trigger are there exactly as `index` makes them. */
function indexWhole(sql: Sql, index: FullTextIndex): boolean {
  const alongside = Object.entries(index.alongside ?? {});
  const names = [index.table, ...alongside.map(([name]) => name), ...Object.keys(index.triggers)];
  const stored = new Map(
    (
      sql
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type IN ('table', 'index', 'trigger') AND name IN (SELECT value FROM json_each(?))",
        )
        .all(JSON.stringify(names)) as { name: string; sql: string }[]
    ).map((r) => [r.name, r.sql]),
  );
  return (
    stored.get(index.table) === index.create &&
    alongside.every(([name, text]) => stored.get(name) === text) &&
    Object.entries(index.triggers).every(([name, text]) => stored.get(name) === text)
  );
}

/**
 * Builds `index` when the build has FTS5 and the index is not whole (first open after the upgrade,
 * a database from a build without FTS5, or a part of it lost or changed by another tool); its
 * triggers keep it in step with every insert, update and delete, whoever writes. The index is
 * derived data, so it is dropped and made again as a whole (table and triggers in one
 * transaction), never patched. Without FTS5 its triggers go (each would fail every write to the
 * table it watches) and the database stays valid. True when the index is there to use.
 */
export function ensureFullTextIndex(sql: Sql, index: FullTextIndex): boolean {
  if (indexWhole(sql, index)) return true;
  const fts5 = hasFts5(sql);
  sql.exec('BEGIN IMMEDIATE');
  try {
    // The triggers first (they name the tables), then the tables (a table's indexes go with it).
    for (const name of Object.keys(index.triggers)) sql.exec(`DROP TRIGGER IF EXISTS ${name}`);
    const alongside = Object.entries(index.alongside ?? {});
    if (fts5) sql.exec(`DROP TABLE IF EXISTS ${index.table}`);
    for (const [name, text] of alongside.toReversed())
      sql.exec(`DROP ${/^CREATE (UNIQUE )?INDEX/i.test(text) ? 'INDEX' : 'TABLE'} IF EXISTS ${name}`);
    if (fts5) {
      for (const [, text] of alongside) sql.exec(text);
      sql.exec(index.create);
      for (const statement of index.fill) sql.exec(statement);
      for (const text of Object.values(index.triggers)) sql.exec(text);
    }
    sql.exec('COMMIT');
  } catch (error) {
    sql.exec('ROLLBACK');
    throw error;
  }
  return fts5;
}

/** The schedule's index of names, emails and job titles: trigrams of the normalised `search` column. */
const interviewsIndex: FullTextIndex = {
  table: 'interviews_fts',
  create: "CREATE VIRTUAL TABLE interviews_fts USING fts5 (search, tokenize = 'trigram')",
  triggers: {
    interviews_fts_insert: `CREATE TRIGGER interviews_fts_insert AFTER INSERT ON interviews BEGIN
        INSERT INTO interviews_fts (rowid, search) VALUES ((SELECT coalesce(max(rowid), 0) + 1 FROM interviews_fts), new.search);
        UPDATE interviews SET search_rowid = (SELECT max(rowid) FROM interviews_fts) WHERE id = new.id;
      END`,
    interviews_fts_update: `CREATE TRIGGER interviews_fts_update AFTER UPDATE OF search ON interviews WHEN new.search IS NOT old.search BEGIN
        UPDATE interviews_fts SET search = new.search WHERE rowid = new.search_rowid;
      END`,
    interviews_fts_delete: `CREATE TRIGGER interviews_fts_delete AFTER DELETE ON interviews BEGIN
        DELETE FROM interviews_fts WHERE rowid = old.search_rowid;
      END`,
  },
  fill: [
    'UPDATE interviews SET search_rowid = rowid',
    'INSERT INTO interviews_fts (rowid, search) SELECT search_rowid, search FROM interviews',
  ],
};

/**
 * Builds the full-text index of the interviews' `search` column at open (see `ensureFullTextIndex`).
 * Without FTS5 search reads the normalised column instead. Returns the mode in use.
 */
export function ensureSearchIndex(sql: DatabaseSync): SearchMode {
  return ensureFullTextIndex(sql, interviewsIndex) ? 'fts5' : 'column';
}

/** The FTS5 query for a search: the normalised text as one quoted string (any part of a word), or none under three characters. */
export function ftsQuery(query: string): string | undefined {
  const text = searchText(query);
  return [...text].length >= 3 ? `"${text.replaceAll('"', '""')}"` : undefined;
}

/**
 * The SQL condition (on `interviews`) and its one parameter for a search, or none for an empty one.
 * `useIndex` says whether the full-text index should answer (see the repository: a search that
 * matches thousands of rows is faster read from the covering index by start time).
 */
export function searchCondition(
  mode: SearchMode,
  query: string,
  useIndex = true,
): { sql: string; param: string } | undefined {
  const text = searchText(query);
  if (!text) return undefined;
  const fts = ftsQuery(query);
  // Trigrams need three characters; a shorter search reads the normalised column from its index.
  if (mode === 'fts5' && fts && useIndex)
    return { sql: 'search_rowid IN (SELECT rowid FROM interviews_fts WHERE interviews_fts MATCH ?)', param: fts };
  return { sql: "search LIKE ? ESCAPE '\\'", param: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
}

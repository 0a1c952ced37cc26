import type { DatabaseSync } from 'node:sqlite';
import { searchText } from './search-text';

/** How the schedule's search runs: FTS5 trigram index, or the normalised column read from its index. */
export type SearchMode = 'fts5' | 'column';

/** Whether this SQLite build can create FTS5 tables (node:sqlite in Node 22 and Electron has it; a custom build may not). */
export function hasFts5(sql: DatabaseSync): boolean {
  try {
    return Number((sql.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS f").get() as { f: number }).f) === 1;
  } catch {
    return false;
  }
}

/** The index as this build makes it: the table, then the triggers that keep it in step (each compared as SQLite stores it). */
const indexTable = "CREATE VIRTUAL TABLE interviews_fts USING fts5 (search, tokenize = 'trigram')";
const indexTriggers: Record<string, string> = {
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
};

/** Whether the table and every trigger are there exactly as this build makes them. */
function indexWhole(sql: DatabaseSync): boolean {
  const stored = new Map(
    (
      sql
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type IN ('table', 'trigger') AND name IN ('interviews_fts', 'interviews_fts_insert', 'interviews_fts_update', 'interviews_fts_delete')",
        )
        .all() as { name: string; sql: string }[]
    ).map((r) => [r.name, r.sql]),
  );
  return (
    stored.get('interviews_fts') === indexTable &&
    Object.entries(indexTriggers).every(([name, text]) => stored.get(name) === text)
  );
}

/** Drops whatever part of the index is there: the triggers first (they name the table), then the table. */
function dropIndex(sql: DatabaseSync): void {
  for (const name of Object.keys(indexTriggers)) sql.exec(`DROP TRIGGER IF EXISTS ${name}`);
  sql.exec('DROP TABLE IF EXISTS interviews_fts');
}

/**
 * Builds the full-text index of the `search` column when the build has FTS5 and the index is not
 * whole (first open after the upgrade, a database from a build without FTS5, or a part of it lost or
 * changed by another tool); triggers keep it in step with every insert, update and delete, whoever
 * writes. The index is derived data, so it is dropped and made again as a whole (table and triggers
 * in one transaction), never patched. Without FTS5 the database stays valid and search reads the
 * normalised column instead. Returns the mode in use.
 */
export function ensureSearchIndex(sql: DatabaseSync): SearchMode {
  if (indexWhole(sql)) return 'fts5';
  const fts5 = hasFts5(sql);
  sql.exec('BEGIN IMMEDIATE');
  try {
    // Without FTS5 the triggers must go too: each would fail every write to the interviews.
    if (fts5) {
      dropIndex(sql);
      sql.exec(indexTable);
      sql.exec('UPDATE interviews SET search_rowid = rowid');
      sql.exec('INSERT INTO interviews_fts (rowid, search) SELECT search_rowid, search FROM interviews');
      for (const text of Object.values(indexTriggers)) sql.exec(text);
    } else for (const name of Object.keys(indexTriggers)) sql.exec(`DROP TRIGGER IF EXISTS ${name}`);
    sql.exec('COMMIT');
  } catch (error) {
    sql.exec('ROLLBACK');
    throw error;
  }
  return fts5 ? 'fts5' : 'column';
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

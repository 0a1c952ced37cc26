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

/**
 * Builds the full-text index of the `search` column when the build has FTS5 and the index is missing
 * (first open after the upgrade, or a database from a build without FTS5); triggers keep it in step
 * with every insert, update and delete, whoever writes. The index is derived data: without FTS5 the
 * database stays valid and search reads the normalised column instead. Returns the mode in use.
 */
export function ensureSearchIndex(sql: DatabaseSync): SearchMode {
  const exists = sql.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'interviews_fts'").get() !== undefined;
  if (exists) return 'fts5';
  if (!hasFts5(sql)) return 'column';
  sql.exec('BEGIN IMMEDIATE');
  try {
    sql.exec(`
      CREATE VIRTUAL TABLE interviews_fts USING fts5 (search, tokenize = 'trigram');
      UPDATE interviews SET search_rowid = rowid;
      INSERT INTO interviews_fts (rowid, search) SELECT search_rowid, search FROM interviews;
      CREATE TRIGGER interviews_fts_insert AFTER INSERT ON interviews BEGIN
        INSERT INTO interviews_fts (rowid, search) VALUES ((SELECT coalesce(max(rowid), 0) + 1 FROM interviews_fts), new.search);
        UPDATE interviews SET search_rowid = (SELECT max(rowid) FROM interviews_fts) WHERE id = new.id;
      END;
      CREATE TRIGGER interviews_fts_update AFTER UPDATE OF search ON interviews WHEN new.search IS NOT old.search BEGIN
        UPDATE interviews_fts SET search = new.search WHERE rowid = new.search_rowid;
      END;
      CREATE TRIGGER interviews_fts_delete AFTER DELETE ON interviews BEGIN
        DELETE FROM interviews_fts WHERE rowid = old.search_rowid;
      END;
    `);
    sql.exec('COMMIT');
  } catch (error) {
    sql.exec('ROLLBACK');
    throw error;
  }
  return 'fts5';
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
export function searchCondition(mode: SearchMode, query: string, useIndex = true): { sql: string; param: string } | undefined {
  const text = searchText(query);
  if (!text) return undefined;
  const fts = ftsQuery(query);
  // Trigrams need three characters; a shorter search reads the normalised column from its index.
  if (mode === 'fts5' && fts && useIndex) return { sql: 'search_rowid IN (SELECT rowid FROM interviews_fts WHERE interviews_fts MATCH ?)', param: fts };
  return { sql: "search LIKE ? ESCAPE '\\'", param: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
}

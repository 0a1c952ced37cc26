/**
 * The SQL of "Find in transcript": which of an interview's stored lines hold what was typed, as a
 * condition on `transcript_entries` with its parameters. What was typed is always data, bound as a
 * parameter, never SQL nor a pattern: `%`, `_` and `\` are escaped for LIKE, and the word index
 * gets it as one quoted phrase (`spokenQuery`).
 */
import { spokenQuery } from './transcript-search-query';

/** A condition on `transcript_entries` (no alias) and the values of its `?`, in order. */
export interface LineCondition {
  sql: string;
  params: (string | number)[];
}

/** The search as find compares it: trimmed, each run of whitespace one space. '' finds every line. */
export function findText(query: string): string {
  return query.trim().replace(/\s+/g, ' ');
}

/** `text` as a LIKE pattern that holds it anywhere, each of LIKE's own characters escaped with `\`. */
export function likeAnywhere(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A search of words only (letters, digits, their marks, single spaces): the word index may answer it too. */
const wordsOnly = /^[\p{L}\p{N}\p{M}]+( [\p{L}\p{N}\p{M}]+)*$/u;

/**
 * The lines that hold `query`: its characters in their text or in the speaker's name, ASCII letters
 * in any case (SQLite's LIKE); and, for a search of words when the word index is there, the lines
 * that say those words in that order (any case and accents: "jose" finds "José"; the last word may
 * be unfinished), as the schedule's search finds interviews. `band` is the interview's range of
 * entry ids, so the word index is read within this interview's entries only.
 *
 * Undefined when the search is only spaces (every line). SQLite's text functions stop at a NUL
 * character, so a search holding one finds nothing rather than less than it says.
 */
export function lineHolds(query: string, band: { low: number; high: number } | undefined): LineCondition | undefined {
  const text = findText(query);
  if (text === '') return undefined;
  if (text.includes('\0')) return { sql: '0', params: [] };
  const pattern = likeAnywhere(text);
  const like = { sql: "(text LIKE ? ESCAPE '\\' OR speaker LIKE ? ESCAPE '\\')", params: [pattern, pattern] };
  const phrase = band && wordsOnly.test(text) ? spokenQuery(text) : undefined;
  if (!band || !phrase) return like;
  return {
    sql: `(${like.sql} OR id IN (SELECT rowid FROM transcript_fts WHERE transcript_fts MATCH ? AND rowid BETWEEN ? AND ?))`,
    params: [...like.params, phrase, band.low, band.high],
  };
}

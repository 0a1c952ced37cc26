/**
 * The SQL of "Find in transcript": which of an interview's stored lines hold what was typed, as a
 * condition on `transcript_entries` with its parameters. What was typed is always data, bound as a
 * parameter, never SQL nor a pattern: `%`, `_` and `\` are escaped for LIKE, and the word index
 * gets it as one quoted phrase (`spokenQuery`).
 */
import { findText, speakersHolding } from '../../preload/shared/rules/transcript-find-text';
import { spokenQuery } from './transcript-search-query';

/** A condition on `transcript_entries` (no alias) and the values of its `?`, in order. */
export interface LineCondition {
  sql: string;
  params: (string | number)[];
}

/** `text` as a LIKE pattern that holds it anywhere, each of LIKE's own characters escaped with `\`. */
export function likeAnywhere(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A search of words only (letters, digits, their marks, single spaces): the word index may answer it too. */
const wordsOnlyText = /^[\p{L}\p{N}\p{M}]+( [\p{L}\p{N}\p{M}]+)*$/u;

/**
 * The search as words for the word index: as the schedule's search asks it (the last word
 * open-ended) from three characters on; under three, the word itself (an open-ended letter or two
 * would read most of the index). None without a letter or digit.
 */
function wordsPhrase(text: string): string | undefined {
  const open = spokenQuery(text);
  if (open) return open;
  const words = text.replace(/[\p{Cc}\uE000]/gu, ' ').trim();
  return /[\p{L}\p{N}]/u.test(words) ? `"${words.replaceAll('"', '""')}"` : undefined;
}

/**
 * The lines that hold `query`: its characters in their text, ASCII letters in any case (SQLite's
 * LIKE), or in the speaker's name, any case and accents ("zoe" finds Zoë: `speakers` are the
 * interview's names, matched here); and, for a search of words when the word index is there, the
 * lines that say those words in that order (any case and accents: "jose" finds "José"; the last word
 * may be unfinished), as the schedule's search finds interviews. `band` is the interview's range of
 * entry ids, so the word index is read within this interview's entries only.
 *
 * With `wordsOnly` (a long transcript, see preload/shared/rules/transcript-find-mode) and the word
 * index there, the text is read through the index alone: the lines that say the search's words
 * (other characters are not words: "50%" finds "50"), or whose speaker's name holds it.
 *
 * Undefined when the search is only spaces (every line). SQLite's text functions stop at a NUL
 * character, so a search holding one finds nothing rather than less than it says.
 */
export function lineHolds(
  query: string,
  band: { low: number; high: number } | undefined,
  wordsOnly: boolean,
  speakers: readonly string[],
): LineCondition | undefined {
  const text = findText(query);
  if (text === '') return undefined;
  if (text.includes('\0')) return { sql: '0', params: [] };
  // Speakers whose name holds the search: most searches name none, and then no line is read for them.
  const named = speakersHolding(text, speakers);
  const speaker = named.length
    ? { sql: 'speaker IN (SELECT value FROM json_each(?))', params: [JSON.stringify(named)] }
    : undefined;
  if (band && wordsOnly) {
    const phrase = wordsPhrase(text);
    return phrase ? either(speaker, said(phrase, band)) : (speaker ?? { sql: '0', params: [] });
  }
  const like = either(speaker, { sql: "text LIKE ? ESCAPE '\\'", params: [likeAnywhere(text)] });
  const phrase = band && wordsOnlyText.test(text) ? spokenQuery(text) : undefined;
  return band && phrase ? either(like, said(phrase, band)) : like;
}

/** The lines whose text says `phrase` (an FTS5 query), read from the word index within `band`. */
function said(phrase: string, band: { low: number; high: number }): LineCondition {
  return {
    sql: 'id IN (SELECT rowid FROM transcript_fts WHERE transcript_fts MATCH ? AND rowid BETWEEN ? AND ?)',
    params: [phrase, band.low, band.high],
  };
}

/** Either condition (`b` alone without `a`). */
function either(a: LineCondition | undefined, b: LineCondition): LineCondition {
  return a ? { sql: `(${a.sql} OR ${b.sql})`, params: [...a.params, ...b.params] } : b;
}

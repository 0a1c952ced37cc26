/**
 * What "Find in transcript" compares, the same in main (which lines hold it) and the room (what it
 * marks): the search trimmed with each run of whitespace one space, and for names and marks the
 * text folded, lower case and without accents, so "zoe" finds the speaker Zoë and "ose" marks "José".
 */

/** The search as find reads it: trimmed, each run of whitespace one space. '' finds every line. */
export function findText(query: string): string {
  return query.trim().replace(/\s+/g, ' ');
}

/** One character as find compares it: lower case, no accents (may be longer or empty). */
export const foldChar = (c: string): string => c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** `text` folded a character at a time, as find compares it. */
export const foldText = (text: string): string => [...text].map(foldChar).join('');

/** The folded search, or '' when there is nothing to find (only spaces, or only accents). */
export const findKey = (query: string): string => foldText(findText(query));

/**
 * The speakers' names among `names` that hold the search, ignoring case and accents; a search that
 * folds to nothing (a lone accent) is looked for as typed.
 */
export function speakersHolding(query: string, names: readonly string[]): string[] {
  const key = findKey(query);
  const text = findText(query);
  if (text === '') return [];
  return names.filter((name) => (key ? foldText(name).includes(key) : name.includes(text)));
}

/**
 * The FTS5 query for words said: the search as one quoted phrase (FTS5 splits it into words with
 * the index's own tokenizer, so quotes, `*`, `NEAR`, `AND` or a column filter a person types are
 * only words, never syntax), the last word open-ended so results come while it is being typed.
 * None for a search under three characters, or one without a letter or digit (it has no words).
 */
export function spokenQuery(query: string): string | undefined {
  const text = query
    .normalize('NFC')
    // FTS5 stops reading a query at a NUL; no control character is a word, nor the mark between
    // entries in an interview's text (see `betweenEntries`).
    .replace(/[\p{Cc}\uE000]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if ([...text].length < 3 || !/[\p{L}\p{N}]/u.test(text)) return undefined;
  return `"${text.replaceAll('"', '""')}" *`;
}

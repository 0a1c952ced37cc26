import type { ShownLines } from './use-transcript-lines';

/**
 * The words under "Find in transcript". A long transcript is searched by word and speaker's name, not
 * by characters ("100%" finds lines saying "1001"), so its count says "match … by word or speaker"
 * rather than claiming the lines hold what was typed.
 */
export function findCountWords(shown: Pick<ShownLines, 'query' | 'count' | 'total'>, wordsOnly: boolean): string {
  if (!shown.query) return `${shown.total} lines.`;
  const q = `“${shown.query}”`;
  if (wordsOnly)
    return shown.count === 0
      ? `No line matches ${q} by word or speaker.`
      : `${shown.count} of ${shown.total} lines match ${q} by word or speaker.`;
  return shown.count === 0 ? `No line holds ${q}.` : `${shown.count} of ${shown.total} lines hold ${q}.`;
}

/** How many lines are shown of how many, once there are more than one page (or more were asked for). */
export function shownWords(
  shown: Pick<ShownLines, 'query' | 'count' | 'more'> & { lines: unknown[] },
  grown: boolean,
  wordsOnly: boolean,
): string {
  if (!shown.more && !grown) return '';
  const of = !shown.query
    ? 'lines'
    : wordsOnly
      ? `lines that match “${shown.query}”`
      : `lines that hold “${shown.query}”`;
  return shown.more ? `Showing ${shown.lines.length} of ${shown.count} ${of}.` : `Showing all ${shown.count} ${of}.`;
}

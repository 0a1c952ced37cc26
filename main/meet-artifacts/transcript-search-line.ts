import type { SpokenLine } from '../../preload/shared/contract/ipc-contract';

/** A line shows at most this many characters: a hostile "word" of thousands stays one short line. */
const longest = 240;
/** Words shown before the match, and in all. */
const wordsBefore = 5;
const wordsShown = 14;

/** Lower case, accents and other marks removed: how the index's tokenizer (`remove_diacritics 2`) compares words. */
const fold = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a text with where each stands: letters and digits (with their marks), as the index's tokenizer cuts them. */
function wordsOf(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu)].map((m) => ({
    word: fold(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Text as one line: whitespace (line breaks in speech) as single spaces, no other control character, bounded. */
function flat(text: string): string {
  const clean = [...text.replace(/\s+/g, ' ').replace(/\p{Cc}/gu, '')];
  return clean.length > longest ? `${clean.slice(0, longest).join('')}…` : clean.join('');
}

/**
 * The line a search found, as the schedule shows it: the words around the first place the search's
 * words are said in order (the last one may be unfinished), that run marked, with "…" where the
 * entry goes on. The index found the entry; this only places the mark, so where it cannot (a word
 * cut differently), the line shows from its start, unmarked.
 */
export function spokenLine(speaker: string, text: string, query: string): SpokenLine {
  const wanted = wordsOf(query).map((w) => w.word);
  const said = wordsOf(text);
  const at = said.findIndex(
    (_, i) =>
      wanted.length > 0 &&
      wanted.every((w, k) => {
        const word = said[i + k]?.word;
        return word !== undefined && (k === wanted.length - 1 ? word.startsWith(w) : word === w);
      }),
  );
  const name = flat(speaker).trim();
  if (at < 0) return { speaker: name, parts: flat(text).trim() ? [{ text: flat(text).trim(), match: false }] : [] };
  // A line that fits is shown whole; a longer one from a few words before the match.
  const first = said.length <= wordsShown ? 0 : Math.max(0, at - wordsBefore);
  const last = Math.min(said.length - 1, Math.max(at + wanted.length - 1, first + wordsShown - 1));
  const match = { start: said[at]!.start, end: said[at + wanted.length - 1]!.end };
  const to = last === said.length - 1 ? text.length : said[last]!.end;
  const parts = [
    {
      text:
        first > 0
          ? `…${flat(text.slice(said[first]!.start, match.start))}`
          : flat(text.slice(0, match.start)).trimStart(),
      match: false,
    },
    { text: flat(text.slice(match.start, match.end)), match: true },
    { text: flat(text.slice(match.end, to)).trimEnd() + (to < text.length ? '…' : ''), match: false },
  ];
  return { speaker: name, parts: parts.filter((p) => p.text !== '') };
}

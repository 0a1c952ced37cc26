/**
 * Find within a transcript, as the room marks it: each line's text cut into parts, the places that
 * hold what was typed marked, ignoring case and accents ("jose" marks "José"). Which lines hold it is
 * main's answer (`artifacts:lines`, over the whole interview).
 */

/** A piece of a line, marked when it matches. */
export interface TextPart {
  text: string;
  match: boolean;
}

/** Folds one character as find compares it: lower case, no accents. */
const fold = (c: string) => c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** `text` folded, with where each folded character came from. */
function folded(text: string): { value: string; from: number[] } {
  let value = '';
  const from: number[] = [];
  let index = 0;
  for (const c of text) {
    const f = fold(c);
    value += f;
    for (let i = 0; i < f.length; i++) from.push(index);
    index += c.length;
  }
  from.push(index);
  return { value, from };
}

/** The folded query, or '' when there is nothing to find (only spaces). */
export function findKey(query: string): string {
  return [...query.trim().replace(/\s+/g, ' ')].map(fold).join('');
}

/** Characters in a word, as the word index cuts them (letters and digits; marks are folded away). */
const wordChar = '\\p{L}\\p{N}';

/**
 * Where `key` is found in folded text: as typed, or, for a search of two words or more, as the word
 * index finds it (main's answer): the words in order with anything but letters and digits between
 * them, the first at a word's start ("data base" marks "data-base").
 */
function matcher(key: string): RegExp {
  const typed = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = key.split(' ');
  const said =
    words.length > 1 && words.every((w) => new RegExp(`^[${wordChar}]+$`, 'u').test(w))
      ? `|(?<![${wordChar}])${words.join(`[^${wordChar}]+`)}`
      : '';
  return new RegExp(`${typed}${said}`, 'gu');
}

/** `text` in parts, every match of `key` marked. */
export function markMatches(text: string, key: string): TextPart[] {
  if (!key) return [{ text, match: false }];
  const { value, from } = folded(text);
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of value.matchAll(matcher(key))) {
    const start = from[found.index]!;
    const end = from[found.index + found[0].length]!;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    last = end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts.length ? parts : [{ text, match: false }];
}

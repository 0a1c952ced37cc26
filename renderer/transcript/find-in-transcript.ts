/**
 * Find within a transcript, as the room marks it: each line's text and speaker cut into parts, the
 * places that hold what was typed marked, ignoring case and accents ("jose" marks "José"). Which
 * lines hold it is main's answer (`artifacts:lines`, over the whole interview).
 */
import { foldChar } from '../../preload/shared/rules/transcript-find-text';

/** A piece of a line, marked when it matches. */
export interface TextPart {
  text: string;
  match: boolean;
}

/** `text` folded, with where each folded character came from. */
function folded(text: string): { value: string; from: number[] } {
  let value = '';
  const from: number[] = [];
  let index = 0;
  for (const c of text) {
    const f = foldChar(c);
    value += f;
    for (let i = 0; i < f.length; i++) from.push(index);
    index += c.length;
  }
  from.push(index);
  return { value, from };
}

/** Characters in a word, as the word index cuts them (letters and digits; marks are folded away). */
const wordChar = '\\p{L}\\p{N}';

/** `text` with the characters a regular expression reads as its own escaped. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The words of `key` as the word index finds them: in order, with anything but letters and digits
 * between them, the first at a word's start, each whole but the last, which may be unfinished (from
 * three characters on, as main asks the index). Undefined when the key has no word.
 */
function saidWords(key: string): string | undefined {
  const words = key.split(new RegExp(`[^${wordChar}]+`, 'u')).filter(Boolean);
  if (words.length === 0) return undefined;
  const whole = `(?![${wordChar}])`;
  const last = [...key].length < 3 ? whole : '';
  return `(?<![${wordChar}])${words.map(escaped).join(`[^${wordChar}]+`)}${last}`;
}

/**
 * Where `key` is found in folded text. By characters (a speaker's name, or a transcript find reads
 * character by character): as typed, or, for a search of two words or more, as the word index finds
 * it ("data base" marks "data-base"). With `byWords` (a long transcript, found through the word
 * index alone): the words only, so "don't" marks "don’t" and "ueu" marks nothing inside "queue".
 */
function matcher(key: string, byWords: boolean): RegExp | undefined {
  if (byWords) {
    const said = saidWords(key);
    return said ? new RegExp(said, 'gu') : undefined;
  }
  const words = key.split(' ');
  const said =
    words.length > 1 && words.every((w) => new RegExp(`^[${wordChar}]+$`, 'u').test(w))
      ? `|(?<![${wordChar}])${words.join(`[^${wordChar}]+`)}`
      : '';
  return new RegExp(`${escaped(key)}${said}`, 'gu');
}

/** `text` in parts, every match of `key` marked (by its words only with `byWords`; see `matcher`). */
export function markMatches(text: string, key: string, byWords = false): TextPart[] {
  const pattern = key ? matcher(key, byWords) : undefined;
  if (!pattern) return [{ text, match: false }];
  const { value, from } = folded(text);
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of value.matchAll(pattern)) {
    const start = from[found.index]!;
    const end = from[found.index + found[0].length]!;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    last = end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts.length ? parts : [{ text, match: false }];
}

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

/** `text` in parts, every match of `key` marked. */
export function markMatches(text: string, key: string): TextPart[] {
  if (!key) return [{ text, match: false }];
  const { value, from } = folded(text);
  const parts: TextPart[] = [];
  let last = 0;
  for (let at = value.indexOf(key); at >= 0; at = value.indexOf(key, at + key.length)) {
    const start = from[at]!;
    const end = from[at + key.length]!;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    last = end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts.length ? parts : [{ text, match: false }];
}

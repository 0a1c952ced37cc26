import type { SpokenLine } from '../../preload/shared/contract/ipc-contract';

/** What `snippet()` is asked to put around each matched word (control characters no speech holds). */
export const matchOpen = '\u0002';
export const matchClose = '\u0003';

/** A line shows at most this many characters: a hostile "word" of thousands stays one short line. */
const longest = 240;

/**
 * The line a search found, from FTS5's snippet: the text in pieces, the matched words marked,
 * whitespace (line breaks in speech) as single spaces and any other control character dropped.
 * A marker that does not pair up (an entry holding one of them itself) only ends or starts a mark.
 */
export function spokenLine(speaker: string, snippet: string): SpokenLine {
  const parts: SpokenLine['parts'] = [];
  let match = false;
  let text = '';
  let length = 0;
  const flush = () => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
    text = '';
  };
  for (const character of snippet.replace(/\s+/g, ' ')) {
    if (character === matchOpen || character === matchClose) {
      flush();
      match = character === matchOpen;
    } else if (!/\p{Cc}/u.test(character)) {
      if (length++ === longest) {
        text += '…';
        break;
      }
      text += character;
    }
  }
  flush();
  return {
    speaker: speaker
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    parts,
  };
}

import { describe, expect, it } from 'vitest';
import { spokenLine } from '../../../main/meet-artifacts/transcript-search-line';

/** A line as a person reads it, the marked words in brackets. */
const read = (speaker: string, text: string, query: string) => {
  const line = spokenLine(speaker, text, query);
  return `${line.speaker}: ${line.parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('')}`;
};

describe('spokenLine: the line the schedule shows under a row found by words said', () => {
  it.each([
    ['kubernetes operators', 'We built and ran Kubernetes operators.', 'We built and ran [Kubernetes operators].'],
    // The last word may be unfinished; case and accents never matter; punctuation between words is no word.
    ['with jose on nan', 'I worked with José, on Ñandú mostly.', 'I worked [with José, on Ñandú] mostly.'],
    // The first place the words are said in order, not each word alone.
    ['ran kube', 'Kube first; then we ran kubectl daily.', 'Kube first; then we [ran kubectl] daily.'],
    // Long entries show the words around the match, "…" where they go on.
    [
      'operators',
      'So one two three four five six seven eight we built operators and then nine ten eleven twelve thirteen fourteen fifteen.',
      '…six seven eight we built [operators] and then nine ten eleven twelve thirteen fourteen…',
    ],
    // Line breaks in speech are spaces; other control characters are dropped.
    ['three', 'one\r\n\ttwo\u0007 three', 'one two [three]'],
    // Where the words cannot be placed (cut differently than the index cuts them), the line from its start.
    ['zzz', 'Nothing to mark here.', 'Nothing to mark here.'],
  ])('%s in %j', (query, text, shown) => {
    expect(read('Tara', text, query)).toBe(`Tara: ${shown}`);
  });

  it('keeps a very long line short and the speaker on one line', () => {
    const line = spokenLine(' Tara\nSingh ', `${'x'.repeat(5000)} kubernetes`, 'kubernetes');
    expect(line.speaker).toBe('Tara Singh');
    expect(line.parts.map((p) => [p.text.length, p.match])).toEqual([
      [241, false],
      [10, true],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findKey, markMatches } from '../../../../renderer/transcript/find-in-transcript';

/**
 * Find within the transcript, as the room marks it: case and accents ignored, matches marked where
 * they are in the original text (which lines hold it: tests/integration/meet-artifacts/transcript-lines.test.ts).
 */
describe('find in transcript', () => {
  it('marks every match in the original spelling', () => {
    expect(markMatches('A QUEUE keeps order; a queue never loses work.', findKey('queue'))).toEqual([
      { text: 'A ', match: false },
      { text: 'QUEUE', match: true },
      { text: ' keeps order; a ', match: false },
      { text: 'queue', match: true },
      { text: ' never loses work.', match: false },
    ]);
    expect(markMatches('Crème brûlée', findKey('brulee'))).toEqual([
      { text: 'Crème ', match: false },
      { text: 'brûlée', match: true },
    ]);
    // Decomposed accents stay with their letter.
    expect(markMatches('Jose\u0301!', findKey('jose'))).toEqual([
      { text: 'Jose\u0301', match: true },
      { text: '!', match: false },
    ]);
  });

  it('the parts always spell the text again, and a marked part folds to the key', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1, maxLength: 3 }), (text, query) => {
        const key = findKey(query);
        const parts = markMatches(text, key);
        expect(parts.map((p) => p.text).join('')).toBe(text);
        for (const p of parts.filter((x) => x.match)) expect(findKey(p.text)).toBe(key);
      }),
    );
  });
});

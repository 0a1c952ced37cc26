import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findKey, findLines, markMatches } from '../../../../renderer/transcript/find-in-transcript';

const line = (speaker: string, text: string) => ({ speaker, text, start: '2030-03-04T10:00:00.000Z' });

/** Find within the transcript: case and accents ignored, matches marked where they are in the original text. */
describe('find in transcript', () => {
  const lines = [
    line('Rita Recruiter', 'Tell me about José’s queue design.'),
    line('Ada Lovelace', 'A QUEUE keeps order; a queue never loses work.'),
    line('Ada Lovelace', 'Nothing else.'),
  ];

  it('finds lines by their words or their speaker, ignoring case and accents', () => {
    expect(findLines(lines, findKey('queue'))).toEqual([0, 1]);
    expect(findLines(lines, findKey('  JOSE '))).toEqual([0]);
    expect(findLines(lines, findKey('ada'))).toEqual([1, 2]);
    expect(findLines(lines, findKey('kafka'))).toEqual([]);
    // Nothing typed (or only spaces): every line.
    expect(findLines(lines, findKey('   '))).toEqual([0, 1, 2]);
  });

  it('marks every match in the original spelling', () => {
    expect(markMatches(lines[1]!.text, findKey('queue'))).toEqual([
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

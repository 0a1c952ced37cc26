import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markMatches } from '../../../../renderer/transcript/find-in-transcript';
import { findKey } from '../../../../preload/shared/rules/transcript-find-text';

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

  it('marks what the word index found: the words in order across any separator, from a word start', () => {
    // Main finds "data-base" for "data base" (the word index cuts at the dash): it is marked too.
    expect(markMatches('Our data-base, data  base and DATA/BASE.', findKey('data base'))).toEqual([
      { text: 'Our ', match: false },
      { text: 'data-base', match: true },
      { text: ', ', match: false },
      { text: 'data  base', match: true },
      { text: ' and ', match: false },
      { text: 'DATA/BASE', match: true },
      { text: '.', match: false },
    ]);
    // The last word may be unfinished, as main finds it; the first starts a word.
    expect(markMatches('data-bases', findKey('data base'))).toEqual([
      { text: 'data-base', match: true },
      { text: 's', match: false },
    ]);
    expect(markMatches('metadata-base', findKey('data base'))).toEqual([{ text: 'metadata-base', match: false }]);
    expect(markMatches('The queue—line 3', findKey('queue li'))).toEqual([
      { text: 'The ', match: false },
      { text: 'queue—li', match: true },
      { text: 'ne 3', match: false },
    ]);
    // One word, or a search that is not only words, is marked as typed only.
    expect(markMatches('a 50-% cut', findKey('50 %'))).toEqual([{ text: 'a 50-% cut', match: false }]);
  });

  it('a long transcript (found by its words) marks the words the index found, whatever separates them', () => {
    // A straight apostrophe finds the curly one through the index: it is marked too.
    expect(markMatches('I don’t know.', findKey("don't"), true)).toEqual([
      { text: 'I ', match: false },
      { text: 'don’t', match: true },
      { text: ' know.', match: false },
    ]);
    // The last word may be unfinished (from three characters on); the first starts a word.
    expect(markMatches('Queues, José!', findKey('queue jo'), true)).toEqual([{ text: 'Queues, José!', match: false }]);
    expect(markMatches('Queue, José!', findKey('queue jo'), true)).toEqual([
      { text: 'Queue, Jo', match: true },
      { text: 'sé!', match: false },
    ]);
    // Nothing is marked inside a word, where the index found nothing.
    expect(markMatches('The queue.', findKey('ueu'), true)).toEqual([{ text: 'The queue.', match: false }]);
    // Under three characters a word is whole, as main asks the index.
    expect(markMatches('A lot of offers.', findKey('of'), true)).toEqual([
      { text: 'A lot ', match: false },
      { text: 'of', match: true },
      { text: ' offers.', match: false },
    ]);
    expect(markMatches('50% off', findKey('%'), true)).toEqual([{ text: '50% off', match: false }]);
  });

  it("a speaker's name is marked in any case and without its accents", () => {
    expect(markMatches('Zoë Ng', findKey('zoe'))).toEqual([
      { text: 'Zoë', match: true },
      { text: ' Ng', match: false },
    ]);
    expect(markMatches('José Martínez', findKey('ose'))).toEqual([
      { text: 'J', match: false },
      { text: 'osé', match: true },
      { text: ' Martínez', match: false },
    ]);
  });

  it('the parts always spell the text again, and a marked part folds to the key or to its words', () => {
    const words = (s: string) =>
      s
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .join(' ');
    fc.assert(
      fc.property(
        fc.string(),
        fc.oneof(fc.string({ minLength: 1, maxLength: 3 }), fc.constantFrom('a b', 'data base', 'é z')),
        (text, query) => {
          const key = findKey(query);
          const parts = markMatches(text, key);
          expect(parts.map((p) => p.text).join('')).toBe(text);
          for (const p of parts.filter((x) => x.match)) {
            const found = findKey(p.text);
            if (found !== key) expect(words(found)).toBe(key);
          }
        },
      ),
    );
    // By words: the parts spell the text again, and a marked part says the key's words.
    fc.assert(
      fc.property(
        fc.string(),
        fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("don't", 'a b', 'é z')),
        (text, query) => {
          const key = findKey(query);
          const parts = markMatches(text, key, true);
          expect(parts.map((p) => p.text).join('')).toBe(text);
          for (const p of parts.filter((x) => x.match)) expect(words(findKey(p.text))).toBe(words(key));
        },
      ),
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const parts = markMatches(`${before} data-base ${after}`, findKey('data base'));
        expect(parts.some((p) => p.match && findKey(p.text) === 'data-base')).toBe(true);
      }),
    );
  });
});

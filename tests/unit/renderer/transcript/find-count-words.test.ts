import { describe, expect, it } from 'vitest';
import { findCountWords, shownWords } from '../../../../renderer/transcript/find-count-words';

describe('the words under Find in transcript', () => {
  it('says the lines hold what was typed when characters are searched', () => {
    expect(findCountWords({ query: '50%', count: 3, total: 450 }, false)).toBe('3 of 450 lines hold “50%”.');
    expect(findCountWords({ query: 'kafka', count: 0, total: 450 }, false)).toBe('No line holds “kafka”.');
    expect(findCountWords({ query: '', count: 450, total: 450 }, false)).toBe('450 lines.');
  });

  it('in a long transcript, searched by word and speaker, never claims the lines hold the characters', () => {
    // "100%" is read as the word "100…": lines saying "1001" are found too, so the count says match.
    const words = findCountWords({ query: '100%', count: 12, total: 2500 }, true);
    expect(words).toBe('12 of 2500 lines match “100%” by word or speaker.');
    expect(words).not.toMatch(/hold/);
    expect(findCountWords({ query: 'zoe', count: 0, total: 2500 }, true)).toBe(
      'No line matches “zoe” by word or speaker.',
    );
    expect(shownWords({ query: 'queue', count: 400, more: true, lines: new Array(200) }, false, true)).toBe(
      'Showing 200 of 400 lines that match “queue”.',
    );
    expect(shownWords({ query: 'queue', count: 400, more: true, lines: new Array(200) }, false, false)).toBe(
      'Showing 200 of 400 lines that hold “queue”.',
    );
    expect(shownWords({ query: '', count: 450, more: false, lines: [] }, false, false)).toBe('');
  });
});

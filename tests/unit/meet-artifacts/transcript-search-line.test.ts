import { describe, expect, it } from 'vitest';
import { matchClose, matchOpen, spokenLine } from '../../../main/meet-artifacts/transcript-search-line';

const marked = (text: string) => text.replaceAll('[', matchOpen).replaceAll(']', matchClose);

describe('spokenLine: the snippet FTS5 returns, as pieces the schedule shows', () => {
  it.each([
    [
      '…we [built] and [ran] kubernetes…',
      [
        { text: '…we ', match: false },
        { text: 'built', match: true },
        { text: ' and ', match: false },
        { text: 'ran', match: true },
        { text: ' kubernetes…', match: false },
      ],
    ],
    ['[Kubernetes operators]', [{ text: 'Kubernetes operators', match: true }]],
    // Adjacent marks (two matched words) read as one.
    ['[built][ ran]', [{ text: 'built ran', match: true }]],
    // Line breaks in speech are spaces; other control characters are dropped.
    [
      'one\r\n\ttwo\u0007 [three]',
      [
        { text: 'one two ', match: false },
        { text: 'three', match: true },
      ],
    ],
    // A marker that does not pair up only ends or starts a mark.
    [
      'a ] b [c',
      [
        { text: 'a  b ', match: false },
        { text: 'c', match: true },
      ],
    ],
    ['', []],
  ])('%j', (snippet, parts) => {
    expect(spokenLine('Tara', marked(snippet)).parts).toEqual(parts);
  });

  it('keeps a very long line short and the speaker on one line', () => {
    const line = spokenLine(' Tara\nSingh ', `${'x'.repeat(5000)} [kubernetes]`);
    expect(line.speaker).toBe('Tara Singh');
    expect(line.parts).toEqual([{ text: `${'x'.repeat(240)}…`, match: false }]);
  });
});

import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineHolds } from '../../../main/meet-artifacts/transcript-lines-query';
import { findText, speakersHolding } from '../../../preload/shared/rules/transcript-find-text';

// The entries and the word index as the app makes them (the index's tokenizer is the app's).
const db = new DatabaseSync(':memory:');
db.exec(`CREATE TABLE transcript_entries (id INTEGER PRIMARY KEY, speaker TEXT NOT NULL, text TEXT NOT NULL);
  CREATE VIRTUAL TABLE transcript_fts USING fts5 (text, content = 'transcript_entries', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');`);
const insert = db.prepare('INSERT INTO transcript_entries (speaker, text) VALUES (?, ?) RETURNING id');
const index = db.prepare('INSERT INTO transcript_fts (rowid, text) VALUES (?, ?)');

/** Stores one line and answers whether the condition built for `query` finds it. */
function finds(query: string, speaker: string, text: string, words: boolean | 'only'): boolean {
  db.exec('BEGIN');
  try {
    const { id } = insert.get(speaker, text) as { id: number };
    index.run(id, text);
    const holds = lineHolds(query, words ? { low: id, high: id } : undefined, words === 'only', [speaker]);
    if (!holds) return true;
    return (
      db.prepare(`SELECT 1 FROM transcript_entries WHERE id = ? AND ${holds.sql}`).get(id, ...holds.params) !==
      undefined
    );
  } finally {
    db.exec('ROLLBACK');
  }
}

/** What LIKE promises of the text: the characters as typed, only ASCII letters in either case. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const holdsAsTyped = (line: string, query: string) => asciiLower(line).includes(asciiLower(findText(query)));

const hostile = fc.constantFrom(
  '%',
  '_',
  '\\',
  '\\%',
  '%_%',
  "'",
  "''",
  '"',
  '""',
  '*',
  '?',
  '[a-z]',
  '^',
  ' ESCAPE ',
  "') OR 1=1 --",
  '\t',
  '\u0001',
  '\u007f',
  '\u200b',
  'É',
  'é',
  'e\u0301',
  '🚀',
  '\uE000',
  'NEAR(',
  ' OR ',
);
const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 5 }), hostile);
const typed = fc.array(piece, { maxLength: 10 }).map((pieces) => pieces.join(''));
const said = fc.array(fc.oneof(piece, fc.constantFrom('a', 'A', ' ', '50% off', 'snake_case', 'C:\\temp')), {
  maxLength: 12,
});
// SQLite's text functions stop at a NUL: a stored line holding one is read up to it (see lineHolds).
const noNul = (s: string) => !s.includes('\0');

describe('lineHolds: whatever is typed is text, never SQL nor a pattern', () => {
  it('finds exactly the lines whose text holds the search as typed (ASCII case aside) or whose speaker holds it, when no word index is asked', () => {
    fc.assert(
      fc.property(typed.filter(noNul), said, said, (query, textParts, speakerParts) => {
        const text = textParts.join('');
        const speaker = speakerParts.join('');
        expect(finds(query, speaker, text, false)).toBe(
          holdsAsTyped(text, query) || speakersHolding(query, [speaker]).length > 0,
        );
        // A name holding the search as typed is always among them.
        if (holdsAsTyped(speaker, query) && findText(query) !== '') expect(finds(query, speaker, '', false)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('always finds a line that says the search, wherever it stands, with or without the word index', () => {
    fc.assert(
      // Find reads any run of whitespace typed as one space, as it did in the room.
      fc.property(typed.filter(noNul), typed, typed, fc.boolean(), (query, before, after, words) => {
        expect(finds(query, 'Ada', `${before}${findText(query)}${after}`, words)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a search holding no letter or digit is never widened by the word index', () => {
    const signs = fc.array(
      hostile.filter((h) => !/[\p{L}\p{N}]/u.test(h)),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(signs, said, (parts, textParts) => {
        const query = parts.join('');
        const text = textParts.join('');
        expect(finds(query, 'Ada', text, true)).toBe(
          holdsAsTyped(text, query) || speakersHolding(query, ['Ada']).length > 0,
        );
      }),
    );
  });

  it('a long transcript (words only) binds whatever is typed, and finds words and speakers, not characters', () => {
    fc.assert(
      // Bound, never SQL nor FTS5 syntax: any search runs and finds its own words said between dashes.
      fc.property(typed, typed, (query, around) => {
        finds(query, 'Ada', around, 'only');
        const words = findText(query).match(/[a-z0-9]+/gi);
        if (words && !/[^a-z0-9 ]/i.test(findText(query)))
          expect(finds(query, 'Ada', `${around} ${words.join('-')}.`, 'only')).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(finds('ueu', 'Rita', 'The queue.', 'only')).toBe(false);
    expect(finds('ueu', 'Rita', 'The queue.', true)).toBe(true);
    expect(finds('rit', 'Rita', 'The queue.', 'only')).toBe(true);
    expect(finds('of', 'Rita', 'A lot of it.', 'only')).toBe(true);
    expect(finds('of', 'Rita', 'Offer it.', 'only')).toBe(false);
  });

  it('binds the search: the SQL is one of a few fixed texts, and a search holding a NUL finds nothing', () => {
    const texts = new Set<string>();
    fc.assert(
      fc.property(typed, fc.boolean(), (query, words) => {
        const holds = lineHolds(query, words ? { low: 1, high: 9 } : undefined, false, ['Ada', 'Zoë']);
        if (holds) texts.add(holds.sql);
        if (query.includes('\0') && findText(query) !== '') expect(holds?.sql).toBe('0');
      }),
    );
    // A few fixed texts: with or without speakers named, the word index, or nothing to find.
    expect(texts.size).toBeLessThanOrEqual(8);
    for (const text of texts) expect(text).not.toMatch(/Ada|Zoë/);
    expect(finds('50%\0', 'Ada', '50% off', false)).toBe(false);
  });

  it("a speaker's name is found in any case and with or without its accents, in any transcript", () => {
    for (const words of [false, true, 'only'] as const) {
      expect(finds('zoe', 'Zoë Ng', 'Hello.', words)).toBe(true);
      expect(finds('JOSÉ mart', 'José Martínez', 'Hello.', words)).toBe(true);
      expect(finds('tinez', 'José Martínez', 'Hello.', words)).toBe(true);
      expect(finds('zoey', 'Zoë Ng', 'Hello.', words)).toBe(false);
    }
  });

  it('words find their accented and capitalised spelling through the word index; spaces only find every line', () => {
    expect(finds('jose', 'Rita', 'Tell me about José.', true)).toBe(true);
    expect(finds('jose', 'Rita', 'Tell me about José.', false)).toBe(false);
    expect(finds('ÉCOLE norm', 'Rita', 'She studied at the école normale.', true)).toBe(true);
    expect(finds('50%', 'Rita', 'We cut 500 lines.', true)).toBe(false);
    expect(finds('a_b', 'Rita', 'axb', true)).toBe(false);
    expect(lineHolds('   \t ', undefined, false, ['Rita'])).toBeUndefined();
    // The longest search the contract lets through is a valid LIKE pattern.
    expect(finds('%'.repeat(200), 'Rita', '%'.repeat(200), true)).toBe(true);
    expect(finds('%'.repeat(200), 'Rita', '%'.repeat(199), true)).toBe(false);
  });
});

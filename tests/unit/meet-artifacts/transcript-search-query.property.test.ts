import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spokenQuery } from '../../../main/meet-artifacts/transcript-search-query';

// The index exactly as the app makes it, over a few entries, to run every generated query against.
const db = new DatabaseSync(':memory:');
db.exec(`CREATE TABLE transcript_entries (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
  CREATE VIRTUAL TABLE transcript_fts USING fts5 (text, content = 'transcript_entries', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');`);
const insert = db.prepare('INSERT INTO transcript_entries (text) VALUES (?) RETURNING id');
const index = db.prepare('INSERT INTO transcript_fts (rowid, text) VALUES (?, ?)');
const add = (text: string) => {
  const { id } = insert.get(text) as { id: number };
  index.run(id, text);
  return id;
};
add('I said "NEAR" and OR, then text: AND NOT * ^ done.');
add('We built and ran Kubernetes operators.');
const matching = db.prepare('SELECT rowid FROM transcript_fts WHERE transcript_fts MATCH ?');

const hostile = fc.constantFrom(
  '"',
  '""',
  '*',
  '^',
  ':',
  'text:',
  '(',
  ')',
  'NEAR(',
  'NEAR/2',
  ' AND ',
  ' OR ',
  ' NOT ',
  '{text}',
  '-',
  '+',
  '\u0000',
  '\\',
  "'",
  '\u200b',
  'é',
  'e\u0301',
  '🚀',
  // The mark between entries in an interview's text.
  '\uE000',
);
const typed = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), hostile), { maxLength: 12 })
  .map((pieces) => pieces.join(''));

describe('spokenQuery: whatever is typed, FTS5 reads words, never syntax', () => {
  it('never makes a query FTS5 refuses, and nothing under three characters or without a word reaches it', () => {
    fc.assert(
      fc.property(typed, (query) => {
        const fts = spokenQuery(query);
        if (fts === undefined) return;
        expect([...query.trim()].length).toBeGreaterThanOrEqual(3);
        expect(() => matching.all(fts)).not.toThrow();
      }),
      { numRuns: 5000 },
    );
  });

  it('finds any run of words said in order, the last one still being typed, whatever case and punctuation it is typed with', () => {
    const word = fc.stringMatching(/^[a-zA-Zàéîõü0-9]{1,8}$/);
    // What a person may put between words: none of it is a letter or digit, so none of it is a word.
    const separator = fc.constantFrom(' ', ', ', ' "', '" ', ' * ', ' (', ') ', ': ', ' - ', '\n', ' ^', '""');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 10 }),
        fc.array(separator, { minLength: 10, maxLength: 10 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (said, typedBetween, a, b, cut) => {
          const id = add(said.map(([w, s]) => w + s).join(''));
          const from = a % said.length;
          const words = said.slice(from, from + 1 + (b % (said.length - from))).map(([w]) => w);
          const last = words.at(-1)!;
          words[words.length - 1] = last.slice(0, 1 + (cut % last.length));
          const query = words.map((w, i) => (i % 2 ? w.toUpperCase() : w) + typedBetween[i]).join('');
          const fts = spokenQuery(query);
          if (fts === undefined) return; // under three characters: not searched at all (see above)
          expect((matching.all(fts) as { rowid: number }[]).map((r) => r.rowid)).toContain(id);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

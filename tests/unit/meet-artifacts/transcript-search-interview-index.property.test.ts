import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../main/database/open-database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createTranscriptSearch } from '../../../main/meet-artifacts/transcript-search';
import { spokenQuery } from '../../../main/meet-artifacts/transcript-search-query';
import { makeInterview } from '../../support/interview-fixtures';
import { insertTranscriptEntries } from '../../support/transcript-seed';

// The app's database with both transcript indexes, and a few interviews to say things in.
const db = openMemoryDatabase();
const transcripts = createTranscriptSearch(db);
const repository = createInterviewRepository(db, { alsoSearch: transcripts });
const interviews = Array.from({ length: 4 }, (_, i) => {
  const made = makeInterview({ id: `00000000-0000-4000-8000-00000000000${i}`, startUtc: '2030-01-15T13:00:00.000Z' });
  repository.put(made);
  return made.id;
});

// Few words, so searches often find something; with the mark between entries and pieces of FTS5 syntax among them.
const piece = fc.constantFrom(
  'we',
  'built',
  'ran',
  'Kubernetes',
  'opérators',
  'bui',
  '\uE000',
  '"',
  '*',
  'NEAR',
  ':',
  '-',
);
const spoken = fc.array(piece, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
const typed = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '', ', ', '\uE000'))
  .map(([words, between]) => words.join(between));

describe('the index of each interview’s text answers as the entries’ index does', () => {
  it('finds exactly the interviews with an entry holding the search, whatever is said and typed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(interviews.length - 1), fc.array(spoken, { minLength: 1, maxLength: 4 })), {
          maxLength: 4,
        }),
        fc.nat(),
        typed,
        (writes, removed, query) => {
          for (const [at, lines] of writes)
            insertTranscriptEntries(
              db,
              interviews[at]!,
              lines.map((text) => ({ speaker: 'Tara', text })),
            );
          // Now and then an entry goes, so the texts are rebuilt after removals too.
          db.prepare(
            'DELETE FROM transcript_entries WHERE id = (SELECT id FROM transcript_entries LIMIT 1 OFFSET ?)',
          ).run(removed % 7);
          const match = spokenQuery(query);
          const condition = transcripts.condition(query);
          if (match === undefined) {
            expect(condition).toBeUndefined();
            return;
          }
          const inEntries = (
            db
              .prepare(
                `SELECT DISTINCT e.interview_id AS id FROM transcript_fts JOIN transcript_entries e ON e.id = transcript_fts.rowid
                 WHERE transcript_fts MATCH ? ORDER BY 1`,
              )
              .all(match) as { id: string }[]
          ).map((r) => r.id);
          expect((JSON.parse(condition!.param) as string[]).sort()).toEqual(inEntries);
        },
      ),
      { numRuns: 500 },
    );
  });
});

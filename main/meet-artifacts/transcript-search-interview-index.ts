import type { FullTextIndex } from '../database/search-index';
import { spokenTokenizer } from './transcript-search-index';

/**
 * Stands between two entries in an interview's text: a word of its own (the tokenizer keeps private-use
 * characters as letters) that no search holds (see `spokenQuery`), so a phrase never runs from one
 * entry into the next.
 */
export const betweenEntries = '\uE000';

/**
 * Brings the stale texts up to date: each (interview, transcript) whose entries changed is indexed
 * again from its entries, or dropped when none are left. Run before every read, so a search never
 * sees a stale text (main is the only writer), and as the index's fill.
 */
export const refreshSaid = [
  'DELETE FROM transcript_said_fts WHERE rowid IN (SELECT id FROM transcript_said WHERE stale = 1)',
  `DELETE FROM transcript_said WHERE stale = 1 AND NOT EXISTS (SELECT 1 FROM transcript_entries e
     WHERE e.interview_id = transcript_said.interview_id AND e.transcript = transcript_said.transcript)`,
  `INSERT INTO transcript_said_fts (rowid, text) SELECT s.id, (SELECT group_concat(e.text, ' ${betweenEntries} ')
     FROM transcript_entries e WHERE e.interview_id = s.interview_id AND e.transcript = s.transcript)
   FROM transcript_said s WHERE s.stale = 1`,
  'UPDATE transcript_said SET stale = 0 WHERE stale = 1',
];

/**
 * The index of what was said per interview: one text per interview and transcript (its entries
 * joined), so finding which interviews said a word costs per interview, not per entry (a word said
 * in every interview is in 2,000 texts, not in 300,000 entries). The entry index
 * (`transcript-search-index.ts`) then picks the line for the rows on the page shown.
 *
 * Contentless (the words are stored once, in the entries) with deletes allowed. A text is rebuilt
 * whole, so writing an entry only marks its text stale (a trigger, whoever writes); the search
 * rebuilds the stale texts before it reads (`refreshSaid`): a fetch of 500 entries rebuilds one
 * text once, not 500 times.
 */
export const interviewSaidIndex: FullTextIndex = {
  table: 'transcript_said_fts',
  create: `CREATE VIRTUAL TABLE transcript_said_fts USING fts5 (text, content = '', contentless_delete = 1, ${spokenTokenizer})`,
  alongside: {
    transcript_said: `CREATE TABLE transcript_said (
        id INTEGER PRIMARY KEY,
        interview_id TEXT NOT NULL,
        transcript TEXT NOT NULL,
        stale INTEGER NOT NULL,
        UNIQUE (interview_id, transcript)
      ) STRICT`,
    transcript_said_stale: 'CREATE INDEX transcript_said_stale ON transcript_said (stale) WHERE stale = 1',
  },
  triggers: {
    transcript_said_insert: `CREATE TRIGGER transcript_said_insert AFTER INSERT ON transcript_entries BEGIN
        INSERT INTO transcript_said (interview_id, transcript, stale) VALUES (new.interview_id, new.transcript, 1)
          ON CONFLICT (interview_id, transcript) DO UPDATE SET stale = 1 WHERE stale = 0;
      END`,
    transcript_said_update: `CREATE TRIGGER transcript_said_update AFTER UPDATE OF interview_id, transcript, text ON transcript_entries BEGIN
        UPDATE transcript_said SET stale = 1 WHERE interview_id = old.interview_id AND transcript = old.transcript;
        INSERT INTO transcript_said (interview_id, transcript, stale) VALUES (new.interview_id, new.transcript, 1)
          ON CONFLICT (interview_id, transcript) DO UPDATE SET stale = 1 WHERE stale = 0;
      END`,
    transcript_said_delete: `CREATE TRIGGER transcript_said_delete AFTER DELETE ON transcript_entries BEGIN
        UPDATE transcript_said SET stale = 1 WHERE interview_id = old.interview_id AND transcript = old.transcript AND stale = 0;
      END`,
  },
  fill: [
    'INSERT INTO transcript_said (interview_id, transcript, stale) SELECT DISTINCT interview_id, transcript, 1 FROM transcript_entries',
    ...refreshSaid,
  ],
};

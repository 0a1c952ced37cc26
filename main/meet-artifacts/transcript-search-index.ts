import type { FullTextIndex } from '../database/search-index';

/** How every transcript index cuts words: the same for entries, interviews' texts and the lines probed, so all find alike. */
export const spokenTokenizer = "tokenize = 'unicode61 remove_diacritics 2'";

/**
 * The full-text index of what was said: an external-content FTS5 table over
 * `transcript_entries.text` (the words are stored once, in the entries; the index holds only its
 * tokens), kept in step by triggers whoever writes the entries. Words, not trigrams: a transcript
 * is searched for words said, and a word index of a million entries builds in about a tenth of the
 * time of a trigram one (`npm run bench transcript-search`). `remove_diacritics 2` lets "jose"
 * find "José"; case never matters.
 *
 * An external-content index must hear the old text of every changed or removed row: writers update
 * an entry in place (`ON CONFLICT … DO UPDATE`), never `INSERT OR REPLACE`, whose implicit delete
 * fires no trigger (recursive triggers are off).
 */
export const transcriptSearchIndex: FullTextIndex = {
  table: 'transcript_fts',
  create: `CREATE VIRTUAL TABLE transcript_fts USING fts5 (text, content = 'transcript_entries', content_rowid = 'id', ${spokenTokenizer})`,
  triggers: {
    transcript_fts_insert: `CREATE TRIGGER transcript_fts_insert AFTER INSERT ON transcript_entries BEGIN
        INSERT INTO transcript_fts (rowid, text) VALUES (new.id, new.text);
      END`,
    transcript_fts_update: `CREATE TRIGGER transcript_fts_update AFTER UPDATE OF id, text ON transcript_entries BEGIN
        INSERT INTO transcript_fts (transcript_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO transcript_fts (rowid, text) VALUES (new.id, new.text);
      END`,
    transcript_fts_delete: `CREATE TRIGGER transcript_fts_delete AFTER DELETE ON transcript_entries BEGIN
        INSERT INTO transcript_fts (transcript_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END`,
  },
  fill: ["INSERT INTO transcript_fts (transcript_fts) VALUES ('rebuild')"],
};

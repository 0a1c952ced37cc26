import type { DatabaseSync } from 'node:sqlite';

/** One step of the `PRAGMA user_version` ladder: from version `to - 1` to `to`. */
export interface SchemaStep {
  to: number;
  describe: string;
  up(sql: DatabaseSync): void;
}

/**
 * The database schema, one step per version. Never edit a shipped step: add the next one (and a
 * fixture of the schema before it in tests/fixtures/database/, which the ladder test requires).
 * Interviews keep their full record as validated JSON, so a field added to the contract's
 * interview schema needs no step here but raises the record format (record-format.ts), which an
 * older build refuses; the columns beside the record exist to be indexed and queried.
 */
export const schemaSteps: SchemaStep[] = [
  {
    to: 1,
    describe: 'interviews, joins, deliveries, reminder marks, one durable queue, sync state',
    up: (sql) =>
      sql.exec(`
        CREATE TABLE interviews (
          id TEXT PRIMARY KEY,
          start_ms INTEGER NOT NULL,
          end_ms INTEGER NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
          origin TEXT NOT NULL,
          search TEXT NOT NULL,
          google_event_id TEXT,
          record TEXT NOT NULL CHECK (json_valid(record)),
          updated_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX interviews_by_start ON interviews (start_ms);
        CREATE INDEX interviews_by_status_start ON interviews (status, start_ms);
        CREATE INDEX interviews_by_google_event ON interviews (google_event_id) WHERE google_event_id IS NOT NULL;

        CREATE TABLE joins (
          interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          joined_at TEXT NOT NULL,
          left_at TEXT,
          via TEXT NOT NULL CHECK (via IN ('app', 'browser')),
          PRIMARY KEY (interview_id, seq)
        ) STRICT;

        CREATE TABLE deliveries (
          interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
          recipient TEXT NOT NULL CHECK (recipient IN ('candidate', 'recruiter')),
          state TEXT NOT NULL CHECK (state IN ('none', 'queued', 'sent', 'failed')),
          reason TEXT,
          at TEXT,
          PRIMARY KEY (interview_id, recipient)
        ) STRICT;

        CREATE TABLE reminder_marks (
          interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
          key TEXT NOT NULL,
          at TEXT NOT NULL,
          UNIQUE (interview_id, key)
        ) STRICT;

        CREATE TABLE queue_items (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          queue TEXT NOT NULL CHECK (queue IN ('google', 'mail')),
          key TEXT NOT NULL UNIQUE,
          interview_id TEXT REFERENCES interviews (id) ON DELETE CASCADE,
          state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'done', 'failed')),
          attempts INTEGER NOT NULL DEFAULT 0,
          not_before INTEGER NOT NULL DEFAULT 0,
          payload TEXT NOT NULL CHECK (json_valid(payload)),
          reason TEXT,
          created_ms INTEGER NOT NULL,
          updated_ms INTEGER NOT NULL,
          finished_ms INTEGER
        ) STRICT;
        CREATE INDEX queue_items_waiting ON queue_items (queue, state, seq);
        CREATE INDEX queue_items_by_interview ON queue_items (interview_id);

        CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      `),
  },
  {
    to: 2,
    describe: 'which message a delivery state is about; when reminders were armed',
    up: (sql) =>
      sql.exec(`
        ALTER TABLE deliveries ADD COLUMN kind TEXT CHECK (kind IN ('invitation', 'update', 'cancellation', 'reminder'));
        ALTER TABLE interviews ADD COLUMN reminders_armed_at TEXT;
      `),
  },
  {
    to: 3,
    describe:
      'the schedule and analytics read a covering index by start time; the job title as a column; the full-text search key',
    // (start_ms, id) is the schedule's order; `end_ms`, `status`, `job_title` and `search` ride in the
    // same index, so a section, analytics over a period, and a search without full-text support read
    // the index, never the records. `search_rowid` ties a row to its
    // entry in the full-text index (search-index.ts), which is derived and built at open when the
    // SQLite build has FTS5: a stable key of its own, because VACUUM may renumber a plain rowid.
    up: (sql) =>
      sql.exec(`
        ALTER TABLE interviews ADD COLUMN job_title TEXT NOT NULL DEFAULT '';
        UPDATE interviews SET job_title = record ->> '$.jobTitle';
        CREATE INDEX interviews_by_start_search ON interviews (start_ms, id, end_ms, status, job_title, search);
        ALTER TABLE interviews ADD COLUMN search_rowid INTEGER;
        CREATE UNIQUE INDEX interviews_by_search_rowid ON interviews (search_rowid) WHERE search_rowid IS NOT NULL;
      `),
  },
  {
    to: 4,
    describe: 'Google Meet attendance per interview: conferences, participants, sessions, fetch state',
    up: (sql) =>
      sql.exec(`
        CREATE TABLE attendance_conferences (
          interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          start_time TEXT NOT NULL,
          end_time TEXT,
          space TEXT,
          PRIMARY KEY (interview_id, name)
        ) STRICT;
        CREATE TABLE attendance_participants (
          interview_id TEXT NOT NULL,
          conference TEXT NOT NULL,
          name TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('signedin', 'anonymous', 'phone')),
          user TEXT,
          display_name TEXT NOT NULL,
          earliest_start_time TEXT,
          latest_end_time TEXT,
          PRIMARY KEY (interview_id, name),
          FOREIGN KEY (interview_id, conference) REFERENCES attendance_conferences (interview_id, name) ON DELETE CASCADE
        ) STRICT;
        CREATE TABLE attendance_sessions (
          interview_id TEXT NOT NULL,
          participant TEXT NOT NULL,
          name TEXT NOT NULL,
          start_time TEXT NOT NULL,
          end_time TEXT,
          PRIMARY KEY (interview_id, name),
          FOREIGN KEY (interview_id, participant) REFERENCES attendance_participants (interview_id, name) ON DELETE CASCADE
        ) STRICT;
        CREATE TABLE attendance_fetch (
          interview_id TEXT PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
          state TEXT NOT NULL CHECK (state IN ('fetched', 'retry', 'blocked', 'failed')),
          final INTEGER NOT NULL DEFAULT 0,
          attempts INTEGER NOT NULL DEFAULT 0,
          next_ms INTEGER NOT NULL DEFAULT 0,
          fetched_ms INTEGER,
          reason TEXT,
          fetched_for TEXT NOT NULL
        ) STRICT;
        CREATE INDEX attendance_fetch_due ON attendance_fetch (state, next_ms);
      `),
  },
  {
    to: 5,
    describe: 'queue items held until their interview is final; the next due item as one indexed read',
    // `held` marks a message whose meeting is not final yet (no Meet link, Google's event not ready):
    // planning and draining skip it in the query, so their cost follows what is due, not what waits.
    up: (sql) =>
      sql.exec(`
        ALTER TABLE queue_items ADD COLUMN held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1));
        CREATE INDEX queue_items_next ON queue_items (queue, state, held, not_before);
      `),
  },
  {
    to: 6,
    describe: 'after the interview: Meet artifacts and transcript entries, scorecards and templates, panel forms',
    // Artifacts are links only (Google keeps the files); transcript entries are ours to keep, since
    // Google deletes them 30 days after the call. Scorecards keep the criteria they were written
    // against as JSON, so editing a template never changes what an interviewer said.
    up: (sql) =>
      sql.exec(`
        -- "The next interview to end" in end order, so looking for it stops at the first one.
        CREATE INDEX interviews_by_end ON interviews (end_ms);

        CREATE TABLE meet_artifacts (
          interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('transcript', 'recording', 'smart_notes')),
          state TEXT NOT NULL,
          export_uri TEXT,
          start_time TEXT,
          end_time TEXT,
          entries_ms INTEGER,
          PRIMARY KEY (interview_id, name)
        ) STRICT;

        CREATE TABLE artifact_fetch (
          interview_id TEXT PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
          state TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          next_ms INTEGER NOT NULL DEFAULT 0,
          checked_ms INTEGER,
          ended_ms INTEGER,
          expire_ms INTEGER,
          reason TEXT,
          notes_offered INTEGER NOT NULL DEFAULT 1,
          fetched_for TEXT NOT NULL
        ) STRICT;
        CREATE INDEX artifact_fetch_due ON artifact_fetch (state, next_ms);

        CREATE TABLE transcript_entries (
          id INTEGER PRIMARY KEY,
          interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
          transcript TEXT NOT NULL,
          name TEXT NOT NULL,
          speaker TEXT NOT NULL,
          text TEXT NOT NULL,
          language_code TEXT,
          start_time TEXT NOT NULL,
          end_time TEXT,
          UNIQUE (interview_id, name)
        ) STRICT;
        CREATE INDEX transcript_entries_by_interview ON transcript_entries (interview_id, start_time);

        CREATE TABLE scorecard_templates (
          id TEXT PRIMARY KEY,
          job_title TEXT,
          record TEXT NOT NULL CHECK (json_valid(record)),
          updated_ms INTEGER NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX scorecard_templates_by_job ON scorecard_templates (lower(job_title))
          WHERE job_title IS NOT NULL;

        CREATE TABLE scorecards (
          interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
          author_email TEXT NOT NULL,
          source TEXT NOT NULL CHECK (source IN ('app', 'form')),
          state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
          record TEXT NOT NULL CHECK (json_valid(record)),
          submitted_ms INTEGER,
          updated_ms INTEGER NOT NULL,
          PRIMARY KEY (interview_id, author_email)
        ) STRICT;
        CREATE INDEX scorecards_submitted ON scorecards (submitted_ms) WHERE submitted_ms IS NOT NULL;

        CREATE TABLE panel_forms (
          interview_id TEXT PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
          form_id TEXT,
          responder_uri TEXT,
          state TEXT NOT NULL,
          questions TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(questions)),
          reason TEXT,
          next_read_ms INTEGER NOT NULL DEFAULT 0,
          read_attempts INTEGER NOT NULL DEFAULT 0,
          read_ms INTEGER,
          response_cursor TEXT,
          updated_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX panel_forms_due ON panel_forms (state, next_read_ms);

        CREATE TABLE panel_form_recipients (
          interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
          email TEXT NOT NULL,
          name TEXT NOT NULL,
          asked_ms INTEGER,
          reminded_ms INTEGER,
          reminders INTEGER NOT NULL DEFAULT 0,
          received_ms INTEGER,
          response_id TEXT,
          mail_attempts INTEGER NOT NULL DEFAULT 0,
          mail_retry_ms INTEGER,
          mail_problem TEXT,
          PRIMARY KEY (interview_id, email)
        ) STRICT;
      `),
  },
  {
    to: 7,
    describe: "each interview's transcript speakers as one indexed read",
    // Find in transcript matches speakers' names in JavaScript (SQLite folds no accents): their
    // names come from this index, never from a walk over every stored line.
    up: (sql) => sql.exec('CREATE INDEX transcript_entries_speakers ON transcript_entries (interview_id, speaker);'),
  },
];

/** The version this build writes (the last step's). */
export const latestDatabaseVersion = (): number => schemaSteps.at(-1)?.to ?? 0;

/** The version this build writes. */
export const currentDatabaseVersion = latestDatabaseVersion();

/** A database written by a newer Interview Desk: never downgrade it silently. */
export class NewerDatabaseError extends Error {
  constructor(version: number) {
    super(
      `The database was written by a newer Interview Desk (format ${version}; this version reads up to ${latestDatabaseVersion()}). Update the app to open it.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

/** The stored schema version. */
export function databaseVersion(sql: DatabaseSync): number {
  const row = sql.prepare('PRAGMA user_version').get() as { user_version?: number } | undefined;
  return Number(row?.user_version ?? 0);
}

/**
 * Runs every step above the stored version (up to `target`), each in its own transaction with its
 * `user_version`, so a crash mid-ladder leaves the last finished version. `beforeStep` runs first
 * (the caller's backup). Returns the steps taken.
 */
export function migrateDatabase(
  sql: DatabaseSync,
  options: { target?: number; beforeStep?: (step: SchemaStep, from: number) => void } = {},
): string[] {
  const target = options.target ?? latestDatabaseVersion();
  const from = databaseVersion(sql);
  if (from > latestDatabaseVersion()) throw new NewerDatabaseError(from);
  const taken: string[] = [];
  for (const step of schemaSteps) {
    if (step.to <= databaseVersion(sql) || step.to > target) continue;
    options.beforeStep?.(step, databaseVersion(sql));
    sql.exec('BEGIN IMMEDIATE');
    try {
      step.up(sql);
      sql.exec(`PRAGMA user_version = ${step.to}`);
      sql.exec('COMMIT');
    } catch (error) {
      sql.exec('ROLLBACK');
      throw error;
    }
    taken.push(`${step.to - 1}→${step.to}: ${step.describe}`);
  }
  return taken;
}

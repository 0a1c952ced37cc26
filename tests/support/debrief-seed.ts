/**
 * Rows of what happens after the interview, written straight into the tables (the features that
 * normally write them are tested on their own): scorecards, Meet artifact links, transcript lines.
 */
import type { Database } from '../../main/database/database';
import type { Scorecard, ScorecardAnswers } from '../../preload/shared/contract/scorecard-schema';
import { builtInTemplate } from '../../main/scorecards/default-template';

/** A submitted scorecard on the built-in template, rated as given. */
export function makeScorecard(
  interviewId: string,
  author: Scorecard['author'],
  overrides: Partial<Omit<Scorecard, 'answers'>> & { answers?: Partial<ScorecardAnswers> } = {},
): Scorecard {
  const { answers, ...rest } = overrides;
  return {
    interviewId,
    author,
    source: author.kind === 'recruiter' ? 'app' : 'form',
    templateName: builtInTemplate.name,
    criteria: builtInTemplate.criteria.map((c) => ({ ...c })),
    answers: { ratings: {}, takeaways: '', ...answers },
    state: 'submitted',
    submittedAt: '2030-01-15T15:00:00.000Z',
    updatedAt: '2030-01-15T15:00:00.000Z',
    ...rest,
  };
}

/** Stores a scorecard row as the scorecards and panel-forms features do (author email lowercased). */
export function insertScorecard(db: Database, card: Scorecard): void {
  db.prepare(
    `INSERT INTO scorecards (interview_id, author_email, source, state, record, submitted_ms, updated_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    card.interviewId,
    card.author.email.toLowerCase(),
    card.source,
    card.state,
    JSON.stringify(card),
    card.submittedAt ? Date.parse(card.submittedAt) : null,
    Date.parse(card.updatedAt),
  );
}

/**
 * Stores one Meet artifact's link, with the fetch state the Meet-artifacts job leaves after a complete
 * look at the interview as it is now (without it, the retention step forgets the rows as stale).
 */
export function insertArtifact(
  db: Database,
  row: { interviewId: string; name: string; kind: 'transcript' | 'recording' | 'smart_notes'; exportUri?: string },
): void {
  db.prepare(
    `INSERT INTO meet_artifacts (interview_id, name, kind, state, export_uri, start_time) VALUES (?, ?, ?, 'FILE_GENERATED', ?, ?)`,
  ).run(row.interviewId, row.name, row.kind, row.exportUri ?? null, '2030-01-15T13:00:00.000Z');
  db.prepare(
    `INSERT OR IGNORE INTO artifact_fetch (interview_id, state, fetched_for)
     SELECT id, 'complete', start_ms || ':' || end_ms || ':' || coalesce(json_extract(record, '$.meetLink'), '')
     FROM interviews WHERE id = ?`,
  ).run(row.interviewId);
}

/** Stores `count` transcript lines for an interview. */
export function insertTranscriptLines(db: Database, interviewId: string, count: number): void {
  const insert = db.prepare(
    `INSERT INTO transcript_entries (interview_id, transcript, name, speaker, text, start_time) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const transcript = 'conferenceRecords/c1/transcripts/t1';
  for (let i = 0; i < count; i++)
    insert.run(
      interviewId,
      transcript,
      `${transcript}/entries/${i}`,
      'Ada Lovelace',
      `Line ${i}`,
      '2030-01-15T13:00:00.000Z',
    );
}

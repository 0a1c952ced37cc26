/**
 * Transcript entries written straight into `transcript_entries`, as the Meet-artifacts fetch stores
 * them (speaker names already resolved), for tests of what reads them (the schedule's search).
 */
import type { Database } from '../../main/database/database';

/** One thing said: who, what, and when (ISO time; by default a second after the one before). */
export interface SaidLine {
  speaker: string;
  text: string;
  startTime?: string;
}

let written = 0;

/** Stores these lines for an interview, in one transaction; returns their row ids. */
export function insertTranscriptEntries(
  db: Pick<Database, 'prepare' | 'transaction'>,
  interviewId: string,
  lines: SaidLine[],
  firstTime = '2030-01-15T13:00:00.000Z',
): number[] {
  const insert = db.prepare(
    `INSERT INTO transcript_entries (interview_id, transcript, name, speaker, text, language_code, start_time, end_time)
     VALUES (?, ?, ?, ?, ?, 'en-US', ?, ?) RETURNING id`,
  );
  return db.transaction(() =>
    lines.map((line, i) => {
      const start = line.startTime ?? new Date(Date.parse(firstTime) + i * 1000).toISOString();
      const transcript = `conferenceRecords/${interviewId}/transcripts/t1`;
      const name = `${transcript}/entries/${++written}`;
      return Number(
        (insert.get(interviewId, transcript, name, line.speaker, line.text, start, start) as { id: number }).id,
      );
    }),
  );
}

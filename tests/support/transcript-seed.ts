/**
 * Transcript entries written straight into `transcript_entries`, as the Meet-artifacts fetch stores
 * them (speaker names already resolved), for tests of what reads them (the schedule's search).
 */
import type { Database } from '../../main/database/database';
import { createArtifactRepository } from '../../main/meet-artifacts/artifact-repository';

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

/**
 * Stores a whole read transcript of an interview as the Meet-artifacts fetch does after a call
 * (through its repository: the artifact, its entries and a complete look for the interview's
 * current time and link), so the app keeps it at start. For end-to-end tests.
 */
export function saveReadTranscript(db: Database, interviewId: string, lines: SaidLine[]): void {
  const transcript = `conferenceRecords/c-${interviewId.slice(0, 8)}/transcripts/t1`;
  const start = '2030-01-15T13:00:00.000Z';
  createArtifactRepository(db).saveLook(
    interviewId,
    [{ name: transcript, kind: 'transcript', state: 'FILE_GENERATED', startTime: start }],
    lines.map((line, i) => ({
      transcript,
      name: `${transcript}/entries/${i + 1}`,
      speaker: line.speaker,
      text: line.text,
      languageCode: 'en-US',
      startTime: line.startTime ?? new Date(Date.parse(start) + i * 1000).toISOString(),
    })),
    { state: 'complete', attempts: 0, nextMs: 0, notesOffered: true },
  );
}

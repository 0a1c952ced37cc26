/**
 * Meet attendance as the fetch job leaves it, for tests of what follows from it: read in full with no
 * conference at all, which the room reports as "nobody joined" (outcome `neither`).
 */
import type { Database } from '../../main/database/database';
import { createAttendanceRepository } from '../../main/attendance/attendance-repository';

/** Records that Meet was read for the interview, finally, and had no call: nobody joined. */
export function recordNobodyJoined(db: Database, interviewId: string, at = Date.now()): void {
  createAttendanceRepository(db).setFetchState(interviewId, {
    state: 'fetched',
    final: true,
    attempts: 0,
    nextMs: 0,
    fetchedMs: at,
  });
}

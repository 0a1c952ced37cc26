/**
 * Scorecards and the panel's forms (with their recipients) are deleted on the retention schedule,
 * like everything else kept after an interview: once the interview ended longer ago than the setting.
 */
import type { Database } from '../database/database';

/** Deletes scorecards, panel forms and their recipients of interviews that ended before `endedBeforeMs`; answers the interviews affected. */
export function forgetScorecards(db: Database, endedBeforeMs: number): string[] {
  return db.transaction(() => {
    const ended = `SELECT id FROM interviews WHERE end_ms < ?`;
    const ids = db
      .prepare(
        `SELECT interview_id FROM scorecards WHERE interview_id IN (${ended})
         UNION SELECT interview_id FROM panel_forms WHERE interview_id IN (${ended})
         UNION SELECT interview_id FROM panel_form_recipients WHERE interview_id IN (${ended})`,
      )
      .all(endedBeforeMs, endedBeforeMs, endedBeforeMs)
      .map((r) => String(r.interview_id));
    for (const table of ['scorecards', 'panel_forms', 'panel_form_recipients'])
      db.prepare(`DELETE FROM ${table} WHERE interview_id IN (${ended})`).run(endedBeforeMs);
    return ids;
  });
}

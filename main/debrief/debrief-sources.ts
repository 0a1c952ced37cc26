/**
 * What the debrief reads besides the interview: its Meet links and how many transcript lines are kept,
 * and which interviews share a candidate. Reads only; the features that fetch these own the writes.
 */
import type { Database } from '../database/database';
import { searchText } from '../database/search-text';
import { readableOnly } from '../database/unreadable-interviews';
import { isMeetArtifactUrl } from '../security/url-policy';

/** A Meet artifact's link, as stored (Google keeps the file in the organizer's Drive). */
export interface ArtifactLink {
  kind: 'transcript' | 'recording' | 'smart_notes';
  url: string;
}

/** The debrief's reads over the database. */
export interface DebriefSources {
  /** The interview's Meet links that are ready and allowed to open in the browser, transcript first. */
  links(interviewId: string): ArtifactLink[];
  /** How many transcript lines this computer keeps for the interview. */
  transcriptEntries(interviewId: string): number;
  /** The ids of the scheduled-here interviews whose candidate has this email (any case), oldest first. */
  candidateInterviewIds(email: string): string[];
}

const kindOrder = { transcript: 0, recording: 1, smart_notes: 2 } as const;

/** Creates the reads over the app database. */
export function createDebriefSources(db: Database): DebriefSources {
  return {
    links(interviewId) {
      const rows = db
        .prepare(
          `SELECT kind, export_uri AS url FROM meet_artifacts WHERE interview_id = ? AND export_uri IS NOT NULL
           ORDER BY start_time, name`,
        )
        .all(interviewId) as Array<{ kind: ArtifactLink['kind']; url: string }>;
      // Only a link exactly as Meet gives it (Drive or Docs, https) is offered; the shell would refuse others too.
      return rows
        .filter((r) => r.kind in kindOrder && isMeetArtifactUrl(r.url))
        .map((r) => ({ kind: r.kind, url: r.url }))
        .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]);
    },
    transcriptEntries(interviewId) {
      const row = db
        .prepare('SELECT count(*) AS n FROM transcript_entries WHERE interview_id = ?')
        .get(interviewId) as {
        n: number;
      };
      return Number(row.n);
    },
    candidateInterviewIds(email) {
      // The search column holds the candidate's email normalised: it narrows the rows, the record decides.
      const rows = db
        .prepare(
          `SELECT id FROM interviews WHERE origin = 'recruiter' AND instr(search, :needle) > 0
             AND lower(record ->> '$.candidate.email') = :email AND ${readableOnly()}
           ORDER BY start_ms, id`,
        )
        .all({ needle: searchText(email), email: email.toLowerCase() }) as Array<{ id: string }>;
      return rows.map((r) => r.id);
    },
  };
}

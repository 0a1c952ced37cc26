/**
 * Reading Meet's artifacts of one interview: the same conference records attendance reads (its
 * meeting code, within its window), and for each its transcripts, recordings and Gemini's notes.
 * A transcript's entries are read once its file is generated (then they are final), each named by
 * its speaker through the conference's participants. Gemini's notes answering 403 or 404 mean "not
 * offered" (a newer method, not open to every account), never a failure of the whole look.
 */
import type { ArtifactKind } from '../../preload/shared/contract/transcript-schema';
import { findInterviewConferences } from '../attendance/attendance-fetch';
import type { InterviewForAttendance } from '../attendance/attendance-analysis';
import type { MeetClient, RequestBudget } from '../attendance/meet-client';
import type { ConferenceRecord } from '../attendance/meet-records';
import { toGoogleRequestError } from '../google/api/google-request-error';
import type { ArtifactClient } from './artifact-client';
import type { MeetArtifact } from './artifact-records';
import type { StoredEntry } from './artifact-repository';

/** What one look found. */
export interface ArtifactLook {
  conferences: ConferenceRecord[];
  artifacts: MeetArtifact[];
  /** Entries of transcripts read for the first time. */
  entries: StoredEntry[];
  notesOffered: boolean;
  /** A transcript held more lines than were left to keep: the first ones are in `entries`, the rest not read. */
  cut: boolean;
}

/** Requests one look may make: a one-hour transcript takes about six pages of entries. */
export const defaultRequestsPerLook = 2_000;

/** The name shown for a speaker Meet does not name. */
export const unnamedSpeaker = 'Unnamed participant';

const kinds: ArtifactKind[] = ['transcript', 'recording', 'smart_notes'];

/**
 * Looks at Meet for one interview. `entriesRead` names the transcripts whose entries are stored
 * already (not read again); `linesLeft` is how many entries may still be stored for it (what is kept
 * per interview, less what is stored): a transcript past it is cut there and its walk stops. Throws a
 * GoogleRequestError when Meet refuses or cannot be reached.
 */
export async function readMeetArtifacts(
  meet: MeetClient,
  client: ArtifactClient,
  interview: Pick<InterviewForAttendance, 'meetingCode' | 'scheduledStart' | 'scheduledEnd'>,
  entriesRead: ReadonlySet<string>,
  linesLeft: number,
  maxRequests = defaultRequestsPerLook,
): Promise<ArtifactLook> {
  const budget: RequestBudget = { left: maxRequests };
  const conferences = await findInterviewConferences(meet, interview, {}, budget);
  const look: ArtifactLook = { conferences, artifacts: [], entries: [], notesOffered: true, cut: false };
  for (const record of conferences) {
    for (const kind of kinds) {
      try {
        look.artifacts.push(...(await client.listArtifacts(kind, record.name, budget)));
      } catch (caught) {
        const failure = toGoogleRequestError(caught);
        if (kind === 'smart_notes' && (failure.kind === 'not_found' || failure.kind === 'forbidden'))
          look.notesOffered = false;
        else throw failure;
      }
    }
    const toRead = look.artifacts.filter(
      (a) =>
        a.kind === 'transcript' &&
        a.state === 'FILE_GENERATED' &&
        a.name.startsWith(`${record.name}/`) &&
        !entriesRead.has(a.name),
    );
    if (toRead.length === 0) continue;
    const speakers = new Map<string, string>();
    for (const p of await meet.listParticipants(record.name, budget)) speakers.set(p.name, p.identity.displayName);
    for (const transcript of toRead) {
      const read = await client.listEntries(transcript.name, Math.max(0, linesLeft - look.entries.length), budget);
      if (read.cut) look.cut = true;
      for (const e of read.items) {
        look.entries.push({
          transcript: transcript.name,
          name: e.name,
          speaker: (e.participant && speakers.get(e.participant)) || unnamedSpeaker,
          text: e.text,
          startTime: e.startTime,
          ...(e.languageCode ? { languageCode: e.languageCode } : {}),
          ...(e.endTime ? { endTime: e.endTime } : {}),
        });
      }
    }
  }
  return look;
}

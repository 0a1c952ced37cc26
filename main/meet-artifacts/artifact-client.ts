/**
 * The Meet v2 calls for a conference record's artifacts: its transcripts (and each one's entries),
 * recordings and Gemini's smart notes. Built on the Meet client's one page walk and retry policy, with
 * attendance's scope (`meetings.space.readonly`), so no Drive or Docs scope is ever asked for: the
 * files themselves are only linked.
 */
import type { ArtifactKind } from '../../preload/shared/contract/transcript-schema';
import {
  createMeetPages,
  meetRequestOptions,
  type MeetClientOptions,
  type MeetPageFetch,
  type RequestBudget,
  type WalkedList,
} from '../attendance/meet-client';
import { parseArtifact, parseTranscriptEntry, type MeetArtifact, type MeetTranscriptEntry } from './artifact-records';

/** What reading Meet's artifacts needs. */
export interface ArtifactClient {
  listArtifacts(kind: ArtifactKind, conferenceRecord: string, budget?: RequestBudget): Promise<MeetArtifact[]>;
  /** A transcript's entries, oldest first (100 a page, the most Google gives), at most `maxEntries`; `cut` when there were more. */
  listEntries(transcript: string, maxEntries: number, budget?: RequestBudget): Promise<WalkedList<MeetTranscriptEntry>>;
}

/** Creates the client; `maxPages` bounds one list (a long transcript has many pages of 100). */
export function createArtifactClient(options: MeetClientOptions): ArtifactClient {
  const pages = createMeetPages({ ...options, maxPages: options.maxPages ?? 500 });
  const requestOptions = meetRequestOptions(options);
  const pageSize = Math.min(options.pageSize ?? 100, 100);
  const walk = (budget: RequestBudget | undefined) => ({ pageSize, ...(budget ? { budget } : {}) });
  const all = async (fetchPage: MeetPageFetch, kind: ArtifactKind, budget: RequestBudget | undefined) =>
    (await pages.list(fetchPage, (raw) => parseArtifact(kind, raw), walk(budget))).items;
  return {
    listArtifacts(kind, parent, budget) {
      if (kind === 'transcript')
        return all(
          async (meet, page) => {
            const res = await meet.conferenceRecords.transcripts.list({ parent, ...page }, requestOptions);
            return { items: res.data.transcripts, next: res.data.nextPageToken };
          },
          kind,
          budget,
        );
      if (kind === 'recording')
        return all(
          async (meet, page) => {
            const res = await meet.conferenceRecords.recordings.list({ parent, ...page }, requestOptions);
            return { items: res.data.recordings, next: res.data.nextPageToken };
          },
          kind,
          budget,
        );
      return all(
        async (meet, page) => {
          const res = await meet.conferenceRecords.smartNotes.list({ parent, ...page }, requestOptions);
          return { items: res.data.smartNotes, next: res.data.nextPageToken };
        },
        kind,
        budget,
      );
    },
    listEntries(parent, maxEntries, budget) {
      return pages.list(
        async (meet, page) => {
          const res = await meet.conferenceRecords.transcripts.entries.list({ parent, ...page }, requestOptions);
          return { items: res.data.transcriptEntries, next: res.data.nextPageToken };
        },
        parseTranscriptEntry,
        { ...walk(budget), maxItems: maxEntries },
      );
    },
  };
}

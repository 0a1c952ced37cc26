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
  type RequestBudget,
} from '../attendance/meet-client';
import { parseArtifact, parseTranscriptEntry, type MeetArtifact, type MeetTranscriptEntry } from './artifact-records';

/** What reading Meet's artifacts needs. */
export interface ArtifactClient {
  listArtifacts(kind: ArtifactKind, conferenceRecord: string, budget?: RequestBudget): Promise<MeetArtifact[]>;
  /** Every entry of a transcript, oldest first (100 a page, the most Google gives). */
  listEntries(transcript: string, budget?: RequestBudget): Promise<MeetTranscriptEntry[]>;
}

/** Creates the client; `maxPages` bounds one list (a long transcript has many pages of 100). */
export function createArtifactClient(options: MeetClientOptions): ArtifactClient {
  const pages = createMeetPages({ ...options, maxPages: options.maxPages ?? 500 });
  const requestOptions = meetRequestOptions(options);
  const pageSize = Math.min(options.pageSize ?? 100, 100);
  const page = (pageToken: string | undefined) => ({ pageSize, ...(pageToken ? { pageToken } : {}) });
  return {
    listArtifacts(kind, parent, budget) {
      const parse = (raw: unknown) => parseArtifact(kind, raw);
      if (kind === 'transcript')
        return pages.list(
          async (meet, token) => {
            const res = await meet.conferenceRecords.transcripts.list({ parent, ...page(token) }, requestOptions);
            return { items: res.data.transcripts, next: res.data.nextPageToken };
          },
          parse,
          budget,
        );
      if (kind === 'recording')
        return pages.list(
          async (meet, token) => {
            const res = await meet.conferenceRecords.recordings.list({ parent, ...page(token) }, requestOptions);
            return { items: res.data.recordings, next: res.data.nextPageToken };
          },
          parse,
          budget,
        );
      return pages.list(
        async (meet, token) => {
          const res = await meet.conferenceRecords.smartNotes.list({ parent, ...page(token) }, requestOptions);
          return { items: res.data.smartNotes, next: res.data.nextPageToken };
        },
        parse,
        budget,
      );
    },
    listEntries(parent, budget) {
      return pages.list(
        async (meet, token) => {
          const res = await meet.conferenceRecords.transcripts.entries.list({ parent, ...page(token) }, requestOptions);
          return { items: res.data.transcriptEntries, next: res.data.nextPageToken };
        },
        parseTranscriptEntry,
        budget,
      );
    },
  };
}

/**
 * Google Meet REST v2 artifacts of a conference record, read-only, as Google documents them:
 * `conferenceRecords.transcripts` (+ `.entries`), `conferenceRecords.recordings` and
 * `conferenceRecords.smartNotes`. Each moves STARTED → ENDED → FILE_GENERATED; its Drive or Docs
 * destination (with `exportUri`) is given once the file is generated. Lists are ordered by start time
 * ascending, paged (unspecified: at most 10; above 100 coerced to 100), with opaque page tokens tied to
 * their query. Smart notes can be switched off (404 or 403), as for a developer-preview method not
 * offered to the caller. Errors use Meet's gRPC-style body.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { json, rpcError } from './http-helpers';

type Json = Record<string, unknown>;

/** Where a transcript, recording or smart note stands. */
export type ArtifactState = 'STARTED' | 'ENDED' | 'FILE_GENERATED';

/** What the conference answers about a caller: unknown, not theirs to read, or its participants. */
export type ConferenceAccess =
  | { kind: 'missing' }
  | { kind: 'forbidden' }
  | { kind: 'visible'; participants: Array<{ name: string; displayName: string }> };

/** An artifact as tests describe it. */
export interface ArtifactInput {
  state?: ArtifactState;
  startTime: string;
  /** Set when the session stopped (ENDED or later). */
  endTime?: string;
  /** The Drive file or Docs document id (generated when absent). */
  fileId?: string;
}

/** One transcript entry as tests describe it: `speaker` is a participant's resource name or display name. */
export interface EntryInput {
  speaker: string;
  text: string;
  languageCode?: string;
  start: string;
  end?: string;
}

type Kind = 'transcripts' | 'recordings' | 'smartNotes';

interface StoredArtifact {
  name: string;
  conference: string;
  kind: Kind;
  state: ArtifactState;
  startTime: string;
  endTime?: string;
  fileId: string;
  entries: Json[];
}

const id = () => randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');
const byStart = (a: { startTime: string }, b: { startTime: string }) =>
  Date.parse(a.startTime) - Date.parse(b.startTime);

/** The transcripts, recordings and smart notes of the emulator's conference records. */
export class MeetArtifactEmulator {
  private artifacts: StoredArtifact[] = [];
  /** Smart notes not offered to the caller: the method answers 404 (not found) or 403 (permission denied). */
  smartNotesOffered: 'yes' | 'not_found' | 'forbidden' = 'yes';
  /** Fault: each page holds this many times the page size asked for (a server ignoring `pageSize`). */
  oversizePages = 1;

  constructor(private readonly access: (conference: string, email: string) => ConferenceAccess) {}

  /** Test API: a transcript of the conference (FILE_GENERATED unless said), with its entries. Returns its name. */
  addTranscript(conference: string, input: ArtifactInput & { entries?: EntryInput[] }): string {
    const transcript = this.add(conference, 'transcripts', input);
    if (input.entries) this.addEntries(transcript, input.entries);
    return transcript;
  }

  /** Test API: more entries of a transcript (speakers by participant name or display name). */
  addEntries(transcript: string, entries: EntryInput[]): void {
    const stored = this.find(transcript);
    const people = this.access(stored.conference, '*');
    const participants = people.kind === 'visible' ? people.participants : [];
    for (const e of entries) {
      const participant =
        participants.find((p) => p.name === e.speaker)?.name ??
        participants.find((p) => p.displayName === e.speaker)?.name ??
        e.speaker;
      stored.entries.push({
        name: `${transcript}/entries/${id()}`,
        participant,
        text: e.text,
        ...(e.languageCode ? { languageCode: e.languageCode } : {}),
        startTime: e.start,
        ...(e.end ? { endTime: e.end } : {}),
      });
    }
  }

  /** Test API: a recording of the conference. */
  addRecording(conference: string, input: ArtifactInput): string {
    return this.add(conference, 'recordings', input);
  }

  /** Test API: Gemini's notes of the conference. */
  addSmartNote(conference: string, input: ArtifactInput): string {
    return this.add(conference, 'smartNotes', input);
  }

  /** Test API: an artifact moves on (ENDED → FILE_GENERATED, say). */
  setState(name: string, state: ArtifactState, endTime?: string): void {
    const stored = this.find(name);
    stored.state = state;
    if (endTime) stored.endTime = endTime;
  }

  /** Test API: forgets every artifact. */
  clear(): void {
    this.artifacts = [];
    this.smartNotesOffered = 'yes';
    this.oversizePages = 1;
  }

  private add(conference: string, kind: Kind, input: ArtifactInput): string {
    if (this.access(conference, '*').kind === 'missing') throw new Error(`no conference ${conference}`);
    const name = `${conference}/${kind}/${id()}`;
    this.artifacts.push({
      name,
      conference,
      kind,
      state: input.state ?? 'FILE_GENERATED',
      startTime: input.startTime,
      ...(input.endTime ? { endTime: input.endTime } : {}),
      fileId: input.fileId ?? `1${id()}${id()}`,
      entries: [],
    });
    return name;
  }

  private find(name: string): StoredArtifact {
    const stored = this.artifacts.find((a) => a.name === name);
    if (!stored) throw new Error(`no artifact ${name}`);
    return stored;
  }

  /** The resource as Google returns it: the destination only once the file exists. */
  private view(a: StoredArtifact): Json {
    const destination =
      a.state !== 'FILE_GENERATED'
        ? {}
        : a.kind === 'recordings'
          ? { driveDestination: { file: a.fileId, exportUri: `https://drive.google.com/file/d/${a.fileId}/view` } }
          : {
              docsDestination: { document: a.fileId, exportUri: `https://docs.google.com/document/d/${a.fileId}/view` },
            };
    return {
      name: a.name,
      state: a.state,
      startTime: a.startTime,
      ...(a.endTime ? { endTime: a.endTime } : {}),
      ...destination,
    };
  }

  /**
   * Answers `/v2/conferenceRecords/{id}/{transcripts|recordings|smartNotes}` and
   * `/v2/conferenceRecords/{id}/transcripts/{id}/entries` for an authenticated caller with a Meet
   * scope; anything else is left to the conference routes (false).
   */
  handle(res: ServerResponse, url: URL, email: string): boolean {
    const path = url.pathname;
    const list = /^\/v2\/(conferenceRecords\/[^/]+)\/(transcripts|recordings|smartNotes)$/.exec(path);
    const entries = /^\/v2\/((conferenceRecords\/[^/]+)\/transcripts\/[^/]+)\/entries$/.exec(path);
    if (!list && !entries) return false;
    const conference = (list?.[1] ?? entries?.[2])!;
    if (list?.[2] === 'smartNotes' && this.smartNotesOffered !== 'yes')
      return (
        this.smartNotesOffered === 'not_found'
          ? json(res, 404, rpcError(404, 'Method not found.'))
          : json(res, 403, rpcError(403, 'The caller does not have permission')),
        true
      );
    const access = this.access(conference, email);
    if (access.kind === 'missing') return (json(res, 404, rpcError(404, 'Requested entity was not found.')), true);
    if (access.kind === 'forbidden')
      return (json(res, 403, rpcError(403, 'The caller does not have permission')), true);

    const p = url.searchParams;
    const sizeText = p.get('pageSize');
    const requested = sizeText === null ? 0 : Number(sizeText);
    if (!Number.isInteger(requested) || requested < 0)
      return (json(res, 400, rpcError(400, 'Invalid page size. Must be a non-negative integer.')), true);
    // Unspecified: at most 10; the maximum is 100 and larger values are coerced to it.
    const pageSize = Math.min(requested || 10, 100);

    let key: string;
    let items: Json[];
    if (entries) {
      const transcript = this.artifacts.find((a) => a.name === entries[1] && a.kind === 'transcripts');
      if (!transcript) return (json(res, 404, rpcError(404, 'Requested entity was not found.')), true);
      key = 'transcriptEntries';
      items = [...transcript.entries].sort((a, b) => byStart(a as { startTime: string }, b as { startTime: string }));
    } else {
      key = list![2]!;
      items = this.artifacts
        .filter((a) => a.conference === conference && a.kind === key)
        .sort(byStart)
        .map((a) => this.view(a));
    }

    const query = `${path}`;
    const token = p.get('pageToken');
    let offset = 0;
    if (token) {
      let decoded: { o?: unknown; q?: unknown } = {};
      try {
        decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof decoded;
      } catch {
        decoded = {};
      }
      if (typeof decoded.o !== 'number' || decoded.q !== query)
        return (json(res, 400, rpcError(400, 'Invalid page token.')), true);
      offset = decoded.o;
    }
    const served = pageSize * this.oversizePages;
    const page = items.slice(offset, offset + served);
    const next =
      offset + served < items.length
        ? Buffer.from(JSON.stringify({ o: offset + served, q: query })).toString('base64url')
        : undefined;
    // proto3 JSON leaves out empty repeated fields: an empty list answers `{}`.
    json(res, 200, { ...(page.length ? { [key]: page } : {}), ...(next ? { nextPageToken: next } : {}) });
    return true;
  }
}

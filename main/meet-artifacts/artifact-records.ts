/**
 * What the app keeps of Meet's artifacts of a conference record (transcripts, recordings, Gemini's
 * smart notes) and of a transcript's entries, and the zod parsers that turn Google's loose JSON into
 * it. Data from Google is input: an item without a well-formed name, a known state or a valid start
 * is dropped, a link that is not an exact Google Drive or Docs link is not kept, and a resource name
 * goes back to Google as a request's `parent` only in its documented shape.
 */
import { z } from 'zod';
import type { ArtifactKind } from '../../preload/shared/contract/transcript-schema';
import { isMeetArtifactUrl } from '../security/url-policy';

/** One transcript, recording or set of notes of a conference. */
export interface MeetArtifact {
  /** `conferenceRecords/{id}/{transcripts|recordings|smartNotes}/{id}` */
  name: string;
  kind: ArtifactKind;
  state: 'STARTED' | 'ENDED' | 'FILE_GENERATED';
  /** The browser link Meet gives once the file exists, when it is an exact Drive or Docs link. */
  exportUri?: string;
  startTime?: string;
  endTime?: string;
}

/** One entry of a transcript: who spoke (a participant's resource name), what, when. */
export interface MeetTranscriptEntry {
  name: string;
  participant?: string;
  text: string;
  languageCode?: string;
  startTime: string;
  endTime?: string;
}

const id = '[A-Za-z0-9_-]+';
const artifactName: Record<ArtifactKind, RegExp> = {
  transcript: new RegExp(`^conferenceRecords/${id}/transcripts/${id}$`),
  recording: new RegExp(`^conferenceRecords/${id}/recordings/${id}$`),
  smart_notes: new RegExp(`^conferenceRecords/${id}/smartNotes/${id}$`),
};
const entryName = new RegExp(`^conferenceRecords/${id}/transcripts/${id}/entries/${id}$`);
const participantName = new RegExp(`^conferenceRecords/${id}/participants/${id}$`);

// Google sends RFC 3339 timestamps; anything else is refused rather than read by Date.parse's lenient rules.
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const instant = z
  .string()
  .max(64)
  .regex(rfc3339)
  .refine((s) => !Number.isNaN(Date.parse(s)))
  .transform((s) => new Date(Date.parse(s)).toISOString());
/** A field that is dropped (not the whole item) when it is malformed. */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const destination = z.object({ exportUri: z.unknown() }).partial().optional().catch(undefined);

const artifactSchema = z.object({
  name: z.string().max(512),
  state: z.enum(['STARTED', 'ENDED', 'FILE_GENERATED']),
  startTime: optional(instant),
  endTime: optional(instant),
  docsDestination: destination,
  driveDestination: destination,
});

/** A transcript, recording or smart note from Google, or undefined when it is not one of `kind`. */
export function parseArtifact(kind: ArtifactKind, raw: unknown): MeetArtifact | undefined {
  const parsed = artifactSchema.safeParse(raw);
  if (!parsed.success || !artifactName[kind].test(parsed.data.name)) return undefined;
  const a = parsed.data;
  const link = (kind === 'recording' ? a.driveDestination : a.docsDestination)?.exportUri;
  return {
    name: a.name,
    kind,
    state: a.state,
    // A link only for a generated file, and only an exact Drive or Docs one (it opens in the browser).
    ...(a.state === 'FILE_GENERATED' && isMeetArtifactUrl(link) ? { exportUri: link } : {}),
    ...(a.startTime ? { startTime: a.startTime } : {}),
    ...(a.endTime ? { endTime: a.endTime } : {}),
  };
}

/** The longest entry text kept: Google's entries are a sentence or a few; a longer one is cut with `entryCutMark`. */
export const entryTextMax = 10_000;
/** Ends a text cut at `entryTextMax`, so the reader knows more was said. */
export const entryCutMark = ' […]';
// Controls (but tab and line breaks) and bidi overrides could hide or reorder what the recruiter reads.
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g;
const cleanText = (t: string) => {
  // Cut before the clean-up (bounded work), and never between the two halves of a surrogate pair.
  const kept = t.length > entryTextMax ? t.slice(0, entryTextMax).replace(/[\uD800-\uDBFF]$/, '') : t;
  const clean = kept
    .normalize('NFC')
    .replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' || c === '\r' ? c : ''))
    .replace(bidiControls, '');
  return kept === t ? clean : `${clean}${entryCutMark}`;
};

const entrySchema = z.object({
  name: z.string().max(512).regex(entryName),
  participant: optional(z.string().max(512).regex(participantName)),
  text: z.string().transform(cleanText),
  languageCode: optional(
    z
      .string()
      .max(35)
      .regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/),
  ),
  startTime: instant,
  endTime: optional(instant),
});

/** A transcript entry from Google, or undefined without a well-formed name, text or start (an end before the start is dropped). */
export function parseTranscriptEntry(raw: unknown): MeetTranscriptEntry | undefined {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  const endTime = e.endTime && Date.parse(e.endTime) >= Date.parse(e.startTime) ? e.endTime : undefined;
  return {
    name: e.name,
    text: e.text,
    startTime: e.startTime,
    ...(e.participant ? { participant: e.participant } : {}),
    ...(e.languageCode ? { languageCode: e.languageCode } : {}),
    ...(endTime ? { endTime } : {}),
  };
}

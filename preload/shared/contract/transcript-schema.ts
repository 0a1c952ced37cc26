/**
 * What the room may know about Google Meet's artifacts of an interview: the transcript text the app
 * keeps (each entry with its speaker named), the links to the recording, the transcript document and
 * Gemini's notes (links only: the files stay in the organizer's Drive), where reading them stands,
 * what it waits for and, when there is nothing, why. Pure zod, no main imports.
 */
import { z } from 'zod';
import { attendanceConnectionSchema } from './attendance-schema';

/** The three things Meet can make of a call. */
export const artifactKindSchema = z.enum(['transcript', 'recording', 'smart_notes']);
export type ArtifactKind = z.infer<typeof artifactKindSchema>;

/** One transcript, recording or set of notes: `ready` once Google generated the file (then `url` is its link). */
export const artifactLinkSchema = z.object({
  kind: artifactKindSchema,
  state: z.enum(['started', 'ended', 'ready']),
  /** An exact https Google Drive or Docs link (checked in main), present once the file is ready. */
  url: z.string().optional(),
  start: z.string().optional(),
  end: z.string().optional(),
});
export type ArtifactLink = z.infer<typeof artifactLinkSchema>;

/** One thing someone said, as Meet transcribed it. */
export const transcriptLineSchema = z.object({
  /** Where the line is kept: the cursor (`after`) that asks for the lines after it. */
  seq: z.number().int().nonnegative(),
  speaker: z.string(),
  text: z.string(),
  languageCode: z.string().optional(),
  start: z.string(),
  end: z.string().optional(),
});
export type TranscriptLine = z.infer<typeof transcriptLineSchema>;

/**
 * Where reading Meet's artifacts stands:
 * `not_ended` the interview has not ended; `waiting` Meet may still make or finish something (looked
 * at again at `nextCheck`); `complete` everything found is ready; `nothing` the call ended with no
 * artifact; `gave_up` 6 hours after the call something was still not ready; `blocked` the Meet
 * permission or a reconnect is needed; `failed` Google will not give them; `expired` older than the
 * 30 days Meet keeps them, and nothing was read in time.
 */
export const artifactsStateSchema = z.enum([
  'not_ended',
  'waiting',
  'complete',
  'nothing',
  'gave_up',
  'blocked',
  'failed',
  'expired',
]);
export type ArtifactsState = z.infer<typeof artifactsStateSchema>;

/** Transcript lines kept per interview: an hour of talk is about a thousand; more is read in Google Docs. */
export const transcriptLinesKept = 20_000;

/**
 * Lines the room receives at a time: a stored transcript may be 20,000 lines of 10,000 characters,
 * so the room gets the first page and asks main for more, or for the lines holding a search.
 */
export const transcriptPageSize = 200;

/** The longest "Find in transcript" main accepts, in characters. */
export const transcriptFindLength = 200;

/**
 * What the room asks of an interview's transcript (the contract adds the interview's id): the next
 * lines after a cursor and, with `query`, only the lines that hold it (see
 * main/meet-artifacts/transcript-lines-query).
 */
export const transcriptLinesAskSchema = z.object({
  query: z
    .string()
    .max(transcriptFindLength, { error: `Find in transcript takes at most ${transcriptFindLength} characters.` })
    .optional(),
  /** The `seq` of the last line the room has: the page starts after it. */
  after: z.number().int().nonnegative().optional(),
});
export type TranscriptLinesAsk = z.infer<typeof transcriptLinesAskSchema>;

/** A page of lines, with how many there are in the whole interview. */
export const transcriptPageSchema = z.object({
  lines: z.array(transcriptLineSchema),
  /**
   * Lines that hold `query` in the whole interview (every line without one). Absent on a later page
   * of a search (`after` with `query`): it is not counted again, the room keeps the first page's.
   */
  count: z.number().int().nonnegative().optional(),
  /** Every line kept for the interview. */
  total: z.number().int().nonnegative(),
  /** Whether more lines (holding `query`, with one) follow the last of these. */
  more: z.boolean(),
  /** The search was answered by words and speakers' names only (a long transcript, through the word index). */
  byWords: z.literal(true).optional(),
});
export type TranscriptPage = z.infer<typeof transcriptPageSchema>;

/** Why, in a word the room turns into a sentence. */
export const artifactsReasonSchema = z.enum([
  /** The call is still going in Meet. */
  'call_running',
  /** Meet has no conference for this link in the interview's time that this account may see. */
  'no_conference',
  /** The call ended and nobody turned on recording, transcription or Gemini notes (or the edition does not offer them). */
  'not_turned_on',
  /** Meet refused: the account is neither the meeting's organizer nor a participant. */
  'not_participant',
  /** Meet could not be reached or was busy; looked at again later. */
  'unavailable',
  /** The Meet permission (attendance's) is not granted. */
  'scope_missing',
  /** Google access expired or was revoked. */
  'reconnect',
  /** Meet held more than Interview Desk reads for one interview. */
  'too_large',
  /** The transcript has more lines than Interview Desk keeps (`transcriptLinesKept`): the first ones are kept. */
  'transcript_too_long',
  /** Meet did not accept the request. */
  'invalid',
]);
export type ArtifactsReason = z.infer<typeof artifactsReasonSchema>;

/** One interview's transcript, links and state as the room shows them. */
export const artifactsViewSchema = z.object({
  connection: attendanceConnectionSchema,
  state: artifactsStateSchema,
  reason: artifactsReasonSchema.optional(),
  /** What is not ready yet (while `waiting` or after `gave_up`). */
  waitingFor: z.array(artifactKindSchema),
  /** When Interview Desk looks again (while the app runs). */
  nextCheck: z.string().optional(),
  checkedAt: z.string().optional(),
  /** False when Meet answered that Gemini notes are not offered to this account (403/404). */
  notesOffered: z.boolean(),
  artifacts: z.array(artifactLinkSchema),
  /** The transcript's first lines (`transcriptPageSize` at most); `artifacts:lines` answers the rest. */
  entries: z.array(transcriptLineSchema),
  /** Every line kept for the interview; absent where the lines are left out (`artifacts:status`, the debrief). */
  lineCount: z.number().int().nonnegative().optional(),
});
export type ArtifactsView = z.infer<typeof artifactsViewSchema>;

/**
 * The room's sentences about Meet's artifacts: where reading them stands, what it waits for, and why
 * there is nothing, in the recruiter's words (never a status code).
 */
import {
  transcriptLinesKept,
  type ArtifactKind,
  type ArtifactLink,
  type ArtifactsView,
} from '../contract/transcript-schema';

/** A kind's name on its own line ("Recording"). */
export const kindNames: Record<ArtifactKind, string> = {
  transcript: 'Transcript document',
  recording: 'Recording',
  smart_notes: 'Gemini notes',
};

/** A kind inside a sentence ("the recording"). */
const kindPhrases: Record<ArtifactKind, string> = {
  transcript: 'the transcript',
  recording: 'the recording',
  smart_notes: "Gemini's notes",
};

/** What the link button says. */
export const openWords: Record<ArtifactKind, string> = {
  transcript: 'Open the transcript in Google Docs',
  recording: 'Open the recording in Google Drive',
  smart_notes: "Open Gemini's notes in Google Docs",
};

/** "the transcript, the recording and Gemini's notes". */
export function listOf(kinds: readonly ArtifactKind[]): string {
  const phrases = kinds.map((k) => kindPhrases[k]);
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
}

/** Where one artifact stands, when it has no link to open. */
export function linkStateWords(link: ArtifactLink): string {
  if (link.state === 'started') return 'Still running in Google Meet';
  if (link.state === 'ended') return 'Google Meet is still preparing it';
  return 'Ready in Google, but Google Meet gave no link Interview Desk may open';
}

/** Said when Meet's transcript had more lines than are kept here (the first ones are shown). */
export const transcriptCutWords = `The transcript is longer than Interview Desk keeps (${transcriptLinesKept.toLocaleString('en-US')} lines); open it in Google Docs.`;

const notMade =
  "no one turned it on in this call, or the organizer's Google Workspace edition or admin policy does not offer it";

/**
 * The sentence under the section's heading. `at` writes a time the way the room does (in the
 * interview's zone), for "looks again at …".
 */
export function statusWords(view: ArtifactsView, at: (iso: string) => string): string {
  const again = view.nextCheck ? ` Interview Desk looks again at ${at(view.nextCheck)} while the app is open.` : '';
  switch (view.state) {
    case 'not_ended':
      return "Meet's transcript, recording and Gemini notes are looked for once the interview has ended.";
    case 'waiting':
      if (view.reason === 'transcript_too_long')
        return `${transcriptCutWords} ${view.waitingFor.length > 0 ? `Google Meet is still preparing ${listOf(view.waitingFor)}.` : ''}${again}`.trim();
      if (view.reason === 'call_running') return `The call is still going in Google Meet.${again}`;
      if (view.reason === 'unavailable')
        return `Google Meet could not be reached just now; what was read is kept.${again}`;
      if (view.waitingFor.length > 0) return `Google Meet is still preparing ${listOf(view.waitingFor)}.${again}`;
      if (view.reason === 'no_conference') return `Google Meet has no record of this call yet.${again}`;
      if (view.reason === 'not_turned_on')
        return `Nothing from Google Meet yet: no recording, transcript or Gemini notes so far.${again}`;
      return view.nextCheck
        ? `Interview Desk looks in Google Meet for the transcript and recording at ${at(view.nextCheck)}.`
        : 'Interview Desk looks in Google Meet for the transcript and recording shortly.';
    case 'complete':
      if (view.reason === 'transcript_too_long') return transcriptCutWords;
      return view.entries.length > 0 || view.artifacts.some((a) => a.url)
        ? 'From Google Meet: everything it made of this call.'
        : 'From Google Meet.';
    case 'nothing':
      return view.reason === 'no_conference'
        ? "Google Meet has no record of this call for your account: nobody joined with this link at the interview's time, or your account was neither the meeting's organizer nor a participant."
        : "No one turned on recording, transcription or Gemini notes in this call, or the organizer's Google Workspace edition or admin policy does not offer them.";
    case 'gave_up':
      return view.reason === 'call_running'
        ? "The call was still going in Google Meet 6 hours after the interview's end, so Interview Desk stopped looking. Check Meet now looks again."
        : `Google Meet had not finished ${listOf(view.waitingFor)} 6 hours after the call, so Interview Desk stopped looking. Check Meet now looks again.`;
    case 'blocked':
      return view.reason === 'reconnect'
        ? "Reconnect your Google account to read Meet's transcript and recording. What was read is kept."
        : "Google Meet is not connected yet: Meet's transcript and recording are read with the same permission as attendance.";
    case 'failed':
      switch (view.reason) {
        case 'not_participant':
          return "Google Meet did not let your account read this call: only the meeting's organizer and its participants can.";
        case 'no_conference':
          return 'Google Meet no longer has a record of this call.';
        case 'too_large':
          return 'Google Meet holds more for this call than Interview Desk reads for one interview.';
        case 'invalid':
          return 'Google Meet did not accept the request for this call.';
        default:
          return 'Google Meet could not be reached after several tries. Check Meet now tries again.';
      }
    case 'expired':
      return 'This interview is older than the 30 days Google Meet keeps transcripts and recordings, and nothing was read in time.';
  }
}

/** What this call has none of, and why (complete calls only): "No recording: no one turned it on…". */
export function missingWords(view: ArtifactsView): string[] {
  if (view.state !== 'complete') return [];
  const found = new Set(view.artifacts.map((a) => a.kind));
  const lines: string[] = [];
  for (const kind of ['transcript', 'recording', 'smart_notes'] as const) {
    if (found.has(kind)) continue;
    if (kind === 'smart_notes' && !view.notesOffered)
      lines.push(
        "Gemini notes: not offered to your account (the organizer's Google Workspace edition or admin policy).",
      );
    else lines.push(`${kindNames[kind]}: none, ${notMade}.`);
  }
  return lines;
}

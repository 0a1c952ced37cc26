import { describe, expect, it } from 'vitest';
import type { ArtifactsView } from '../../../../../preload/shared/contract/transcript-schema';
import { listOf, missingWords, statusWords } from '../../../../../preload/shared/rules/artifact-words';

const view = (over: Partial<ArtifactsView>): ArtifactsView => ({
  connection: 'connected',
  state: 'waiting',
  waitingFor: [],
  notesOffered: true,
  artifacts: [],
  entries: [],
  ...over,
});
const at = (iso: string) => iso.slice(11, 16);

/** The room says what it waits for and why there is nothing, in words. */
describe('artifact words', () => {
  it('names what it waits for and when it looks again', () => {
    expect(listOf(['transcript', 'recording', 'smart_notes'])).toBe("the transcript, the recording and Gemini's notes");
    expect(statusWords(view({ waitingFor: ['recording'], nextCheck: '2030-03-04T11:10:00.000Z' }), at)).toBe(
      'Google Meet is still preparing the recording. Interview Desk looks again at 11:10 while the app is open.',
    );
    expect(statusWords(view({ reason: 'call_running', nextCheck: '2030-03-04T11:10:00.000Z' }), at)).toBe(
      'The call is still going in Google Meet. Interview Desk looks again at 11:10 while the app is open.',
    );
    expect(statusWords(view({ state: 'gave_up', waitingFor: ['transcript'] }), at)).toBe(
      'Google Meet had not finished the transcript 6 hours after the call, so Interview Desk stopped looking. Check Meet now looks again.',
    );
  });

  it('says why there is nothing: not turned on or not offered, not a participant, older than 30 days', () => {
    expect(statusWords(view({ state: 'nothing', reason: 'not_turned_on' }), at)).toContain(
      "No one turned on recording, transcription or Gemini notes in this call, or the organizer's Google Workspace edition or admin policy does not offer them.",
    );
    expect(statusWords(view({ state: 'nothing', reason: 'no_conference' }), at)).toContain(
      "neither the meeting's organizer nor a participant",
    );
    expect(statusWords(view({ state: 'failed', reason: 'not_participant' }), at)).toContain(
      "only the meeting's organizer and its participants can",
    );
    expect(statusWords(view({ state: 'expired' }), at)).toContain('older than the 30 days');
    expect(statusWords(view({ state: 'blocked', reason: 'scope_missing' }), at)).toContain(
      'Google Meet is not connected yet',
    );
  });

  it('lists what a complete call has none of, and Gemini notes not offered', () => {
    expect(
      missingWords(
        view({
          state: 'complete',
          notesOffered: false,
          artifacts: [{ kind: 'transcript', state: 'ready', url: 'https://docs.google.com/document/d/x/view' }],
        }),
      ),
    ).toEqual([
      "Recording: none, no one turned it on in this call, or the organizer's Google Workspace edition or admin policy does not offer it.",
      "Gemini notes: not offered to your account (the organizer's Google Workspace edition or admin policy).",
    ]);
    expect(missingWords(view({ state: 'waiting' }))).toEqual([]);
  });

  it('says a transcript longer than is kept was cut, pointing to Google Docs', () => {
    const cut = 'The transcript is longer than Interview Desk keeps (20,000 lines); open it in Google Docs.';
    expect(statusWords(view({ state: 'complete', reason: 'transcript_too_long' }), at)).toBe(cut);
    expect(
      statusWords(
        view({ reason: 'transcript_too_long', waitingFor: ['recording'], nextCheck: '2030-03-04T11:10:00.000Z' }),
        at,
      ),
    ).toBe(
      `${cut} Google Meet is still preparing the recording. Interview Desk looks again at 11:10 while the app is open.`,
    );
  });
});

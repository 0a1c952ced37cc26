import { describe, expect, it } from 'vitest';
import { makeInterview } from '../../support/interview-fixtures';
import {
  attentionReason,
  meetLinkState,
  missingLinkAdvice,
  unusableLinkNotice,
} from '../../../preload/shared/rules/interview-attention';

const start = '2030-01-15T09:00:00.000Z';
const google = (state: 'synced' | 'pending' | 'failed') => ({ eventId: 'e1', state });

describe('interview attention', () => {
  it('a Meet link Google is still creating is "creating", not a reason for attention', () => {
    const creating = makeInterview({ startUtc: start, google: google('pending') });
    delete creating.meetLink;
    expect(meetLinkState(creating)).toBe('creating');
    expect(attentionReason(creating)).toBeUndefined();
  });

  it('an interview saved without a Meet link says why and what to do', () => {
    const local = makeInterview({ startUtc: start });
    delete local.meetLink;
    delete local.google;
    expect(meetLinkState(local)).toBe('missing');
    expect(attentionReason(local)).toMatch(/^No Meet link yet: paste one/);
    expect(missingLinkAdvice(local)).toMatch(/saved without Google.*meet\.google\.com.*paste it below.*Save link/);
    const synced = { ...local, google: google('synced') };
    expect(missingLinkAdvice(synced)).toMatch(/^Google Calendar did not create a Meet link/);
  });

  it('a video link in Calendar that is not Meet is one cause, said once: the notice gives the cause, the advice only what to do', () => {
    const replaced = makeInterview({ startUtc: start, google: { ...google('synced'), unusableMeetLink: true } });
    delete replaced.meetLink;
    const said = [unusableLinkNotice(replaced), missingLinkAdvice(replaced)];
    expect(said[0]).toMatch(/^Google Calendar has a video link for this interview that is not a Google Meet link/);
    expect(said.filter((line) => /not a Google Meet link/.test(line ?? ''))).toHaveLength(1);
    expect(said.join(' ')).not.toMatch(/did not create/);
    expect(missingLinkAdvice(replaced)).toMatch(/meet\.google\.com.*paste it below.*Save link/);
    // Without that cause there is no notice, and the advice says why itself.
    expect(unusableLinkNotice({ ...replaced, google: google('synced') })).toBeUndefined();
  });

  it('a move made in Google Calendar that nobody was emailed about needs attention until it is sent', () => {
    const calendarChange = { kind: 'moved' as const, at: start, was: { startUtc: start, durationMinutes: 60 } };
    expect(
      attentionReason(
        makeInterview({
          startUtc: start,
          meetLink: 'https://meet.google.com/abc-defg-hij',
          google: { ...google('synced'), calendarChange },
        }),
      ),
    ).toBe('Moved in Google Calendar: nobody emailed yet (Send update in the room)');
    // Found after restoring a copy: it may be the app's own change, already emailed.
    expect(
      attentionReason(
        makeInterview({
          startUtc: start,
          meetLink: 'https://meet.google.com/abc-defg-hij',
          google: { ...google('synced'), calendarChange: { ...calendarChange, afterRestore: true } },
        }),
      ),
    ).toBe('Google Calendar differs from the restored copy: check whether people were told (in the room)');
  });

  it('a cancel made in Google Calendar that nobody was emailed about says cancelled, not moved, and is gone once told', () => {
    const calendarChange = { kind: 'cancelled' as const, at: start, was: { startUtc: start, durationMinutes: 60 } };
    const cancelled = makeInterview({
      startUtc: start,
      status: 'cancelled',
      meetLink: 'https://meet.google.com/abc-defg-hij',
      google: { ...google('synced'), calendarChange },
    });
    expect(attentionReason(cancelled)).toBe(
      'Cancelled in Google Calendar: nobody emailed yet (Send cancellation in the room)',
    );
    // A cancelled mark on an interview Calendar brought back still names the cancel it stands for.
    expect(attentionReason({ ...cancelled, status: 'scheduled' })).toMatch(/^Cancelled in Google Calendar/);
    const told = { ...google('synced'), calendarChangeTold: { kind: 'cancelled' as const, markedAt: start } };
    expect(attentionReason({ ...cancelled, google: told })).toBeUndefined();
  });

  it('keeps the other reasons, and a pending update of an interview with a link still waits for Google', () => {
    expect(
      attentionReason(
        makeInterview({ startUtc: start, meetLink: 'https://meet.google.com/abc-defg-hij', google: google('pending') }),
      ),
    ).toBe('Waiting for Google');
    expect(
      attentionReason(
        makeInterview({ startUtc: start, meetLink: 'https://meet.google.com/abc-defg-hij', google: google('failed') }),
      ),
    ).toBe('Google Calendar update failed');
    expect(meetLinkState(makeInterview({ startUtc: start, meetLink: 'https://meet.google.com/abc-defg-hij' }))).toBe(
      'ready',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { judgeLook, pendingKinds, type Look } from '../../../main/meet-artifacts/artifact-outcome';

const minute = 60_000;
const end = Date.parse('2030-03-04T10:45:00.000Z');
const callEnd = end + 3 * minute;
const ended = [{ endMs: callEnd }];
const look = (over: Partial<Look>): Look => ({
  now: callEnd + 5 * minute,
  scheduledEndMs: end,
  conferences: ended,
  artifacts: [],
  ...over,
});
const ready = (kind: 'transcript' | 'recording' | 'smart_notes') => ({ kind, state: 'FILE_GENERATED' as const });

/** What a look at Meet means: complete, nothing, waiting (with the next look) or gave up. */
describe('judgeLook', () => {
  it('everything found is ready: complete, no further look; the schedule counts from the call end', () => {
    expect(judgeLook(look({ artifacts: [ready('transcript'), ready('recording')] }))).toEqual({
      state: 'complete',
      endedMs: callEnd,
      expireMs: callEnd + 30 * 86_400_000,
      nextMs: 0,
    });
  });

  it("waits for what is not ready yet, at the schedule's next step, and names it", () => {
    const artifacts = [ready('transcript'), { kind: 'recording' as const, state: 'ENDED' as const }];
    expect(judgeLook(look({ artifacts }))).toMatchObject({ state: 'waiting', nextMs: callEnd + 10 * minute });
    expect(pendingKinds(artifacts)).toEqual(['recording']);
    expect(judgeLook(look({ artifacts, now: callEnd + 6 * 60 * minute }))).toMatchObject({
      state: 'gave_up',
      nextMs: 0,
    });
  });

  it('a call still going is waited for, counted from the scheduled end', () => {
    expect(judgeLook(look({ conferences: [{}], now: end + 5 * minute }))).toMatchObject({
      state: 'waiting',
      reason: 'call_running',
      endedMs: end,
      nextMs: end + 10 * minute,
    });
    expect(judgeLook(look({ conferences: [{}], now: end + 7 * 60 * minute }))).toMatchObject({
      state: 'gave_up',
      reason: 'call_running',
    });
  });

  it('nothing at all settles an hour after the call: not turned on, or no conference', () => {
    expect(judgeLook(look({}))).toMatchObject({ state: 'waiting', reason: 'not_turned_on' });
    expect(judgeLook(look({ now: callEnd + 60 * minute }))).toMatchObject({
      state: 'nothing',
      reason: 'not_turned_on',
    });
    expect(judgeLook(look({ conferences: [], now: end + 60 * minute }))).toMatchObject({
      state: 'nothing',
      reason: 'no_conference',
    });
  });

  it("the record's expiry bounds the schedule; the latest call's end counts", () => {
    const conferences = [{ endMs: callEnd - 20 * minute, expireMs: callEnd + 20 * minute }, { endMs: callEnd }];
    const judged = judgeLook(look({ conferences, artifacts: [{ kind: 'transcript', state: 'ENDED' }] }));
    expect(judged).toMatchObject({
      state: 'waiting',
      endedMs: callEnd,
      expireMs: callEnd + 20 * minute,
      nextMs: callEnd + 10 * minute,
    });
    expect(
      judgeLook(look({ conferences, now: callEnd + 15 * minute, artifacts: [{ kind: 'transcript', state: 'ENDED' }] })),
    ).toMatchObject({
      state: 'gave_up',
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  scorecardDueDecisions,
  scorecardDueKey,
  scorecardDueNow,
  type ScorecardDueSubject,
} from '../../../main/scorecards/scorecard-due-plan';

const hour = 3_600_000;
const day = 24 * hour;
const endUtc = '2030-03-04T10:00:00.000Z';
const end = Date.parse(endUtc);

const subject = (over: Partial<ScorecardDueSubject> = {}): ScorecardDueSubject => ({
  interviewId: 'i1',
  endUtc,
  status: 'scheduled',
  origin: 'recruiter',
  submitted: false,
  armedAt: end - 7 * day,
  marks: new Set(),
  ...over,
});
const keys = (moments: { key: string }[]) => moments.map((m) => m.key);
const k = (n: number) => scorecardDueKey(n, endUtc);

describe('"Scorecard due": when it is shown', () => {
  // [what, subject, now, fired, dropped, nextAt]
  const table: [string, Partial<ScorecardDueSubject>, number, string[], string[], number | undefined][] = [
    ['nothing before the first hour after the end', {}, end + 59 * 60_000, [], [], end + hour],
    ['one hour after the end', {}, end + hour, [k(0)], [], end + hour + day],
    ['the first again is never shown twice', { marks: new Set([k(0)]) }, end + 2 * hour, [], [], end + hour + day],
    ['the next day, once', { marks: new Set([k(0)]) }, end + hour + day, [k(1)], [], end + hour + 2 * day],
    [
      'after three days asleep, only the latest: the missed ones are recorded as handled',
      {},
      end + hour + 3 * day + 5 * 60_000,
      [k(3)],
      [k(0), k(1), k(2)],
      end + hour + 4 * day,
    ],
    [
      'the fifth daily one is the last',
      { marks: new Set([k(0), k(1), k(2), k(3), k(4)]) },
      end + hour + 5 * day,
      [k(5)],
      [],
      undefined,
    ],
    [
      'a last one missed by more than a day is dropped, not shown',
      { marks: new Set([k(0), k(1), k(2), k(3), k(4)]) },
      end + hour + 6 * day + 1,
      [],
      [k(5)],
      undefined,
    ],
    ['nothing once the scorecard is submitted', { submitted: true }, end + hour, [], [], undefined],
    ['nothing for a cancelled interview', { status: 'cancelled' }, end + hour, [], [], undefined],
    ["nothing for a candidate's saved copy", { origin: 'candidate' }, end + hour, [], [], undefined],
    [
      'a moment already past when the interview was created (read from Calendar later) is dropped',
      { armedAt: end + 2 * day },
      end + 2 * day + 1,
      [],
      [k(0), k(1)],
      end + hour + 2 * day,
    ],
  ];
  it.each(table)('%s', (_what, over, now, fired, dropped, nextAt) => {
    const decisions = scorecardDueDecisions([subject(over)], now);
    expect(keys(decisions.fire)).toEqual(fired);
    expect(keys(decisions.drop)).toEqual(dropped);
    expect(decisions.nextAt).toBe(nextAt);
  });

  it('a moved interview gets new moments: the keys carry its end', () => {
    const moved = '2030-03-05T10:00:00.000Z';
    const decisions = scorecardDueDecisions(
      [subject({ endUtc: moved, marks: new Set([k(0)]) })],
      Date.parse(moved) + hour,
    );
    expect(keys(decisions.fire)).toEqual([scorecardDueKey(0, moved)]);
  });

  it('wakes for the earliest moment across interviews', () => {
    const later = '2030-03-04T12:00:00.000Z';
    const decisions = scorecardDueDecisions([subject(), subject({ interviewId: 'i2', endUtc: later })], end);
    expect(decisions.nextAt).toBe(end + hour);
  });
});

describe('"Scorecard due" as it stands, for a window opened later', () => {
  const shown = new Set([k(0), k(1), k(2), k(3), k(4), k(5)]);
  // [what, subject, now, due now]
  const table: [string, Partial<ScorecardDueSubject>, number, boolean][] = [
    ['not before the first hour after the end', {}, end + 59 * 60_000, false],
    ['from one hour after the end', {}, end + hour, true],
    ['whether or not the notices were told', { marks: shown }, end + hour + 2 * day, true],
    ['still during the last notice’s day', { marks: shown }, end + hour + 6 * day - 1, true],
    ['no longer once the last notice’s day is over', { marks: shown }, end + hour + 6 * day, false],
    ['not once the scorecard is submitted', { submitted: true }, end + 2 * hour, false],
    ['not for a cancelled interview', { status: 'cancelled' }, end + 2 * hour, false],
    ["not for a candidate's saved copy", { origin: 'candidate' }, end + 2 * hour, false],
    [
      'not for one read from Calendar after its first moment, until its next',
      { armedAt: end + 2 * hour },
      end + 3 * hour,
      false,
    ],
    ['then from its next moment on', { armedAt: end + 2 * hour }, end + hour + day, true],
  ];
  it.each(table)('%s', (_what, over, now, due) => {
    expect(scorecardDueNow(subject(over), now)).toBe(due);
  });

  it('stands exactly while the notices would show one (the live notice and a reopened window agree)', () => {
    for (let now = end; now < end + 8 * day; now += hour) {
      // Without marks the plan fires the latest moment due: the one a window open all along showed last.
      const fired = scorecardDueDecisions([subject()], now).fire.length > 0;
      expect(scorecardDueNow(subject(), now), new Date(now).toISOString()).toBe(fired);
    }
  });
});

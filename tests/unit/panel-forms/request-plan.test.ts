import { describe, expect, it } from 'vitest';
import { attendedFromReport, nextMail, type RecipientFacts } from '../../../main/panel-forms/request-plan';

const hour = 3_600_000;
const day = 24 * hour;
const end = Date.parse('2026-12-07T15:00:00Z');
const person = (facts: Partial<RecipientFacts> = {}): RecipientFacts => ({ reminders: 0, ...facts });

describe('when a co-interviewer is asked and reminded', () => {
  it.each([
    ['not asked yet: one hour after the end', person(), 'unknown', { kind: 'ask', dueMs: end + hour }],
    ['attended: asked the same', person(), 'yes', { kind: 'ask', dueMs: end + hour }],
    ['did not attend: never asked', person(), 'no', undefined],
    [
      'asked: the first reminder a day later',
      person({ askedMs: end + hour }),
      'yes',
      { kind: 'reminder', number: 1, dueMs: end + hour + day },
    ],
    [
      'reminded twice: the third a day after the second',
      person({ askedMs: end + hour, remindedMs: end + hour + 2 * day + 5, reminders: 2 }),
      'unknown',
      { kind: 'reminder', number: 3, dueMs: end + hour + 3 * day + 5 },
    ],
    [
      'reminded five times: no more',
      person({ askedMs: end, remindedMs: end + 5 * day, reminders: 5 }),
      'yes',
      undefined,
    ],
    ['answered: nothing more', person({ askedMs: end + hour, receivedMs: end + 2 * hour }), 'yes', undefined],
    ['answered before being asked: never asked', person({ receivedMs: end + 30 * 60_000 }), 'unknown', undefined],
    [
      'a failed send waits for its retry',
      person({ mailRetryMs: end + 3 * hour }),
      'unknown',
      { kind: 'ask', dueMs: end + 3 * hour },
    ],
    [
      'an ask that could not start within six days is not started',
      person({ mailRetryMs: end + 7 * day }),
      'unknown',
      undefined,
    ],
  ] as const)('%s', (_name, facts, attended, expected) => {
    expect(nextMail(end, facts, attended)).toEqual(expected);
  });
});

describe('whether a co-interviewer attended, from Meet attendance', () => {
  const report = (names: Array<[string, string?]>, final = true) => ({
    final,
    people: names.map(([displayName, side]) => ({ displayName, ...(side ? { side } : {}) })),
  });
  it.each([
    [
      'their name in the call',
      { name: 'Bob Panel' },
      report([['Rita Recruiter'], ['Bob Panel', 'unconfirmed']]),
      'yes',
    ],
    ['a middle name more', { name: 'Bob Panel' }, report([['Bob J. Panel', 'unconfirmed']]), 'yes'],
    [
      'everyone named, not them',
      { name: 'Bob Panel' },
      report([
        ['Rita Recruiter', 'interviewer'],
        ['Ada Lovelace', 'candidate'],
      ]),
      'no',
    ],
    [
      'someone unidentified was there',
      { name: 'Bob Panel' },
      report([['Rita Recruiter'], ['Guest 7', 'unmatched']]),
      'unknown',
    ],
    ['attendance not final yet', { name: 'Bob Panel' }, report([['Rita Recruiter']], false), 'unknown'],
    ['no attendance read', { name: 'Bob Panel' }, undefined, 'unknown'],
    ['no name to match', {}, report([['Rita Recruiter']]), 'unknown'],
  ] as const)('%s', (_name, who, r, expected) => {
    expect(attendedFromReport(who, r)).toBe(expected);
  });
});

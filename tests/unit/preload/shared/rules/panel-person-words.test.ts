import { describe, expect, it } from 'vitest';
import type { PanelPerson } from '../../../../../preload/shared/contract/panel-forms-schema';
import { awaitedScorecardWords, personStatusWords } from '../../../../../preload/shared/rules/panel-person-words';
import { formatInstant, timeStyleOf } from '../../../../../preload/shared/rules/time-format';

const style = timeStyleOf('en-GB');
const time = (iso: string) => formatInstant(iso, 'America/New_York', style, { date: 'weekday', zoneName: 'short' });
const person = (over: Partial<PanelPerson>): PanelPerson => ({
  email: 'bob@example.com',
  name: 'Bob Panel',
  attended: 'yes',
  status: 'waiting',
  reminders: 0,
  ...over,
});
const asked = '2026-12-06T06:25:00.000Z';
const reminded = '2026-12-07T14:00:00.000Z';

describe('the panel row', () => {
  it('keeps when they were first asked once reminded', () => {
    expect(
      personStatusWords(person({ status: 'reminded', askedAt: asked, remindedAt: reminded, reminders: 1 }), time),
    ).toBe('Asked Sun 6 Dec, 01:25 GMT-5 · reminded once, Mon 7 Dec, 09:00 GMT-5');
    expect(
      personStatusWords(person({ status: 'reminded', askedAt: asked, remindedAt: reminded, reminders: 3 }), time),
    ).toBe('Asked Sun 6 Dec, 01:25 GMT-5 · reminded 3 times, last Mon 7 Dec, 09:00 GMT-5');
  });
});

describe('the debrief’s words for a scorecard not in yet', () => {
  it('says never asked, and why, rather than "no scorecard"', () => {
    expect(awaitedScorecardWords(person({}), 'not_connected', time)).toBe('Not asked yet (Google Forms not connected)');
    expect(awaitedScorecardWords(person({ nextAt: asked }), 'connected', time)).toBe(
      'Not asked yet: to be asked Sun 6 Dec, 01:25 GMT-5',
    );
    expect(awaitedScorecardWords(person({ status: 'skipped' }), 'connected', time)).toBe(
      'Not asked: did not join the meeting',
    );
  });

  it('says when they were asked and reminded, with no answer yet', () => {
    expect(awaitedScorecardWords(person({ status: 'asked', askedAt: asked }), 'connected', time)).toBe(
      'Asked Sun 6 Dec, 01:25 GMT-5, no answer yet',
    );
    expect(
      awaitedScorecardWords(
        person({ status: 'reminded', askedAt: asked, remindedAt: reminded, reminders: 1 }),
        'connected',
        time,
      ),
    ).toBe('Asked Sun 6 Dec, 01:25 GMT-5, no answer yet · reminded once, Mon 7 Dec, 09:00 GMT-5');
  });
});

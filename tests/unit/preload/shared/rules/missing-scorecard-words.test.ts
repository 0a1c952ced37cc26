import { describe, expect, it } from 'vitest';
import type { PanelPerson } from '../../../../../preload/shared/contract/panel-forms-schema';
import { missingScorecardWords } from '../../../../../preload/shared/rules/missing-scorecard-words';
import { formatInstant, timeStyleOf } from '../../../../../preload/shared/rules/time-format';

const style = timeStyleOf('en-GB');
const time = (iso: string) => formatInstant(iso, 'Europe/London', style, { date: 'short', zoneName: 'short' });
const request = (over: Partial<PanelPerson>): PanelPerson => ({
  email: 'pat@example.com',
  name: 'Pat Panel',
  attended: 'yes',
  status: 'waiting',
  reminders: 0,
  ...over,
});

describe('the debrief’s words for a scorecard not written yet', () => {
  it('says "No scorecard yet" of whoever was never to be asked (the recruiter)', () => {
    expect(missingScorecardWords({}, {}, time)).toBe('No scorecard yet');
    expect(missingScorecardWords({}, { formsConnection: 'not_connected' }, time)).toBe('No scorecard yet');
  });

  it('says of a co-interviewer whether they were asked, and why not, in the room’s words', () => {
    expect(missingScorecardWords({ request: request({}) }, { formsConnection: 'not_connected' }, time)).toBe(
      'Not asked yet (Google Forms not connected)',
    );
    expect(missingScorecardWords({ request: request({}) }, { formsConnection: 'no_account' }, time)).toBe(
      'Not asked yet (no Google account connected)',
    );
    expect(
      missingScorecardWords({ request: request({ status: 'asked', askedAt: '2026-06-01T09:30:00.000Z' }) }, {}, time),
    ).toMatch(/^Asked .*10:30.*, no answer yet$/);
  });

  it('takes an unknown Forms connection as connected: the request’s own state speaks', () => {
    expect(missingScorecardWords({ request: request({}) }, {}, time)).toBe('Not asked yet');
  });
});

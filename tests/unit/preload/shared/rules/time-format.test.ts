import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  formatInstantRange,
  hourCycleOf,
  timeStyleOf,
  zoneLongName,
} from '../../../../../preload/shared/rules/time-format';

const oneInBerlin = Date.UTC(2030, 0, 15, 12, 0); // 13:00 in Berlin (CET)
const us = timeStyleOf('en-US');
const gb = timeStyleOf('en-GB');

describe('the one way to write a time', () => {
  it('follows the locale: 12 hours in en-US, 24 hours in en-GB and de-DE', () => {
    expect(formatInstant(oneInBerlin, 'Europe/Berlin', us)).toBe('1:00 PM');
    expect(formatInstant(oneInBerlin, 'Europe/Berlin', gb)).toBe('13:00');
    expect(formatInstant(oneInBerlin, 'Europe/Berlin', timeStyleOf('de-DE'))).toBe('13:00');
    expect(formatInstant(Date.UTC(2030, 0, 15, 8, 5), 'Europe/Berlin', gb)).toBe('09:05');
    expect(formatInstant(Date.UTC(2030, 0, 15, 8, 5), 'Europe/Berlin', us)).toBe('9:05 AM');
  });

  it('writes the date in English words, in the order of the reader’s region', () => {
    expect(formatInstant(oneInBerlin, 'Europe/Berlin', gb, { date: 'long', zoneName: 'short' })).toBe(
      'Tuesday, 15 January 2030 at 13:00 CET',
    );
    expect(formatInstant(oneInBerlin, 'Europe/Berlin', us, { date: 'long', zoneName: 'short' })).toBe(
      'Tuesday, January 15, 2030 at 1:00 PM GMT+1',
    );
    expect(formatInstant(oneInBerlin, 'Europe/Berlin', timeStyleOf('de-DE'), { date: 'long' })).toBe(
      'Tuesday, 15 January 2030 at 13:00',
    );
    expect(formatInstant(oneInBerlin, 'Europe/Berlin', gb, { date: 'dayMonth' })).toBe('15 Jan, 13:00');
    expect(formatInstant(oneInBerlin, 'Europe/Berlin', us, { date: 'dayMonth' })).toBe('Jan 15, 1:00 PM');
  });

  it('a stated preference wins over the locale’s own clock', () => {
    expect(formatInstant(oneInBerlin, 'Europe/Berlin', timeStyleOf('en-US', 'h23'))).toBe('13:00');
    expect(formatInstant(oneInBerlin, 'Europe/Berlin', timeStyleOf('en-GB', 'h12'))).toBe('1:00 pm');
  });

  it('names the zone, with its long name as the reader’s locale writes it', () => {
    expect(formatInstant(oneInBerlin, 'Europe/Berlin', gb, { zoneName: 'short' })).toBe('13:00 CET');
    expect(zoneLongName(oneInBerlin, 'Europe/Berlin', gb)).toBe('Central European Standard Time');
    expect(zoneLongName(Date.UTC(2030, 6, 15, 12), 'Europe/Berlin', gb)).toBe('Central European Summer Time');
  });

  it('tells the DST edges apart by the zone named', () => {
    // New York falls back at 02:00 EDT: 1:30 AM happens twice, an hour apart.
    expect(formatInstant(Date.UTC(2030, 10, 3, 5, 30), 'America/New_York', us, { zoneName: 'short' })).toBe(
      '1:30 AM EDT',
    );
    expect(formatInstant(Date.UTC(2030, 10, 3, 6, 30), 'America/New_York', us, { zoneName: 'short' })).toBe(
      '1:30 AM EST',
    );
    // London springs forward at 01:00 GMT: the minute after 00:59 GMT is 02:00 BST.
    expect(formatInstant(Date.UTC(2030, 2, 31, 0, 59), 'Europe/London', gb, { zoneName: 'short' })).toBe('00:59 GMT');
    expect(formatInstant(Date.UTC(2030, 2, 31, 1, 0), 'Europe/London', gb, { zoneName: 'short' })).toBe('02:00 BST');
  });

  it('reads a missing or unreadable locale as British English, and another language as English of its region', () => {
    expect(timeStyleOf(undefined)).toEqual({ locale: 'en-GB', hourCycle: 'h23' });
    expect(timeStyleOf('not a locale!')).toEqual({ locale: 'en-GB', hourCycle: 'h23' });
    // Node reports "und" where no locale is set at all.
    expect(timeStyleOf('und')).toEqual({ locale: 'en-GB', hourCycle: 'h23' });
    expect(timeStyleOf('de-DE')).toEqual({ locale: 'en-DE', hourCycle: 'h23' });
    expect(hourCycleOf('en-US')).toBe('h12');
    expect(hourCycleOf('ja-JP')).toBe('h23');
  });
});

describe('a span in one zone', () => {
  const style = timeStyleOf('en-GB');
  it('names the zone once, the interview’s own, whatever the computer’s', () => {
    expect(formatInstantRange('2026-12-06T05:40:00.000Z', '2026-12-06T06:25:00.000Z', 'America/New_York', style)).toBe(
      'Sun, 6 Dec 2026, 00:40–01:25 GMT-5',
    );
  });
  it('gives the end its date when it falls on another day there', () => {
    expect(formatInstantRange('2030-01-15T22:30:00.000Z', '2030-01-15T23:30:00.000Z', 'Europe/Berlin', style)).toBe(
      'Tue, 15 Jan 2030, 23:30–Wed, 16 Jan 2030, 00:30 CET',
    );
  });
});

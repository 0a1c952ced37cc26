import { describe, expect, it } from 'vitest';
import { resolveWallTime } from '../../../main/interviews/wall-time';

describe('resolveWallTime', () => {
  it('turns a local time into the right instant, including half- and quarter-hour zones', () => {
    const cases: Array<[string, string, string, string]> = [
      ['2030-01-15', '09:00', 'Europe/Berlin', '2030-01-15T08:00:00.000Z'],
      ['2030-07-15', '09:00', 'Europe/Berlin', '2030-07-15T07:00:00.000Z'],
      ['2030-01-15', '09:00', 'Asia/Kolkata', '2030-01-15T03:30:00.000Z'],
      ['2030-01-15', '09:00', 'Asia/Kathmandu', '2030-01-15T03:15:00.000Z'],
      ['2030-01-15', '09:00', 'Australia/Adelaide', '2030-01-14T22:30:00.000Z'],
      ['2030-07-15', '09:00', 'Australia/Adelaide', '2030-07-14T23:30:00.000Z'],
      ['2030-01-15', '09:00', 'America/St_Johns', '2030-01-15T12:30:00.000Z'],
    ];
    for (const [date, time, zone, expected] of cases) {
      const r = resolveWallTime(date, time, zone);
      expect(r.kind, `${date} ${time} ${zone}`).toBe('ok');
      if (r.kind === 'ok') expect(r.instant.toUTC().toISO()).toBe(expected);
    }
  });

  it('refuses a time in the spring-forward gap, suggesting the first valid time', () => {
    const r = resolveWallTime('2030-03-10', '02:30', 'America/New_York');
    expect(r.kind).toBe('gap');
    if (r.kind === 'gap') expect(r.message).toMatch(/does not exist.*03:30 or later/);
    expect(resolveWallTime('2030-03-31', '02:15', 'Europe/Berlin').kind).toBe('gap');
    expect(resolveWallTime('2030-10-06', '02:10', 'Australia/Adelaide').kind).toBe('gap');
  });

  it('asks which one for a time that happens twice, and honours the answer', () => {
    const r = resolveWallTime('2030-11-03', '01:30', 'America/New_York');
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') expect(r.message).toMatch(/twice.*UTC-04:00.*UTC-05:00/);
    const earlier = resolveWallTime('2030-11-03', '01:30', 'America/New_York', 'earlier');
    const later = resolveWallTime('2030-11-03', '01:30', 'America/New_York', 'later');
    expect(earlier.kind === 'ok' && earlier.instant.toUTC().toISO()).toBe('2030-11-03T05:30:00.000Z');
    expect(later.kind === 'ok' && later.instant.toUTC().toISO()).toBe('2030-11-03T06:30:00.000Z');
  });

  it('names the field for impossible dates, times and zones', () => {
    expect(resolveWallTime('2030-02-30', '10:00', 'Europe/Berlin')).toMatchObject({ kind: 'invalid', field: 'date' });
    expect(resolveWallTime('2030-02-10', '24:30', 'Europe/Berlin')).toMatchObject({ kind: 'invalid', field: 'time' });
    expect(resolveWallTime('2030-02-10', '10:00', 'Mars/Olympus')).toMatchObject({
      kind: 'invalid',
      field: 'timeZone',
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  displayStatus,
  formatCountdown,
  joinMinutesLeft,
  joinPhase,
  joinWindow,
  offersDeviceCheck,
} from '../../../preload/shared/rules/interview-timing';

const settings = { joinOpensMinutesBefore: 15, joinClosesMinutesAfter: 60 };
const m = 60_000;

describe('join window', () => {
  const interview = { startUtc: '2030-03-31T00:30:00.000Z', durationMinutes: 45, status: 'scheduled' as const };
  const start = Date.parse(interview.startUtc);

  it('opens 15 minutes before and closes 60 minutes after the start, at the edges exactly', () => {
    expect(joinPhase(interview, settings, start - 15 * m - 1)).toBe('before');
    expect(joinPhase(interview, settings, start - 15 * m)).toBe('open');
    expect(joinPhase(interview, settings, start + 60 * m - 1)).toBe('open');
    expect(joinPhase(interview, settings, start + 60 * m)).toBe('after');
  });

  it('stays open until the scheduled end when that is later than 60 minutes after the start', () => {
    const long = { ...interview, durationMinutes: 120 };
    expect(joinWindow(long, settings).closesAt).toBe(start + 120 * m);
    expect(joinPhase(long, settings, start + 119 * m)).toBe('open');
    expect(joinPhase(long, settings, start + 120 * m)).toBe('after');
  });

  it('uses the Settings values', () => {
    expect(joinPhase(interview, { joinOpensMinutesBefore: 5, joinClosesMinutesAfter: 60 }, start - 6 * m)).toBe(
      'before',
    );
    expect(joinPhase(interview, { joinOpensMinutesBefore: 5, joinClosesMinutesAfter: 90 }, start + 80 * m)).toBe(
      'open',
    );
  });

  it('is measured in real time across a DST change (Europe/Berlin, 31 March 2030, 02:00 → 03:00)', () => {
    // 01:55 local (CET) to 03:10 local (CEST) is 15 real minutes: the window is open.
    const dstStart = { startUtc: '2030-03-31T01:10:00.000Z', durationMinutes: 30, status: 'scheduled' as const };
    expect(joinPhase(dstStart, settings, Date.parse('2030-03-31T00:55:00.000Z'))).toBe('open');
    expect(joinPhase(dstStart, settings, Date.parse('2030-03-31T00:54:59.999Z'))).toBe('before');
  });

  it('works for a half-hour zone start (Asia/Kolkata 09:00 = 03:30Z)', () => {
    const kolkata = { startUtc: '2030-01-15T03:30:00.000Z', durationMinutes: 30, status: 'scheduled' as const };
    expect(joinPhase(kolkata, settings, Date.parse('2030-01-15T03:15:00.000Z'))).toBe('open');
    expect(joinPhase(kolkata, settings, Date.parse('2030-01-15T03:14:59.000Z'))).toBe('before');
  });

  it('never opens for a cancelled interview', () => {
    const cancelled = { ...interview, status: 'cancelled' as const };
    expect(joinPhase(cancelled, settings, start)).toBe('before');
    expect(joinPhase(cancelled, settings, start + 61 * m)).toBe('after');
  });
});

describe('device check offer', () => {
  const interview = { startUtc: '2030-03-31T00:30:00.000Z', durationMinutes: 45, status: 'scheduled' as const };
  const start = Date.parse(interview.startUtc);

  it('is offered days before and while joining is open, and gone once the join window closes', () => {
    expect(offersDeviceCheck(interview, settings, start - 3 * 86_400_000)).toBe(true);
    expect(offersDeviceCheck(interview, settings, start + 59 * m)).toBe(true);
    expect(offersDeviceCheck(interview, settings, start + 60 * m)).toBe(false);
    expect(offersDeviceCheck(interview, { ...settings, joinClosesMinutesAfter: 90 }, start + 60 * m)).toBe(true);
  });

  it('is never offered for a cancelled interview', () => {
    expect(offersDeviceCheck({ ...interview, status: 'cancelled' }, settings, start - 86_400_000)).toBe(false);
  });
});

describe('display status transitions', () => {
  const base = { startUtc: '2030-01-15T10:00:00.000Z', durationMinutes: 30, status: 'scheduled' as const };
  const start = Date.parse(base.startUtc);

  it('upcoming → ready → in progress → ended', () => {
    expect(displayStatus(base, settings, start - 16 * m)).toBe('upcoming');
    expect(displayStatus(base, settings, start - 15 * m)).toBe('ready');
    expect(displayStatus(base, settings, start)).toBe('in_progress');
    expect(displayStatus(base, settings, start + 29 * m)).toBe('in_progress');
    expect(displayStatus(base, settings, start + 30 * m)).toBe('ended');
    expect(displayStatus(base, settings, start + 60 * m)).toBe('ended');
  });

  // A 5-minute interview 03:01–03:06 with the join window open until 04:01.
  const short = { startUtc: '2030-01-15T03:01:00.000Z', durationMinutes: 5, status: 'scheduled' as const };
  const at = (hhmm: string) => Date.parse(`2030-01-15T${hhmm}:00.000Z`);
  it.each([
    ['before the window', '02:45', false, 'upcoming', 'before'],
    ['in the window, before the start', '02:46', false, 'ready', 'open'],
    ['in progress', '03:01', false, 'in_progress', 'open'],
    ['in progress, Meet running', '03:05', true, 'in_progress', 'open'],
    ['ended at the scheduled end, join window still open', '03:06', false, 'ended', 'open'],
    ['ended two minutes later, join window still open', '03:08', false, 'ended', 'open'],
    ['running over while Meet shows the call going', '03:08', true, 'running_over', 'open'],
    ['after the window', '04:01', false, 'ended', 'after'],
    ['after the window, Meet still running', '04:30', true, 'running_over', 'after'],
  ] as const)('%s (%s)', (_name, time, running, status, phase) => {
    expect(displayStatus(short, settings, at(time), running)).toBe(status);
    expect(joinPhase(short, settings, at(time))).toBe(phase);
  });

  it('says how many minutes of joining are left after the end', () => {
    expect(joinMinutesLeft(short, settings, at('03:08'))).toBe(53);
    expect(joinMinutesLeft(short, settings, at('03:08') + 30_000)).toBe(53);
    expect(joinMinutesLeft(short, settings, at('04:00') + 1000)).toBe(1);
    expect(joinMinutesLeft(short, settings, at('04:01'))).toBe(0);
  });

  it('cancelled wins at every moment', () => {
    for (const t of [start - 100 * m, start, start + 100 * m])
      expect(displayStatus({ ...base, status: 'cancelled' }, settings, t)).toBe('cancelled');
  });

  it('needs attention before the start only', () => {
    const failing = { ...base, attention: 'Invitation to the candidate failed' };
    expect(displayStatus(failing, settings, start - 100 * m)).toBe('needs_attention');
    expect(displayStatus(failing, settings, start - 10 * m)).toBe('needs_attention');
    expect(displayStatus(failing, settings, start)).toBe('in_progress');
    expect(displayStatus(failing, settings, start + 30 * m)).toBe('ended');
  });

  it('formats countdowns', () => {
    expect(formatCountdown(45_000)).toBe('in 45 s');
    expect(formatCountdown(5 * m + 3000)).toBe('in 5 min 3 s');
    expect(formatCountdown(2 * 60 * m + 5 * m)).toBe('in 2 h 5 min');
    expect(formatCountdown(3 * 24 * 60 * m + 60 * m)).toBe('in 3 d 1 h');
    expect(formatCountdown(-3 * m)).toBe('3 min ago');
  });
});

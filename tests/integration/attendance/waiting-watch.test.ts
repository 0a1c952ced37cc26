import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../../google-emulator/google-emulator';
import { createMeetClient, meetReadScope } from '../../../main/attendance/meet-client';
import { createWaitingWatch } from '../../../main/attendance/waiting-watch';
import { createMemoryLogger } from '../../../main/logging/logger';
import { makeInterview } from '../../support/interview-fixtures';
import { emulatorAuthClient, emulatorGoogleConfig } from '../../support/emulator-auth';

/** The "candidate is waiting" watch against the emulator: what each 30-second poll asks of Meet. */
describe('waiting watch: requests per poll (emulator)', () => {
  let g: GoogleEmulator;
  beforeAll(async () => {
    g = await startGoogleEmulator();
  });
  afterAll(async () => g.close());
  beforeEach(() => {
    g.meet.clear();
    g.requests.length = 0;
  });
  const base = Date.parse('2030-03-04T10:00:00.000Z');
  const at = (m: number) => new Date(base + m * 60_000).toISOString();
  const interview = makeInterview({
    startUtc: at(0),
    durationMinutes: 45,
    meetLink: 'https://meet.google.com/wai-ting-now',
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
  });

  const watchOver = (now: { ms: number }, raised: string[], settled: string[], lines: string[]) =>
    createWaitingWatch({
      client: createMeetClient({
        auth: emulatorAuthClient(g, [meetReadScope]),
        rootUrl: emulatorGoogleConfig(g).meetApiUrl,
        retry: { baseDelayMs: 5, maxDelayMs: 20, totalCapMs: 2_000 },
        requestTimeoutMs: 2_000,
      }),
      startingBetween: () => [interview],
      settings: () => ({ joinOpensMinutesBefore: 15, joinClosesMinutesAfter: 60 }),
      canRead: () => true,
      identity: () => ({ email: 'recruiter@example.com', name: 'Rita Recruiter', googleId: '1001' }),
      clock: { now: () => now.ms },
      // The test drives each poll itself.
      timers: { set: () => 0, clear: () => {} },
      log: createMemoryLogger(lines),
      raise: (i) => void raised.push(i.id),
      settle: (i) => void settled.push(i.id),
    });

  it('reads sessions only for new or changed participants, so a quiet poll costs two requests', async () => {
    const now = { ms: base - 5 * 60_000 };
    const raised: string[] = [];
    const conference = g.meet.addConference({
      meetingCode: 'wai-ting-now',
      startTime: at(-6),
      participants: [
        { kind: 'anonymous', displayName: 'Ada Lovelace', sessions: [{ start: at(-6) }] },
        { kind: 'anonymous', displayName: 'Pat Panel', sessions: [{ start: at(-6), end: at(-5.5) }] },
      ],
    });
    const watch = watchOver(now, raised, [], []);
    const poll = async () => {
      g.requests.length = 0;
      await watch.tick();
      now.ms += 30_000;
      return g.requests.filter((r) => r.path.startsWith('/v2/')).length;
    };
    // The conference list, the participant list, and each one's sessions once.
    expect(await poll()).toBe(4);
    expect(raised).toEqual([interview.id]);
    expect([await poll(), await poll(), await poll()]).toEqual([2, 2, 2]);
    // Bob joins: only his sessions are read.
    const bob = g.meet.addParticipant(conference, {
      kind: 'anonymous',
      displayName: 'Bob Builder',
      sessions: [{ start: at(-3), end: at(-2) }],
    });
    expect(await poll()).toBe(3);
    expect(await poll()).toBe(2);
    // Bob comes back (Meet drops his latestEndTime while he is in the call): he is read again.
    g.meet.addSession(bob, { start: at(-1) });
    expect(await poll()).toBe(3);
    expect(await poll()).toBe(2);
  });

  it("bounds one poll's requests; a crowded call is read over several polls and the candidate is still found", async () => {
    const now = { ms: base - 5 * 60_000 };
    const raised: string[] = [];
    const lines: string[] = [];
    const crowd = Array.from({ length: 45 }, (_, i) => ({
      kind: 'anonymous' as const,
      displayName: `Viewer ${i}`,
      sessions: [{ start: at(-10), end: at(-9) }],
    }));
    g.meet.addConference({
      meetingCode: 'wai-ting-now',
      startTime: at(-10),
      participants: [...crowd, { kind: 'anonymous', displayName: 'Ada Lovelace', sessions: [{ start: at(-7) }] }],
    });
    const watch = watchOver(now, raised, [], lines);
    const counts: number[] = [];
    for (let i = 0; i < 4 && raised.length === 0; i++) {
      g.requests.length = 0;
      await watch.tick();
      counts.push(g.requests.filter((r) => r.path.startsWith('/v2/')).length);
      now.ms += 30_000;
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(20);
    expect(raised).toEqual([interview.id]);
    expect(counts.length).toBeGreaterThan(1);
  });
});

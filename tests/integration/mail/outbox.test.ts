import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import { makeInterview, seedStore } from '../../support/interview-fixtures';
import { eventually } from '../../support/google-harness';
import { countRowsRead } from '../../support/row-counter';
import { scheduleFormFor } from '../../support/schedule-form';
import { loadEnvConfig } from '../../../main/config/env-config';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

/** The schedule form for an interview `days` from now (far from the seeded ones, so no conflict is read). */
const form = (days: number) =>
  scheduleFormFor(days, { candidateTimeZone: 'Europe/Berlin', meetLink: 'https://meet.google.com/abc-defg-hij' });

/** `count` interviews half a year ahead, each with its Meet link (and `extra`). */
const seeded = (count: number, extra: Partial<Interview> = {}) =>
  Array.from({ length: count }, (_, i) =>
    makeInterview({
      startUtc: new Date(Date.now() + (180 + i) * 86_400_000).toISOString(),
      meetLink: 'https://meet.google.com/abc-defg-hij',
      ...extra,
    }),
  );

describe('the outbox works in proportion to what is due, not to what waits', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: ReturnType<typeof servicesFor>;
  let sink: SmtpSink;
  const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
  const settle = () => new Promise((r) => setTimeout(r, 60));
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => sink.close());
  afterEach(async () => {
    await services.dispose();
    services.stores.database.close();
    temp.cleanup();
  });

  /** Rows read by one "Schedule interview" and what the outbox does after it. */
  const rowsPerSchedule = async (counter: { rows: number }, days: number) => {
    await settle();
    counter.rows = 0;
    const result = await call('interviews:schedule', form(days));
    expect(result.ok).toBe(true);
    await settle();
    return counter.rows;
  };

  it('paused (no mail server set up): a change reads the same rows with 2 or 600 messages waiting, and does not drain', async () => {
    temp = makeTempDir();
    const waiting = seeded(300);
    seedStore(temp.dir, {
      interviews: waiting,
      settings: { recruiterName: 'Rita', recruiterEmail: 'rita@example.com' },
    });
    const lines: string[] = [];
    services = servicesFor(temp.dir, { log: createMemoryLogger(lines) });
    const counter = countRowsRead(services.stores.database);
    await rowsPerSchedule(counter, 2); // the first drain finds no mail server: the outbox pauses
    const drainsBefore = lines.filter((l) => l.includes('outbox waiting')).length;
    expect(drainsBefore).toBe(1);
    const few = await rowsPerSchedule(counter, 3);
    for (const interview of waiting) services.outbox.enqueue(interview.id, 'invitation');
    expect(services.outbox.items().filter((i) => i.state === 'queued')).toHaveLength(604);
    const many = await rowsPerSchedule(counter, 4);
    expect(many).toBeLessThanOrEqual(few + 2);
    // Paused, it looks again on its own after a while, or at a reconnect or settings change; not at every change.
    expect(lines.filter((l) => l.includes('outbox waiting')).length).toBe(drainsBefore);
  });

  it("sending: 600 messages held for Google's event cost a change nothing, and only the new messages are read and sent", async () => {
    temp = makeTempDir();
    const held = seeded(300, { google: { eventId: 'pending0event', state: 'pending' } });
    seedStore(temp.dir, { interviews: held, settings: { recruiterName: 'Rita', recruiterEmail: 'rita@example.com' } });
    services = servicesFor(temp.dir, { config: loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) });
    const counter = countRowsRead(services.stores.database);
    sink.received.length = 0;
    const few = await rowsPerSchedule(counter, 2);
    await eventually(() => expect(sink.received).toHaveLength(2));
    for (const interview of held) services.outbox.enqueue(interview.id, 'invitation');
    await settle();
    const many = await rowsPerSchedule(counter, 3);
    await eventually(() => expect(sink.received).toHaveLength(4));
    expect(many).toBeLessThanOrEqual(few + 2);
    await eventually(() => expect(services.outbox.items().filter((i) => i.state === 'queued')).toHaveLength(600));
  });
});

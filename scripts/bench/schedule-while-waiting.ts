// "Schedule interview" through the composed services while the outbox is paused (no mail server set
// up) with 0, 2,000 and 20,000 messages waiting, over 10,000 and over 50,000 interviews: the time of
// one schedule should follow the schedule, not the queue.
import { randomUUID } from 'node:crypto';
import { manyInterviews, seedStore } from '../../tests/support/interview-fixtures';
import { servicesFor } from '../../tests/support/test-services';
import { makeTempDir } from '../../tests/support/temp-dir';
import { scheduleFormFor } from '../../tests/support/schedule-form';
import { dispatchCall } from '../../main/app/dispatch-call';
import { createMemoryLogger } from '../../main/logging/logger';
import { percentile, report, timeMany } from './lib/bench-utils';

const schedules = 40;
const waitingCounts = [0, 2_000, 20_000];
const form = (i: number) =>
  scheduleFormFor(400 + i, { meetLink: 'https://meet.google.com/abc-defg-hij', acceptConflicts: true });

/** Median ms of one "Schedule interview" (and the outbox's work after it) with `waiting` messages queued. */
async function medianSchedule(dir: string, interviewIds: string[], waiting: number, round: number): Promise<number> {
  const services = servicesFor(dir, { log: createMemoryLogger() });
  const db = services.stores.database;
  // The waiting messages go straight into the queue's table (an invitation per person, as enqueue
  // writes them): queueing 20,000 through the outbox would time the set-up, not the schedule.
  db.transaction(() => {
    db.prepare("DELETE FROM queue_items WHERE queue = 'mail'").run();
    const insert = db.prepare(
      "INSERT INTO queue_items (queue, key, interview_id, state, attempts, not_before, payload, created_ms, updated_ms) VALUES ('mail', ?, ?, 'queued', 0, 0, ?, ?, ?)",
    );
    for (let i = 0; i < waiting; i++) {
      const recipient = i % 2 === 0 ? 'candidate' : 'recruiter';
      insert.run(
        randomUUID(),
        interviewIds[Math.floor(i / 2) % interviewIds.length]!,
        JSON.stringify({ recipient, kind: 'invitation' }),
        Date.now(),
        Date.now(),
      );
    }
  });
  const call = (i: number) => dispatchCall(services.handlers, 'interviews:schedule', form(i), createMemoryLogger());
  const settle = () => new Promise((r) => setTimeout(r, 0));
  // The first schedule finds no mail server: the outbox pauses, as it stays while the person sets one up.
  await call(round * 1000);
  await settle();
  const durations = await timeMany(schedules, async (i) => {
    const result = await call(round * 1000 + i + 1);
    if (!result.ok) throw new Error(result.error.message);
    await settle();
  });
  await services.dispose();
  db.close();
  return percentile(durations, 50);
}

// Alternating rounds, so a busy moment of the machine does not land on one case only; the median
// round is the figure.
const rounds = 3;
let round = 0;
for (const interviewCount of [10_000, 50_000]) {
  const temp = makeTempDir('idesk-bench-waiting-');
  const interviews = manyInterviews(interviewCount, Date.now());
  seedStore(temp.dir, { interviews, settings: { recruiterName: 'Rita', recruiterEmail: 'rita@example.com' } });
  const ids = interviews.map((i) => i.id);
  const medians = new Map<number, number[]>(waitingCounts.map((w) => [w, []]));
  for (let r = 0; r < rounds; r++)
    for (const waiting of waitingCounts)
      medians.get(waiting)!.push(await medianSchedule(temp.dir, ids, waiting, ++round));
  const median = (waiting: number) => [...medians.get(waiting)!].sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
  for (const waiting of waitingCounts) {
    const label = `Schedule interview, ${interviewCount.toLocaleString('en')} interviews, ${waiting.toLocaleString('en')} waiting (p50)`;
    report(label, `${median(waiting).toFixed(2)} ms (×${(median(waiting) / median(0)).toFixed(2)})`);
  }
  temp.cleanup();
}

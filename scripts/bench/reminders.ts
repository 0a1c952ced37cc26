// Reminders: the next due reminder as one indexed query at 1,000 / 10,000 / 50,000 interviews (and,
// for comparison, the old computation over the whole list at 10,000), and how on time the scheduler
// fires over a simulated week with sleeps (injected clock and timers).
import { reminderDecisions } from '../../main/reminders/reminder-plan';
import { createReminderScheduler } from '../../main/reminders/reminder-scheduler';
import { createInterviewCommands } from '../../main/interviews/interview-commands';
import { createInterviewQueries } from '../../main/interviews/interview-queries';
import { createInterviewRepository } from '../../main/database/interview-repository';
import { openMemoryDatabase } from '../../main/database/open-database';
import { createEventHub } from '../../main/shared/event-hub';
import { createMemoryLogger } from '../../main/logging/logger';
import { storesFor } from '../../tests/support/test-services';
import { manyInterviews, makeInterview, seedStore } from '../../tests/support/interview-fixtures';
import { simulatedTime } from '../../tests/support/simulated-time';
import { makeTempDir } from '../../tests/support/temp-dir';
import { report, reportDurations, timeMany } from './lib/bench-utils';

const now = Date.now();
for (const size of [1_000, 10_000, 50_000]) {
  const db = openMemoryDatabase();
  const indexed = createInterviewRepository(db);
  const many = manyInterviews(size, now);
  indexed.putMany(many);
  reportDurations(
    `next due reminder, one indexed query @${size.toLocaleString('en')}`,
    await timeMany(200, () => indexed.nextReminderAt([1440, 60, 0], true, now)),
  );
  if (size === 10_000)
    reportDurations(
      'next due reminder, whole list in memory (before) @10,000',
      await timeMany(50, () => reminderDecisions(many, [1440, 60, 0], true, now)),
    );
  db.close();
}

// A week: 40 interviews at random times; the laptop sleeps 8 h every night (no timers run), and the
// resume check runs on wake. Lateness = fired time − due time, for reminders due while awake.
const temp = makeTempDir('idesk-bench-rem-');
const start = Date.parse('2030-03-04T00:00:00.000Z');
let seed = 3;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const interviews = Array.from({ length: 40 }, () =>
  makeInterview({
    startUtc: new Date(start + 86_400_000 + Math.floor(random() * 6 * 24 * 4) * 15 * 60_000).toISOString(),
    meetLink: 'https://meet.google.com/abc-defg-hij',
  }),
);
seedStore(temp.dir, { interviews });
const time = simulatedTime(new Date(start).toISOString());
const repository = createInterviewRepository(storesFor(temp.dir, time.clock).database);
const commands = createInterviewCommands({
  repository,
  clock: time.clock,
  events: createEventHub(),
  log: createMemoryLogger(),
  recruiter: () => null,
});
const firedAt: Array<{ due: number; at: number }> = [];
const scheduler = createReminderScheduler({
  interviews: createInterviewQueries({ repository, clock: time.clock }),
  commands,
  clock: time.clock,
  log: createMemoryLogger(),
  settings: () => ({ reminderOffsetsMinutes: [1440, 60, 0], candidateReminderEmail: false }),
  notify: (r) => firedAt.push({ due: r.dueAt, at: time.clock.now() }),
  email: () => {},
  timers: time.timers,
});
let sleeps = 0;
for (let dayStart = start; dayStart < start + 7 * 86_400_000; dayStart += 86_400_000) {
  time.run(dayStart + 16 * 3600_000); // awake 00:00–16:00 UTC
  time.sleep(8 * 3600_000); // asleep 16:00–24:00
  sleeps++;
  scheduler.check(); // powerMonitor resume
}
scheduler.dispose();
const late = firedAt.map((f) => f.at - f.due).sort((a, b) => a - b);
const onTime = late.filter((ms) => ms === 0).length;
report('simulated week: reminders fired', firedAt.length);
report('simulated week: nights asleep', sleeps);
report('simulated week: fired exactly on time (awake)', onTime);
report('simulated week: fired late (due while asleep, fired on wake)', late.length - onTime);
report('simulated week: worst lateness', (late.at(-1) ?? 0) / 60_000, 'min');
temp.cleanup();

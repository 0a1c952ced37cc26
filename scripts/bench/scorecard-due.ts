// "Scorecard due" looks again hourly and on every interview, scorecard or attendance change, at every
// ended interview without the recruiter's scorecard in its 5½-day look-back (a busy week is about
// 100). Meet's word on the recruiter (the attendance report, analysed) is read until it finds them,
// then only for a notice about to be shown. This prints one look with 20 / 100 / 500 such interviews,
// each with a report read from Meet: the first look (every report read and its word recorded), the
// looks after it, and a look that never asks Meet, for scale.
import { servicesFor } from '../../tests/support/test-services';
import { makeTempDir } from '../../tests/support/temp-dir';
import { makeInterview } from '../../tests/support/interview-fixtures';
import { createInterviewRepository } from '../../main/database/interview-repository';
import { createAttendanceRepository } from '../../main/attendance/attendance-repository';
import { loadEnvConfig } from '../../main/config/env-config';
import { createDueSubjects } from '../../main/scorecards/due-subjects';
import { createScorecardDueScheduler } from '../../main/scorecards/scorecard-due-scheduler';
import { recruiterSeenIn } from '../../main/scorecards/scorecard-due-plan';
import { createMemoryLogger } from '../../main/logging/logger';
import { report, reportDurations, timeMany } from './lib/bench-utils';
import { seedMeetAttendance } from '../../tests/support/attendance-seed';

const now = Date.now();
const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const noTimers = { set: () => undefined, clear: () => undefined };

for (const size of process.env.BENCH_SIZES?.split(',').map(Number) ?? [20, 100, 500]) {
  const label = (what: string) => `${what} @${size}`;
  const temp = makeTempDir('idesk-bench-due-');
  const services = servicesFor(temp.dir, { config: loadEnvConfig({}, temp.dir) });
  const db = services.stores.database;
  // Ended over the last five days, one an hour or so apart, none with the recruiter's scorecard.
  const interviews = Array.from({ length: size }, (_, i) =>
    makeInterview({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      startUtc: iso(now - 2 * hour - Math.floor((i * 5 * 24 * hour) / size)),
      durationMinutes: 45,
      meetLink: 'https://meet.google.com/abc-defg-hij',
    }),
  );
  createInterviewRepository(db).putMany(interviews);
  const attendance = createAttendanceRepository(db);
  db.transaction(() => interviews.forEach((interview, i) => seedMeetAttendance(attendance, interview, i)));
  const look = (withMeet: boolean) =>
    createScorecardDueScheduler({
      subjects: createDueSubjects(db),
      interviews: services.interviews,
      recruiterSeen: (id) => (withMeet ? recruiterSeenIn(services.attendance.view(id).report) : 'unknown'),
      notify: () => undefined,
      clock: { now: () => now },
      log: createMemoryLogger(),
      timers: noTimers,
    });
  const without = look(false);
  report(label('interviews waiting for the scorecard'), without.dueNow().length);
  reportDurations(label('one look, never asking Meet'), await timeMany(15, () => without.check()));
  // The schedule looks once as it starts: that first look reads every report.
  const began = performance.now();
  const withMeet = look(true);
  report(label('first look, every report read'), performance.now() - began, 'ms');
  reportDurations(label('later looks'), await timeMany(15, () => withMeet.check()));
  withMeet.dispose();
  without.dispose();
  await services.dispose();
  db.close();
  temp.cleanup();
}

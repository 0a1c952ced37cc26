// Analytics' scorecard figures at 1,000 / 10,000 / 50,000 interviews over a year: the owed scorecards
// (the period's people, their submissions, Meet attendance where it was read), beside the rest of
// the report. A third of the interviews have a panel of two; half of the past ones have Meet
// attendance read (one conference, candidate and recruiter); most past scorecards are submitted.
import { servicesFor } from '../../tests/support/test-services';
import { makeTempDir } from '../../tests/support/temp-dir';
import { manyInterviews } from '../../tests/support/interview-fixtures';
import { createInterviewRepository } from '../../main/database/interview-repository';
import { createAttendanceRepository } from '../../main/attendance/attendance-repository';
import { loadEnvConfig } from '../../main/config/env-config';
import { aggregateAnalytics } from '../../main/analytics/analytics-sql';
import { periodBounds, withAttendance } from '../../main/analytics/analytics';
import { createAnalyticsReports } from '../../main/analytics/analytics-report';
import { owedScorecards } from '../../main/analytics/scorecard-sql';
import { scorecardFigures } from '../../main/analytics/scorecard-figures';
import { report, reportDurations, timeMany } from './lib/bench-utils';
import { seedMeetAttendance } from '../../tests/support/attendance-seed';

const now = Date.now();
const day = (offsetDays: number) => new Date(now + offsetDays * 86_400_000).toISOString().slice(0, 10);
const query = { from: day(-180), to: day(180), timeZone: 'Europe/Berlin' };

for (const size of process.env.BENCH_SIZES?.split(',').map(Number) ?? [1_000, 10_000, 50_000]) {
  const label = (what: string) => `${what} @${size.toLocaleString('en')}`;
  const temp = makeTempDir('idesk-bench-analytics-');
  const services = servicesFor(temp.dir, { config: loadEnvConfig({}, temp.dir) });
  const db = services.stores.database;
  const interviews = manyInterviews(size, now).map((interview, i) =>
    i % 3 === 0
      ? {
          ...interview,
          coInterviewers: [
            { email: `bob${i % 40}@example.com`, name: `Bob Panel ${i % 40}` },
            { email: `cy${i % 30}@example.com`, name: `Cy Panel ${i % 30}` },
          ],
        }
      : interview,
  );
  const seeded = performance.now();
  createInterviewRepository(db).putMany(interviews);
  const attendance = createAttendanceRepository(db);
  db.transaction(() => {
    interviews.forEach((interview, i) => {
      const start = Date.parse(interview.startUtc);
      const end = start + interview.durationMinutes * 60_000;
      if (end > now) return;
      if (i % 5 !== 4) {
        db.prepare(
          "INSERT INTO scorecards (interview_id, author_email, source, state, record, submitted_ms, updated_ms) VALUES (?, ?, 'app', 'submitted', '{}', ?, ?)",
        ).run(interview.id, interview.recruiter.email, end + (i % 50) * 3_600_000, end + (i % 50) * 3_600_000);
        for (const panelist of interview.coInterviewers)
          db.prepare(
            "INSERT INTO scorecards (interview_id, author_email, source, state, record, submitted_ms, updated_ms) VALUES (?, ?, 'form', 'submitted', '{}', ?, ?)",
          ).run(interview.id, panelist.email, end + (i % 30) * 3_600_000, end + (i % 30) * 3_600_000);
      }
      if (i % 2 !== 0) return;
      seedMeetAttendance(attendance, interview, i);
    });
  });
  report(label('seed (interviews, scorecards, attendance)'), performance.now() - seeded, 'ms');

  const reports = createAnalyticsReports({
    database: db,
    interviews: services.interviews,
    attendance: services.attendance.analytics,
    clock: { now: () => now },
  });
  const { start, end } = periodBounds(query);
  // Meet's attendance of the period's interviews it was read for, analysed once as the report does.
  const meetOfPeriod = () => {
    const read = services.interviews.matching(services.attendance.analytics.readBetween(start, end + 1), '');
    return { read, meet: services.attendance.analytics.attendanceOf(read) };
  };
  const withoutScorecards = () => {
    const { read, meet } = meetOfPeriod();
    return withAttendance(aggregateAnalytics(db, query, now), read, now, meet);
  };
  const full = () => reports.report(query);
  const figures = full().scorecards;
  report(label('scorecards owed in the year'), figures ? figures.due + figures.pending : 0);
  reportDurations(label("the period's Meet attendance, analysed once"), await timeMany(5, meetOfPeriod));
  // The scorecard figures alone, as the report makes them: without Meet attendance (SQL only), and
  // with the Meet attendance the report analysed once for its attendance figures (looked up per interview).
  const { meet } = meetOfPeriod();
  const scorecardsAlone = (withMeet: boolean) =>
    scorecardFigures(owedScorecards(db, start, end, now, withMeet ? meet.report : undefined), now);
  reportDurations(
    label('scorecard figures alone, no Meet attendance'),
    await timeMany(9, () => scorecardsAlone(false)),
  );
  reportDurations(
    label('scorecard figures alone, with Meet attendance'),
    await timeMany(5, () => scorecardsAlone(true)),
  );
  reportDurations(label('year report without the scorecard figures'), await timeMany(5, withoutScorecards));
  reportDurations(label('year report with the scorecard figures'), await timeMany(5, full));
  reportDurations(label('year CSV export'), await timeMany(3, () => reports.exportCsv(query)));
  // Not in the schema, a proposal for it: an index holding each interview's people, so the owed read
  // takes them from the index instead of parsing every record.
  db.exec(
    "CREATE INDEX bench_owed_people ON interviews (status, origin, start_ms, end_ms, id, json_extract(record, '$.recruiter', '$.coInterviewers'))",
  );
  reportDurations(
    label('scorecard figures alone, no Meet, with a people index'),
    await timeMany(9, () => scorecardsAlone(false)),
  );
  await services.dispose();
  db.close();
  temp.cleanup();
}

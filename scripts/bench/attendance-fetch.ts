// Attendance from Meet (#12): fetching conference records, participants and sessions for 500 past
// interviews from the loopback Google emulator (requests made, time), then analysing them.
import { startGoogleEmulator } from '../../tests/google-emulator/google-emulator';
import { emulatorAuthClient, emulatorGoogleConfig } from '../../tests/support/emulator-auth';
import { createMeetClient, meetReadScope } from '../../main/attendance/meet-client';
import { fetchInterviewConferences } from '../../main/attendance/attendance-fetch';
import { analyseAttendance, type InterviewForAttendance } from '../../main/attendance/attendance-analysis';
import type { ConferenceAttendance } from '../../main/attendance/meet-records';
import { DatabaseSync } from 'node:sqlite';
import { applyPragmas, wrapDatabase } from '../../main/database/database';
import { migrateDatabase } from '../../main/database/schema-migrations';
import { createInterviewRepository } from '../../main/database/interview-repository';
import { createAttendanceRepository } from '../../main/attendance/attendance-repository';
import { attendanceFigures } from '../../main/attendance/attendance-figures';
import { makeInterview } from '../../tests/support/interview-fixtures';
import { report, reportDurations, timeMany } from './lib/bench-utils';

const g = await startGoogleEmulator();
const letters = (n: number, width: number) =>
  Array.from({ length: width }, (_, i) => String.fromCharCode(97 + (Math.floor(n / 26 ** i) % 26))).join('');
const base = Date.parse('2030-01-07T09:00:00Z');
const interviews: InterviewForAttendance[] = Array.from({ length: 500 }, (_, i) => {
  const start = base + i * 2 * 3_600_000;
  return {
    meetingCode: `${letters(i, 3)}-${letters(i + 7, 4)}-${letters(i + 3, 3)}`,
    scheduledStart: new Date(start).toISOString(),
    scheduledEnd: new Date(start + 45 * 60_000).toISOString(),
    interviewers: [{ user: 'users/1001', name: 'Rita Recruiter' }],
    candidateName: `Candidate ${i}`,
  };
});
for (const [i, interview] of interviews.entries()) {
  const at = (minutes: number) => new Date(Date.parse(interview.scheduledStart) + minutes * 60_000).toISOString();
  // Every tenth candidate does not come; every seventh link was also used the day before.
  if (i % 7 === 0)
    g.meet.addConference({
      meetingCode: interview.meetingCode,
      startTime: at(-1440),
      endTime: at(-1400),
      participants: [{ kind: 'anonymous', displayName: 'Someone', sessions: [{ start: at(-1440), end: at(-1400) }] }],
    });
  g.meet.addConference({
    meetingCode: interview.meetingCode,
    startTime: at(-2),
    endTime: at(50),
    participants: [
      {
        kind: 'signedin',
        user: 'users/1001',
        displayName: 'Rita Recruiter',
        sessions: [
          { start: at(-2), end: at(20) },
          { start: at(21), end: at(50) },
        ],
      },
      ...(i % 10 === 0
        ? []
        : [
            {
              kind: 'anonymous' as const,
              displayName: interview.candidateName,
              sessions: [{ start: at(i % 5), end: at(48) }],
            },
          ]),
    ],
  });
}
const client = createMeetClient({
  auth: emulatorAuthClient(g, [meetReadScope]),
  rootUrl: emulatorGoogleConfig(g).meetApiUrl,
});
const fetched: ConferenceAttendance[][] = [];
g.requests.length = 0;
const started = performance.now();
const durations = await timeMany(interviews.length, async (i) =>
  fetched.push(await fetchInterviewConferences(client, interviews[i]!)),
);
report('attendance fetch, 500 past interviews, total', performance.now() - started, 'ms');
reportDurations('attendance fetch per interview', durations);
report('requests made for 500 interviews', g.requests.length);
report('requests per interview', g.requests.length / interviews.length);
const now = base + 600 * 2 * 3_600_000;
const outcomes = new Map<string, number>();
reportDurations(
  'analysis of one interview',
  await timeMany(500, (i) => {
    const outcome = analyseAttendance(interviews[i]!, fetched[i]!, { now }).outcome;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }),
);
report('outcomes', [...outcomes].map(([k, v]) => `${k} ${v}`).join(', '));

// What the app does with it: store each interview's conferences in SQLite, read them back, and the Analytics figures.
const sql = new DatabaseSync(':memory:');
applyPragmas(sql, ':memory:');
migrateDatabase(sql);
const db = wrapDatabase(sql, ':memory:');
const stored = interviews.map((i) =>
  makeInterview({
    startUtc: i.scheduledStart,
    durationMinutes: 45,
    meetLink: `https://meet.google.com/${i.meetingCode}`,
    candidate: { name: i.candidateName, email: 'c@example.com' },
  }),
);
createInterviewRepository(db).putMany(stored);
const attendance = createAttendanceRepository(db);
reportDurations(
  'store one interview’s attendance',
  await timeMany(500, (i) => attendance.save(stored[i]!.id, fetched[i]!)),
);
reportDurations(
  'read one interview’s attendance back',
  await timeMany(500, (i) => attendance.conferences(stored[i]!.id)),
);
const reports = new Map(
  stored.map((s, i) => [s.id, analyseAttendance(interviews[i]!, attendance.conferences(s.id), { now })]),
);
const figuresStarted = performance.now();
const figures = attendanceFigures(stored.length, stored, reports, 'connected');
report('attendance figures for 500 interviews', performance.now() - figuresStarted, 'ms');
report(
  'figures',
  `completed ${figures.completed}, candidate no-show ${figures.candidateNoShow}, median together ${figures.medianMinutes} min`,
);
db.close();
await g.close();

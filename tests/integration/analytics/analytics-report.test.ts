import { afterAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import { recruiterAbsent } from '../../../preload/shared/rules/recruiter-absent';
import { attendedFromReport } from '../../../main/panel-forms/request-plan';
import { attendanceOutcomeLabels } from '../../../main/attendance/attendance-figures';
import { createAttendanceRepository } from '../../../main/attendance/attendance-repository';
import { servicesFor } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';
import { inProcessDesk } from '../../support/in-process-desk';
import { makeInterview } from '../../support/interview-fixtures';
import { recordNobodyJoined } from '../../support/attendance-seed';
import { createInterviewRepository } from '../../../main/database/interview-repository';

// The walk's case over the composed services: Meet says nobody joined the phone screen.
const temp = makeTempDir();
const services = servicesFor(temp.dir);
const desk = inProcessDesk(services);
afterAll(async () => {
  await services.dispose();
  services.stores.database.close();
  temp.cleanup();
});

const day = 86_400_000;
const recruiter = { name: 'Rita Recruiter', email: 'rita@example.com' };
const phoneScreen = makeInterview({
  startUtc: new Date(Date.now() - 3 * day).toISOString(),
  durationMinutes: 30,
  recruiter,
  coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }],
  meetLink: 'https://meet.google.com/abc-mnop-xyz',
});
const onsite = makeInterview({ startUtc: new Date(Date.now() - 2 * day).toISOString(), recruiter });
createInterviewRepository(services.stores.database).putMany([phoneScreen, onsite]);
recordNobodyJoined(services.stores.database, phoneScreen.id);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const query = { from: iso(Date.now() - 7 * day), to: iso(Date.now()), timeZone: 'UTC' };

describe('Analytics’ scorecard figures with Meet attendance', () => {
  it('an interview nobody joined owes no scorecard: not the recruiter’s, not the panel’s', async () => {
    const report = await desk.analytics.report(query);
    if (!report.ok) throw new Error(report.error.message);
    const rita = report.value.scorecards?.perInterviewer.find((p) => p.email === recruiter.email);
    // Only the onsite is owed (and late): not "1 of 2".
    expect(rita).toMatchObject({ due: 1, submitted: 0 });
    expect(report.value.scorecards?.perInterviewer.map((p) => p.email)).toEqual([recruiter.email]);

    const csv = await desk.analytics.exportCsv(query);
    if (!csv.ok) throw new Error(csv.error.message);
    const row = (id: string) => csv.value.split('\r\n').find((line) => line.startsWith(`"${id}"`)) ?? '';
    const header = csv.value.split('\r\n')[0]!.split(',');
    const owedAt = header.indexOf('"Scorecards owed"');
    expect(row(phoneScreen.id).split(',')[owedAt]).toBe('""');
    expect(row(onsite.id).split(',')[owedAt]).toBe('"1"');
  });
});

describe('Analytics reads Meet attendance as the room shows it', () => {
  const dir = makeTempDir();
  const desked = servicesFor(dir.dir);
  const api = inProcessDesk(desked);
  afterAll(async () => {
    await desked.dispose();
    desked.stores.database.close();
    dir.cleanup();
  });
  const db = desked.stores.database;
  const attendance = createAttendanceRepository(db);
  const panel = [{ email: 'bob@example.com', name: 'Bob Panel' }];
  const ended = (daysAgo: number, code: string) =>
    makeInterview({
      startUtc: new Date(Date.now() - daysAgo * day).toISOString(),
      durationMinutes: 45,
      recruiter,
      coInterviewers: panel,
      meetLink: `https://meet.google.com/${code}`,
    });
  /** Meet's one call of `interview`, everyone named here in it from start to end; read in full (final) unless said. */
  const recordCall = (interview: Interview, names: string[], final = true) => {
    const start = Date.parse(interview.startUtc);
    const [from, to] = [start, start + interview.durationMinutes * 60_000].map((ms) => new Date(ms).toISOString());
    const record = `conferenceRecords/${interview.id}`;
    attendance.save(interview.id, [
      {
        record: { name: record, startTime: from!, endTime: to! },
        participants: names.map((displayName, n) => ({
          participant: {
            name: `${record}/participants/p${n}`,
            identity: { kind: 'anonymous' as const, displayName },
            earliestStartTime: from!,
            latestEndTime: to!,
          },
          sessions: [{ name: `${record}/participants/p${n}/participantSessions/s1`, startTime: from!, endTime: to! }],
        })),
      },
    ]);
    attendance.setFetchState(interview.id, { state: 'fetched', final, attempts: 1, nextMs: 0, fetchedMs: Date.now() });
  };
  // The recruiter and Bob are named in the call, not signed in: "unconfirmed", yet each named one attended.
  const everyone = ended(6, 'abc-defg-hij');
  const withoutBob = ended(5, 'bcd-efgh-ijk');
  const candidateAlone = ended(4, 'cde-fghi-jkl');
  // Read once with no call yet and to be read again: the room already says nobody joined (not final in
  // the figures yet), so neither the recruiter nor Bob owes a scorecard there either.
  const readOnce = ended(3, 'def-ghij-klm');
  const notRead = ended(2, 'efg-hijk-lmn');
  createInterviewRepository(db).putMany([everyone, withoutBob, candidateAlone, readOnce, notRead]);
  recordCall(everyone, ['Ada Lovelace', 'Rita Recruiter', 'Bob Panel']);
  recordCall(withoutBob, ['Ada Lovelace', 'Rita Recruiter']);
  recordCall(candidateAlone, ['Ada Lovelace']);
  attendance.setFetchState(readOnce.id, {
    state: 'fetched',
    final: false,
    attempts: 1,
    nextMs: Date.now() + day,
    fetchedMs: Date.now() - 2 * day,
  });
  const all = [everyone, withoutBob, candidateAlone, readOnce, notRead];
  const query = { from: iso(Date.now() - 7 * day), to: iso(Date.now()), timeZone: 'UTC' };

  it('the report and the CSV owe a scorecard, and word attendance, as the room’s report says', async () => {
    const room = new Map<string, Awaited<ReturnType<typeof api.attendance.get>>>();
    for (const interview of all) room.set(interview.id, await api.attendance.get(interview.id));
    const reportOf = (interview: Interview) => {
      const view = room.get(interview.id)!;
      if (!view.ok) throw new Error(view.error.message);
      return view.value.report;
    };
    // What the room (and "Scorecard due") asks of each: the recruiter unless absent, Bob unless Meet says he was not there.
    const owedByRoom = (interview: Interview) => {
      const report = reportOf(interview);
      return [
        ...(recruiterAbsent(report) ? [] : [recruiter.email]),
        ...panel.filter((p) => attendedFromReport(p, report) !== 'no').map((p) => p.email),
      ];
    };
    expect(all.map(owedByRoom)).toEqual([
      [recruiter.email, 'bob@example.com'],
      [recruiter.email],
      [],
      [],
      [recruiter.email, 'bob@example.com'],
    ]);

    const csv = await api.analytics.exportCsv(query);
    if (!csv.ok) throw new Error(csv.error.message);
    const lines = csv.value.trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    const cell = (interview: Interview, column: string) =>
      lines.find((line) => line.startsWith(`"${interview.id}"`))!.split(',')[header.indexOf(`"${column}"`)];
    for (const interview of all) {
      const owed = owedByRoom(interview).length;
      expect(cell(interview, 'Scorecards owed'), interview.meetLink).toBe(owed ? `"${owed}"` : '""');
    }
    // Where Meet's call was stored, the CSV's attendance is the room's verdict.
    for (const interview of [everyone, withoutBob, candidateAlone])
      expect(cell(interview, 'Attendance')).toBe(`"${attendanceOutcomeLabels[reportOf(interview)!.outcome]}"`);

    const report = await api.analytics.report(query);
    if (!report.ok) throw new Error(report.error.message);
    const owedPerPerson = (email: string) => all.filter((i) => owedByRoom(i).includes(email)).length;
    expect(report.value.scorecards?.perInterviewer.map((p) => ({ email: p.email, owed: p.due + p.pending }))).toEqual([
      { email: recruiter.email, owed: owedPerPerson(recruiter.email) },
      { email: 'bob@example.com', owed: owedPerPerson('bob@example.com') },
    ]);
    expect(report.value.attendance).toMatchObject({
      fromMeet: 3,
      fromAppHistory: 2,
      unconfirmed: 2,
      interviewerNoShow: 1,
    });
  });
});

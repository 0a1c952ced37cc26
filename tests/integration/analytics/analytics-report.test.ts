import { afterAll, describe, expect, it } from 'vitest';
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

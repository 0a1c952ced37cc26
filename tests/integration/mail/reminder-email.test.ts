import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import { eventually } from '../../support/google-harness';
import { simulatedTime } from '../../support/simulated-time';
import { loadEnvConfig } from '../../../main/config/env-config';
import type { DeskServices } from '../../../main/app/compose-services';

const hour = 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** The schedule form for `hours` from the simulated now, in UTC (minutes dropped). */
function form(now: number, hours: number, name: string) {
  const d = new Date(now + hours * hour);
  return {
    candidateName: name,
    candidateEmail: `${name.toLowerCase()}@example.com`,
    jobTitle: 'Staff Engineer',
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:00`,
    timeZone: 'UTC',
    candidateTimeZone: 'Asia/Kolkata',
    durationMinutes: 45,
    notes: '',
    candidateMessage: '',
    meetLink: 'https://meet.google.com/abc-defg-hij',
  };
}

describe('the optional candidate reminder email over real SMTP', () => {
  let sink: SmtpSink;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;
  let time: ReturnType<typeof simulatedTime>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => sink.close());
  beforeEach(() => {
    temp = makeTempDir();
    sink.received.length = 0;
    const start = new Date(Date.now() + hour);
    start.setUTCMinutes(0, 0, 0);
    time = simulatedTime(start.toISOString());
    services = servicesFor(temp.dir, {
      config: loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir),
      clock: time.clock,
      tuning: { timers: time.timers },
    });
    services.settings.update({
      recruiterName: 'Rita Recruiter',
      recruiterEmail: 'rita@example.com',
      companyName: 'Acme Corp',
      candidateReminderEmail: true,
    });
  });
  afterEach(async () => {
    await services.dispose();
    temp.cleanup();
  });

  const candidateMails = (kind: RegExp) =>
    sink.received.filter(
      (m) => m.envelope.to.some((to) => to !== 'rita@example.com') && kind.test(m.parsed.subject ?? ''),
    );

  it("goes out 24 h before with the real time left in the candidate's zone, never soon after the invitation", async () => {
    const now = time.clock.now();
    const far = services.commands.schedule(form(now, 72, 'Ada')); // invitation now, reminder 48 h later
    services.commands.schedule(form(now, 30, 'Grace')); // its 24 h moment is 6 h after the invitation
    services.commands.schedule(form(now, 5, 'Alan')); // its 24 h moment passed before it existed
    await eventually(() => expect(candidateMails(/invitation/i)).toHaveLength(3));
    time.run(Date.parse(far.startUtc) - 24 * hour);
    await eventually(() => expect(candidateMails(/reminder/i)).toHaveLength(1));
    time.run(Date.parse(far.startUtc) - hour);
    await new Promise((r) => setTimeout(r, 200));
    const reminders = candidateMails(/reminder/i);
    expect(reminders.map((m) => m.envelope.to)).toEqual([['ada@example.com']]);
    const text = reminders[0]!.parsed.text ?? '';
    const istClock = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Kolkata',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(Date.parse(far.startUtc));
    expect(text).toMatch(new RegExp(`starts in 1 d \\(at \\w{3} \\d{1,2} \\w{3}, ${istClock} (IST|GMT\\+5:30)\\)`));
    expect(text).not.toMatch(/24 h|in 1 day/);
  });
});

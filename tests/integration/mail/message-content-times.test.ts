import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import { eventually } from '../../support/google-harness';
import { loadEnvConfig } from '../../../main/config/env-config';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import type { DeskServices } from '../../../main/app/compose-services';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

const pad = (n: number) => String(n).padStart(2, '0');
function form(extra: Record<string, unknown> = {}) {
  const d = new Date(Date.now() + 3 * 86_400_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return {
    candidateName: 'Ada Lovelace',
    candidateEmail: 'ada@example.com',
    jobTitle: 'Staff Engineer',
    date,
    time: '13:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
    meetLink: 'https://meet.google.com/abc-defg-hij',
    ...extra,
  };
}

describe('email times follow the reader’s locale and name the zone (real SMTP)', () => {
  let sink: SmtpSink;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;
  const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
  const start = async (locale: string) => {
    temp = makeTempDir();
    sink.received.length = 0;
    services = servicesFor(temp.dir, {
      locale,
      config: { ...loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) },
    });
    await call('settings:update', {
      recruiterName: 'Rita Recruiter',
      recruiterEmail: 'rita@example.com',
      companyName: 'Acme Corp',
    });
  };
  const schedule = async (extra: Record<string, unknown> = {}) => {
    const scheduled = await call('interviews:schedule', form(extra));
    if (!scheduled.ok) throw new Error(scheduled.error.message);
    return scheduled.value as Interview;
  };
  const textTo = (address: string) =>
    sink.received.filter((m) => m.envelope.to.includes(address)).map((m) => m.parsed.text ?? '');
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => sink.close());
  afterEach(async () => {
    await services.dispose();
    temp.cleanup();
  });

  it('a recruiter on en-US reads 12-hour times, and so does their candidate; the zone is named', async () => {
    await start('en-US');
    await schedule();
    await eventually(() => expect(sink.received).toHaveLength(2));
    for (const text of [...textTo('ada@example.com'), ...textTo('rita@example.com')]) {
      expect(text).toMatch(
        /When: \w+day, \w+ \d+, \d{4} at 1:00 PM, Central European (Standard|Summer) Time \(Europe\/Berlin\)/,
      );
      expect(text).not.toContain('13:00');
    }
  });

  it('a recruiter on en-GB reads 24-hour times, day before month', async () => {
    await start('en-GB');
    await schedule();
    await eventually(() => expect(sink.received).toHaveLength(2));
    for (const text of textTo('ada@example.com')) {
      expect(text).toMatch(
        /When: \w+day, \d+ \w+ \d{4} at 13:00, Central European (Standard|Summer) Time \(Europe\/Berlin\)/,
      );
      expect(text).not.toContain('PM');
    }
  });

  it('the candidate’s “New interview panel” says “Interviewers:” once, and the room keeps the name of whoever was taken off', async () => {
    await start('en-GB');
    const interview = await schedule({ coInterviewers: [{ email: 'alan@example.com', name: 'Alan Turing' }] });
    await eventually(() => expect(sink.received).toHaveLength(3));
    const changed = await call('interviews:setPanel', { id: interview.id, coInterviewers: [] });
    expect(changed.ok).toBe(true);
    await eventually(() => expect(textTo('ada@example.com')).toHaveLength(2));
    const update = textTo('ada@example.com')[1]!;
    expect(update).toContain('Your interviewers have changed');
    expect(update.match(/Interviewers?:/g)).toHaveLength(1);
    expect(update).toContain('New panel: Rita Recruiter (was Rita Recruiter, Alan Turing)');
    await eventually(async () => {
      const saved = await call('interviews:get', interview.id);
      expect(saved.ok && (saved.value as Interview).invitations.panel?.['alan@example.com']).toMatchObject({
        state: 'sent',
        kind: 'cancellation',
        name: 'Alan Turing',
      });
    });
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
function form(days: number, extra: Record<string, unknown> = {}) {
  const d = new Date(Date.now() + days * 86_400_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return {
    candidateName: 'Ada Lovelace',
    candidateEmail: 'ada@example.com',
    jobTitle: 'Staff Engineer',
    date,
    time: '10:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
    meetLink: 'https://meet.google.com/abc-defg-hij',
    ...extra,
  };
}

/** The app link of a received message, from its plain text ("If you have Interview Desk, …: <link>"). */
const appLink = (text: string | undefined) =>
  /If you have Interview Desk, [^:]+: (interview-desk:\/\/(?:join|panel|interview)\S*)/.exec(text ?? '')?.[1];

describe('each person gets the app link that fits them (real SMTP)', () => {
  let sink: SmtpSink;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;
  const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => sink.close());
  beforeEach(async () => {
    temp = makeTempDir();
    sink.received.length = 0;
    services = servicesFor(temp.dir, { config: { ...loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) } });
    await call('settings:update', {
      recruiterName: 'Rita Recruiter',
      recruiterEmail: 'rita@example.com',
      companyName: 'Acme Corp',
    });
  });
  afterEach(async () => {
    await services.dispose();
    temp.cleanup();
  });

  it('the candidate gets the join link, a co-interviewer the panel link naming the candidate; each saves the copy that fits', async () => {
    const scheduled = await call(
      'interviews:schedule',
      form(3, { coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }] }),
    );
    if (!scheduled.ok) throw new Error(scheduled.error.message);
    const interview = scheduled.value as Interview;
    await eventually(() => expect(sink.received).toHaveLength(3));
    const to = (address: string) => sink.received.find((m) => m.envelope.to.includes(address))!;
    const start = encodeURIComponent(interview.startUtc);
    const candidateLink = appLink(to('ada@example.com').parsed.text);
    const panelLink = appLink(to('pat@example.com').parsed.text);
    expect(candidateLink).toBe(
      `interview-desk://join?meet=abc-defg-hij&start=${start}&duration=45&title=Staff+Engineer+interview`,
    );
    expect(panelLink).toBe(
      `interview-desk://panel?meet=abc-defg-hij&start=${start}&duration=45&title=Staff+Engineer+interview&candidate=Ada+Lovelace`,
    );
    expect(appLink(to('rita@example.com').parsed.text)).toBe(`interview-desk://interview/${interview.id}`);
    // The words around the link speak to each reader.
    expect(to('pat@example.com').parsed.text).toContain(
      'If you have Interview Desk, open this panel interview in the app:',
    );
    expect(to('ada@example.com').parsed.text).toContain('If you have Interview Desk, open this interview in the app:');
    const panelHtml = String(to('pat@example.com').parsed.html).replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
    expect(panelHtml).toContain(`href="${panelLink}"`);
    expect(panelHtml).not.toContain('interview-desk://join');

    // Opened on another computer (a fresh data dir), each link saves the copy for its reader.
    await services.dispose();
    temp.cleanup();
    temp = makeTempDir();
    services = servicesFor(temp.dir, {});
    const asPanelist = await call('deeplink:confirmJoin', panelLink);
    expect(asPanelist).toMatchObject({
      ok: true,
      value: {
        origin: 'panelist',
        candidate: { name: 'Ada Lovelace' },
        jobTitle: 'Staff Engineer interview',
        durationMinutes: 45,
      },
    });
    const asCandidate = await call('deeplink:confirmJoin', candidateLink);
    expect(asCandidate).toMatchObject({ ok: true, value: { origin: 'candidate', candidate: { name: 'You' } } });
  });
});

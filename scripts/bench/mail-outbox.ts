// Invitations: time to render and compose one pair, and the outbox draining 1,000 messages to a
// local SMTP server.
import { composeInterviewMessage } from '../../main/mail/compose-message';
import { composeRaw } from '../../main/mail/mail-transport';
import { createEmailRenderer } from '../../main/mail/render-email';
import { makeInterview, seedStore } from '../../tests/support/interview-fixtures';
import { startSmtpSink } from '../../tests/support/smtp-sink';
import { servicesFor } from '../../tests/support/test-services';
import { makeTempDir } from '../../tests/support/temp-dir';
import { loadEnvConfig } from '../../main/config/env-config';
import { report, reportDurations, timeMany } from './lib/bench-utils';

const render = createEmailRenderer('templates');
const interview = makeInterview({ startUtc: '2030-01-15T09:00:00.000Z', meetLink: 'https://meet.google.com/abc-defg-hij', candidate: { name: 'Ada', email: 'ada@example.com', timeZone: 'Asia/Kolkata' } });
const settings = { companyName: 'Acme', brandColor: '#1a73e8', signOff: 'Thanks' };
reportDurations(
  'render + compose one invitation pair (HTML, text, .ics, MIME)',
  await timeMany(200, async () => {
    for (const recipient of ['candidate', 'recruiter'] as const) {
      await composeRaw(composeInterviewMessage({ interview, kind: 'invitation', recipient, settings, render, key: 'k', from: { name: 'R', address: 'r@example.com' }, now: 0 }));
    }
  }),
);

const sink = await startSmtpSink();
const temp = makeTempDir('idesk-bench-mail-');
const interviews = Array.from({ length: 500 }, (_, i) => makeInterview({ startUtc: new Date(Date.now() + (i + 1) * 3600_000).toISOString(), meetLink: 'https://meet.google.com/abc-defg-hij', candidate: { name: `C ${i}`, email: `c${i}@example.com` } }));
seedStore(temp.dir, { interviews, settings: { recruiterName: 'Rita', recruiterEmail: 'rita@example.com' } });
const services = servicesFor(temp.dir, { config: loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) });
for (const i of interviews) services.outbox.enqueue(i.id, 'invitation');
const started = performance.now();
await services.outbox.drain();
const seconds = (performance.now() - started) / 1000;
report('outbox: messages delivered', sink.received.length);
report('outbox: drain 1,000 messages to local SMTP', seconds, 's');
report('outbox: throughput', sink.received.length / seconds, 'messages/s');
await services.dispose();
await sink.close();
temp.cleanup();

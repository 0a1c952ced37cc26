// Invitations: time to render and compose one pair, and the outbox draining 1,000 messages to a
// local SMTP server next to the ceiling of the same server.
import { composeInterviewMessage } from '../../main/mail/compose-message';
import { composeRaw } from '../../main/mail/mail-transport';
import { createEmailRenderer } from '../../main/mail/render-email';
import { makeInterview, seedStore } from '../../tests/support/interview-fixtures';
import { startSmtpSink } from '../../tests/support/smtp-sink';
import { servicesFor } from '../../tests/support/test-services';
import { makeTempDir } from '../../tests/support/temp-dir';
import { loadEnvConfig } from '../../main/config/env-config';
import nodemailer from 'nodemailer';
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

// The outbox: 1,000 messages (500 interviews × candidate and recruiter) from the database to a local
// SMTP server, against the ceiling measured in the same run: nodemailer alone sending the same
// rendered messages over one pooled connection to the same server.
const sink = await startSmtpSink();
const temp = makeTempDir('idesk-bench-mail-');
const interviews = Array.from({ length: 500 }, (_, i) => makeInterview({ startUtc: new Date(Date.now() + (i + 1) * 3600_000).toISOString(), meetLink: 'https://meet.google.com/abc-defg-hij', candidate: { name: `C ${i}`, email: `c${i}@example.com` } }));
seedStore(temp.dir, { interviews, settings: { recruiterName: 'Rita', recruiterEmail: 'rita@example.com' } });
const from = { name: 'Rita', address: 'rita@example.com' };
const renderStarted = performance.now();
const rendered = interviews.flatMap((interview) =>
  (['candidate', 'recruiter'] as const).map((recipient) => composeInterviewMessage({ interview, kind: 'invitation', recipient, settings, render, key: `${interview.id}-${recipient}`, from, now: Date.now() })),
);
report(`render ${rendered.length.toLocaleString('en')} messages (what the ceiling run skips)`, (performance.now() - renderStarted) / 1000, 's');
const pooled = nodemailer.createTransport(`${sink.url}?pool=true`);
const ceilingStarted = performance.now();
for (const message of rendered) await pooled.sendMail(message);
const ceilingSeconds = (performance.now() - ceilingStarted) / 1000;
pooled.close();
const ceiling = rendered.length / ceilingSeconds;
report('ceiling: nodemailer alone, pooled, pre-rendered', ceiling, 'messages/s');
sink.received.length = 0;

const services = servicesFor(temp.dir, { config: loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) });
for (const i of interviews) services.outbox.enqueue(i.id, 'invitation');
const started = performance.now();
await services.outbox.drain();
const seconds = (performance.now() - started) / 1000;
report('outbox: messages delivered', sink.received.length);
report(`outbox: drain ${rendered.length.toLocaleString('en')} messages to local SMTP`, seconds, 's');
report('outbox: throughput (render + send + record, from SQLite)', sink.received.length / seconds, 'messages/s');
report('outbox throughput / ceiling', (100 * sink.received.length) / seconds / ceiling, '%');
await services.dispose();
services.stores.database.close();
await sink.close();
temp.cleanup();

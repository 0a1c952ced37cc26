// Invitations: time to render and compose one pair, and the outbox draining 1,000 messages to a
// local SMTP server next to the ceiling of the same server.
import { composeInterviewMessage } from '../../main/mail/compose-message';
import { composeRaw } from '../../main/mail/mail-transport';
import { createEmailRenderer } from '../../main/mail/render-email';
import { makeInterview, seedStore } from '../../tests/support/interview-fixtures';
import { servicesFor } from '../../tests/support/test-services';
import { makeTempDir } from '../../tests/support/temp-dir';
import { loadEnvConfig } from '../../main/config/env-config';
import nodemailer from 'nodemailer';
import { report, reportDurations, timeMany } from './lib/bench-utils';
import { startSinkProcess } from './lib/smtp-sink-process';

const render = createEmailRenderer('templates');
const interview = makeInterview({
  startUtc: '2030-01-15T09:00:00.000Z',
  meetLink: 'https://meet.google.com/abc-defg-hij',
  candidate: { name: 'Ada', email: 'ada@example.com', timeZone: 'Asia/Kolkata' },
});
const settings = { companyName: 'Acme', brandColor: '#1a73e8', signOff: 'Thanks' };
reportDurations(
  'render + compose one invitation pair (HTML, text, .ics, MIME)',
  await timeMany(200, async () => {
    for (const recipient of ['candidate', 'recruiter'] as const) {
      await composeRaw(
        composeInterviewMessage({
          interview,
          kind: 'invitation',
          recipient,
          settings,
          render,
          key: 'k',
          from: { name: 'R', address: 'r@example.com' },
          now: 0,
        }),
      );
    }
  }),
);

// The outbox: 1,000 messages (500 interviews × candidate and recruiter) from the database to a local
// SMTP server, against the ceiling measured in the same run: nodemailer alone sending the same
// rendered messages over one pooled connection to the same server. The server runs in its own
// process, as a mail server does (in this one it would share the client's thread and its time).
const sink = await startSinkProcess();
const interviews = Array.from({ length: 500 }, (_, i) =>
  makeInterview({
    startUtc: new Date(Date.now() + (i + 1) * 3600_000).toISOString(),
    meetLink: 'https://meet.google.com/abc-defg-hij',
    candidate: { name: `C ${i}`, email: `c${i}@example.com` },
  }),
);
const from = { name: 'Rita', address: 'rita@example.com' };
const renderStarted = performance.now();
const rendered = interviews.flatMap((interview) =>
  (['candidate', 'recruiter'] as const).map((recipient) =>
    composeInterviewMessage({
      interview,
      kind: 'invitation',
      recipient,
      settings,
      render,
      key: `${interview.id}-${recipient}`,
      from,
      now: Date.now(),
    }),
  ),
);
report(
  `render ${rendered.length.toLocaleString('en')} messages (what the ceiling run skips)`,
  (performance.now() - renderStarted) / 1000,
  's',
);

/** nodemailer alone: the pre-rendered messages, one after another, over one pooled connection (as the outbox's). */
async function ceilingRound(): Promise<number> {
  const pooled = nodemailer.createTransport(`${sink.url}?pool=true&maxConnections=1&maxMessages=Infinity`);
  const started = performance.now();
  for (const message of rendered) await pooled.sendMail(message);
  const seconds = (performance.now() - started) / 1000;
  pooled.close();
  await sink.reset();
  return rendered.length / seconds;
}

/** The app's outbox: the same 1,000 messages queued in a fresh database, rendered and recorded as it sends them. */
async function outboxRound(): Promise<number> {
  const temp = makeTempDir('idesk-bench-mail-');
  seedStore(temp.dir, { interviews, settings: { recruiterName: 'Rita', recruiterEmail: 'rita@example.com' } });
  const services = servicesFor(temp.dir, { config: loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) });
  for (const i of interviews) services.outbox.enqueue(i.id, 'invitation');
  const started = performance.now();
  await services.outbox.drain();
  const seconds = (performance.now() - started) / 1000;
  const delivered = await sink.count();
  if (delivered !== rendered.length)
    throw new Error(`the outbox delivered ${delivered} of ${rendered.length} messages`);
  await sink.reset();
  await services.dispose();
  services.stores.database.close();
  temp.cleanup();
  return delivered / seconds;
}

// Alternating rounds, so a busy moment of the machine does not land on one side only; the median
// round is the figure.
const rounds = 5;
const ratios: number[] = [];
for (let round = 1; round <= rounds; round++) {
  const ceiling = await ceilingRound();
  const outbox = await outboxRound();
  ratios.push((100 * outbox) / ceiling);
  report(
    `round ${round}: ceiling / outbox (messages/s) / ratio`,
    `${ceiling.toFixed(0)} / ${outbox.toFixed(0)} / ${((100 * outbox) / ceiling).toFixed(1)} %`,
  );
}
const sorted = [...ratios].sort((a, b) => a - b);
report(`outbox throughput / ceiling, median of ${rounds} rounds`, sorted[Math.floor(rounds / 2)]!, '%');
report('outbox throughput / ceiling, worst round', sorted[0]!, '%');
await sink.close();

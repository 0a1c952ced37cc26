import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { smtpTransport } from '../../../main/mail/mail-transport';

/** The app's SMTP transport against the real loopback server: one connection, in order, and when a message has left. */
describe('SMTP transport', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => sink.close());

  const message = (n: number) => ({
    messageId: `<m${n}@interview-desk.app>`,
    from: 'rita@example.com',
    to: 'ada@example.com',
    subject: `Message ${n}`,
    text: `Body ${n}`,
  });

  it('says a message has left before the server answers it, once', async () => {
    sink.received.length = 0;
    sink.faults.push({ kind: 'slow', ms: 400 });
    const transport = smtpTransport(sink.url);
    const moments: string[] = [];
    const started = Date.now();
    let writtenAt = 0;
    const sent = transport.send(message(1), () => {
      writtenAt = Date.now() - started;
      moments.push('written');
    });
    await sent;
    moments.push('answered');
    const answeredAt = Date.now() - started;
    transport.close();
    expect(moments).toEqual(['written', 'answered']);
    // The server held its answer for 400 ms: the message had left well before.
    expect(answeredAt - writtenAt).toBeGreaterThanOrEqual(300);
    expect(sink.received.map((m) => m.parsed.subject)).toEqual(['Message 1']);
  });

  it('sends messages handed over together one after another, in the order given, on one connection', async () => {
    sink.received.length = 0;
    sink.faults.push({ kind: 'slow', ms: 150 });
    const transport = smtpTransport(sink.url);
    const written: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => transport.send(message(n), () => written.push(n))));
    transport.close();
    expect(sink.received.map((m) => m.parsed.subject)).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4']);
    expect(written).toEqual([1, 2, 3, 4]);
  });

  it('a refused message is reported as the server worded it, and its hook does not linger for the next', async () => {
    sink.received.length = 0;
    sink.faults.push({ kind: 'permanent', message: 'Mailbox unavailable' });
    const transport = smtpTransport(sink.url);
    let refusedWritten = 0;
    await expect(transport.send(message(5), () => refusedWritten++)).rejects.toMatchObject({
      temporary: false,
      message: expect.stringContaining('Mailbox unavailable'),
    });
    let nextWritten = 0;
    await transport.send(message(6), () => nextWritten++);
    transport.close();
    expect(refusedWritten).toBeLessThanOrEqual(1);
    expect(nextWritten).toBe(1);
    expect(sink.received.map((m) => m.parsed.subject)).toEqual(['Message 6']);
  });
});

import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';

/** The test SMTP server is a real server: nodemailer delivers to it over TCP and mailparser reads it back. */
describe('loopback SMTP server', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink({ user: 'mailer', pass: 'pw' });
  });
  afterAll(async () => sink.close());

  const transport = () =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      ignoreTLS: true,
      auth: { user: 'mailer', pass: 'pw' },
    });

  it('receives and parses a message', async () => {
    await transport().sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'Hello', text: 'Body' });
    const mail = sink.received.at(-1)!;
    expect(mail.envelope).toEqual({ from: 'a@example.com', to: ['b@example.com'] });
    expect(mail.parsed.subject).toBe('Hello');
    expect(mail.parsed.text?.trim()).toBe('Body');
  });

  it('refuses temporarily and permanently with SMTP codes', async () => {
    sink.faults.push({ kind: 'temporary' }, { kind: 'permanent' });
    await expect(transport().sendMail({ from: 'a@example.com', to: 'b@example.com', text: 'x' })).rejects.toMatchObject(
      { responseCode: 451 },
    );
    await expect(transport().sendMail({ from: 'a@example.com', to: 'b@example.com', text: 'x' })).rejects.toMatchObject(
      { responseCode: 550 },
    );
  });

  it('can drop the connection mid-message', async () => {
    const before = sink.received.length;
    sink.faults.push({ kind: 'drop' });
    await expect(transport().sendMail({ from: 'a@example.com', to: 'b@example.com', text: 'x' })).rejects.toBeDefined();
    expect(sink.received.length).toBe(before);
  });

  it('rejects wrong credentials', async () => {
    const bad = nodemailer.createTransport({
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      ignoreTLS: true,
      auth: { user: 'mailer', pass: 'nope' },
    });
    await expect(bad.sendMail({ from: 'a@example.com', to: 'b@example.com', text: 'x' })).rejects.toMatchObject({
      responseCode: 535,
    });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { loadEnvConfig } from '../../../main/config/env-config';
import type { DeskServices } from '../../../main/app/compose-services';
import { servicesFor } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';
import { seedStore } from '../../support/interview-fixtures';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { eventually } from '../../support/google-harness';
import { icsAttachment } from '../../support/mail-harness';
import { parseWithIcalJs, parseWithPython } from '../../support/ics-check';
import { parseStrict } from '../../support/ics-strict';

/** Text that lenient calendar clients or header parsers could read as structure. */
const controlText = [
  'Rita\rATTENDEE:mailto:attacker@evil.test',
  'Rita\nBcc: x@evil.test',
  'Rita\u0085NEL',
  'Rita\u009bC1',
  'Rita\u0000',
  'Rita\u202eevil',
  'Rita\u2066iso',
  'Rita\u2028LS',
  'Rita\u001b[31m',
];

describe("Settings follow the interview fields' rules", () => {
  let sink: SmtpSink;
  const cleanups: Array<() => Promise<void> | void> = [];
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => sink.close());
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  function start(settings?: Record<string, unknown>) {
    const temp = makeTempDir();
    if (settings) seedStore(temp.dir, { settings });
    const services: DeskServices = servicesFor(temp.dir, {
      config: loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir),
      tuning: { mail: { backoffMs: [30, 60, 90], maxAttempts: 4 } },
    });
    cleanups.push(async () => {
      await services.dispose();
      temp.cleanup();
    });
    const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
    return { services, call, dir: temp.dir };
  }

  it('refuses control, line-break and direction characters in every text setting, naming the field as the screen does', async () => {
    const { call } = start();
    const fields: Array<[Record<string, unknown>, string, RegExp]> = [];
    for (const text of controlText) {
      fields.push([{ recruiterName: text }, 'recruiterName', /Your name contains/]);
      fields.push([{ companyName: text }, 'companyName', /Company name contains/]);
      fields.push([{ signOff: text }, 'signOff', /Sign-off contains/]);
      fields.push([
        { smtp: { host: 'smtp.example.com', port: 587, security: 'starttls', user: text, fromAddress: '' } },
        'smtp.user',
        /User name contains/,
      ]);
    }
    for (const [patch, field, words] of fields) {
      const result = await call('settings:update', patch);
      expect(result, JSON.stringify(patch)).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
      if (!result.ok) expect(result.error.message).toMatch(words);
    }
    const addresses: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ recruiterEmail: 'a@b.test?cc=x.com' }, 'recruiterEmail', /Your email must be one plain address/],
      [{ recruiterEmail: 'Rita <rita@example.com>' }, 'recruiterEmail', /Your email/],
      [{ recruiterEmail: 'rita@example.com, x@evil.test' }, 'recruiterEmail', /Your email/],
      [
        {
          smtp: { host: 'smtp.example.com', port: 587, security: 'starttls', user: '', fromAddress: 'not an address' },
        },
        'smtp.fromAddress',
        /Send from \(address\) must be one plain address/,
      ],
      [
        {
          smtp: {
            host: 'smtp.example.com',
            port: 587,
            security: 'starttls',
            user: '',
            fromAddress: 'a@b.test\r\nBcc: x@evil.test',
          },
        },
        'smtp.fromAddress',
        /Send from/,
      ],
      [
        { smtp: { host: 'smtp.example.com\r\nX: y', port: 587, security: 'starttls', user: '', fromAddress: '' } },
        'smtp.host',
        /SMTP server must be a host name/,
      ],
      [
        { smtp: { host: 'smtp..example.com', port: 587, security: 'starttls', user: '', fromAddress: '' } },
        'smtp.host',
        /SMTP server/,
      ],
      [
        { smtp: { host: '-bad.example.com', port: 587, security: 'starttls', user: '', fromAddress: '' } },
        'smtp.host',
        /SMTP server/,
      ],
      [
        { smtp: { host: 'smtp.example.com', port: 0, security: 'starttls', user: '', fromAddress: '' } },
        'smtp.port',
        /Port must be a number from 1 to 65535/,
      ],
      [
        { smtp: { host: 'smtp.example.com', port: 70000, security: 'starttls', user: '', fromAddress: '' } },
        'smtp.port',
        /Port must be a number from 1 to 65535/,
      ],
      [{ netcheckUrl: 'http://example.com/ping' }, 'netcheckUrl', /Network check address must be an https/],
      [{ netcheckUrl: 'file:///etc/passwd' }, 'netcheckUrl', /https/],
      [{ netcheckUrl: 'https://user:pw@example.com/' }, 'netcheckUrl', /https/],
    ];
    for (const [patch, field, words] of addresses) {
      const result = await call('settings:update', patch);
      expect(result, JSON.stringify(patch)).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
      if (!result.ok) expect(result.error.message).toMatch(words);
    }
    // What is fine still saves (and addresses come back with a lower-case domain).
    const saved = await call('settings:update', {
      recruiterName: 'Rita "The Boss"; O\'Brien, \\ ^ Recruiter',
      recruiterEmail: 'rita@Example.COM',
      companyName: 'Acme; Corp, Inc.',
      signOff: 'Thanks, and good luck; really.',
      smtp: { host: '127.0.0.1', port: 2525, security: 'none', user: 'mailer', fromAddress: 'desk@example.com' },
      netcheckUrl: 'https://example.com/ping',
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { recruiterEmail: 'rita@example.com', smtp: { fromAddress: 'desk@example.com' } },
    });
    expect(await call('settings:update', { netcheckUrl: 'http://127.0.0.1:9/ping' })).toMatchObject({ ok: true });
  });

  it("the recruiter's own tricky but valid name reaches the invite as text: three parsers see exactly the one attendee", async () => {
    const { call } = start();
    const name = 'Rita "The Boss"; O\'Brien, \\ ^ ATTENDEE:mailto:attacker@evil.test';
    expect(
      await call('settings:update', {
        recruiterName: name,
        recruiterEmail: 'rita@example.com',
        companyName: 'Acme; Corp, "Inc"',
        signOff: 'Bye; now, \\',
      }),
    ).toMatchObject({ ok: true });
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const scheduled = await call('interviews:schedule', {
      candidateName: 'Ada, "Countess"; Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Engineer; Senior, \\Backend\\',
      date: day,
      time: '10:00',
      timeZone: 'UTC',
      durationMinutes: 30,
      notes: 'Line one\nATTENDEE:mailto:attacker@evil.test',
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    expect(scheduled).toMatchObject({ ok: true });
    await eventually(() => expect(sink.received.length).toBeGreaterThanOrEqual(2), 8_000);
    for (const mail of sink.received) {
      const ics = icsAttachment(mail);
      for (const invite of [parseWithIcalJs(ics), parseWithPython(ics)]) {
        expect(invite.vevents).toBe(1);
        expect(invite.attendees.map((a) => a.email)).toEqual(['mailto:ada@example.com']);
        expect(invite.organizer).toBe('mailto:rita@example.com');
      }
      expect(parseStrict(ics)).toMatchObject({
        vevents: 1,
        attendees: ['mailto:ada@example.com'],
        organizer: 'mailto:rita@example.com',
      });
    }
    sink.received.length = 0;
  });

  it('a bad saved mail channel stops mail instead of quietly becoming the default channel', async () => {
    for (const stored of [
      { mailTransport: 'Gmail' },
      { googleSendsInvites: 'yes' },
      { candidateDownloadUrl: 'http://insecure.example.com/app' },
      { candidateReminderEmail: 'sometimes' },
    ]) {
      const { services, call } = start({ recruiterName: 'Rita', recruiterEmail: 'rita@example.com', ...stored });
      expect(services.settings.mailProblem(), JSON.stringify(stored)).toMatch(
        /no email is sent until it is fixed in Settings/,
      );
      expect(await call('mail:sendTest'), JSON.stringify(stored)).toMatchObject({ ok: false });
    }
    expect(sink.received).toHaveLength(0);
  });

  it('bad values saved earlier do not stop start-up and are not lost: kept in the file, listed in Settings, never used in mail', async () => {
    const stored = {
      recruiterName: 'Rita\rATTENDEE:mailto:attacker@evil.test',
      recruiterEmail: 'a@b.test?cc=x.com',
      companyName: 'Acme Corp',
      smtp: { host: 'smtp.example.com', port: 587, security: 'starttls', user: '', fromAddress: 'not an address' },
    };
    const { services, call, dir } = start(stored);
    // Usable values in use, defaults where the saved value breaks its rule.
    expect(await call('settings:get')).toMatchObject({
      ok: true,
      value: { recruiterName: '', recruiterEmail: '', companyName: 'Acme Corp' },
    });
    const problems = await call('settings:problems');
    expect(problems).toMatchObject({ ok: true });
    const list = (problems as { value: Array<{ field: string; message: string }> }).value;
    expect(list.map((p) => p.field).sort()).toEqual(['recruiterEmail', 'recruiterName', 'smtp.fromAddress']);
    expect(list.map((p) => p.message).join(' | ')).toMatch(
      /Your name contains.*Your email must be one plain address.*Send from \(address\)/,
    );
    expect(services.notices.list().map((n) => n.id)).toContain('settings-invalid');
    // No mail with them: the test email is refused with the reason.
    const test = await call('mail:sendTest');
    expect(test).toMatchObject({ ok: false });
    // Saving another field keeps the bad values in the file for the person to fix.
    expect(await call('settings:update', { companyName: 'Acme Ltd' })).toMatchObject({ ok: true });
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'interview-desk.json'), 'utf8')) as {
      settings: Record<string, unknown>;
    };
    expect(file.settings).toMatchObject({
      recruiterName: stored.recruiterName,
      recruiterEmail: stored.recruiterEmail,
      companyName: 'Acme Ltd',
    });
    // A one-field patch changes that field only (the SMTP server saved before is still there).
    expect(await call('settings:get')).toMatchObject({ ok: true, value: { companyName: 'Acme Ltd' } });
    expect(file.settings.smtp).toMatchObject({ host: 'smtp.example.com' });
    // Fixing them in Settings clears the list, and mail may go out again.
    expect(
      await call('settings:update', {
        recruiterName: 'Rita',
        recruiterEmail: 'rita@example.com',
        smtp: { ...stored.smtp, fromAddress: 'rita@example.com' },
      }),
    ).toMatchObject({ ok: true });
    expect(await call('settings:problems')).toEqual({ ok: true, value: [] });
    expect(services.settings.mailProblem()).toBeUndefined();
    expect(await call('mail:sendTest')).toMatchObject({ ok: true });
    sink.received.length = 0;
  });
});

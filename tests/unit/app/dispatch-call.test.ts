import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import { dispatchCall, type CallHandlers } from '../../../main/app/dispatch-call';
import { DeskFailure } from '../../../main/shared/desk-failure';
import { createMemoryLogger } from '../../../main/logging/logger';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
const real = servicesFor(temp.dir).handlers;

function handlers(overrides: Partial<CallHandlers> = {}): CallHandlers {
  return { ...real, ...overrides } as CallHandlers;
}

describe('dispatchCall', () => {
  const log = createMemoryLogger();

  it('answers unknown calls with invalid_input instead of throwing', async () => {
    const result = await dispatchCall(handlers(), 'fs:readFile', '/etc/passwd', log);
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Unknown call "fs:readFile".' } });
  });

  it('does not treat prototype keys as calls', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const result = await dispatchCall(handlers(), name, undefined, log);
      expect(result.ok).toBe(false);
    }
  });

  it('validates input at runtime and names the field at fault', async () => {
    const result = await dispatchCall(handlers(), 'settings:update', { joinOpensMinutesBefore: -5 }, log);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.field).toBe('joinOpensMinutesBefore');
      // Named as the Settings label names it, saying what to type; never the key or zod's own words.
      expect(result.error.message).toBe('Joining opens must be a whole number of minutes from 0 to 120');
    }
  });

  it('returns every refused field at once, each in the words of its label', async () => {
    const result = await dispatchCall(
      handlers(),
      'interviews:schedule',
      {
        candidateName: '',
        candidateEmail: '',
        jobTitle: '',
        date: '',
        time: '',
        timeZone: '',
        durationMinutes: Number.NaN,
      },
      log,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields?.map((f) => f.field)).toEqual([
      'candidateName',
      'candidateEmail',
      'jobTitle',
      'date',
      'time',
      'timeZone',
      'durationMinutes',
    ]);
    // The first stays in `field`/`message` for callers that show one.
    expect(result.error).toMatchObject({ field: 'candidateName', message: 'Candidate name is required' });
    const words = Object.fromEntries(result.error.fields!.map((f) => [f.field, f.message]));
    expect(words).toMatchObject({
      date: 'Date is missing or incomplete: pick a day in the date picker',
      time: 'Start time is missing or incomplete: pick a time, like 10:00',
      timeZone: 'Time zone is required: pick one from the list, like Europe/Berlin',
      durationMinutes: 'Duration is missing: type a number of minutes, like 45',
    });
  });

  it("never shows a field key, a format code or zod's default words for any settings field", async () => {
    const bad = {
      recruiterName: 'x'.repeat(200),
      recruiterEmail: 'nope',
      joinDefault: 'tab',
      joinOpensMinutesBefore: -1,
      joinClosesMinutesAfter: Number.NaN,
      reminderOffsetsMinutes: [Number.NaN],
      companyName: 'y'.repeat(200),
      candidateDownloadUrl: 'http://x',
      brandColor: 'blue',
      signOff: 'z'.repeat(600),
      mailTransport: 'pigeon',
      smtp: { host: '', port: 0, security: 'maybe', user: '', fromAddress: '' },
      netcheckUrl: 'nope',
      stunServer: 'nope',
    };
    const result = await dispatchCall(handlers(), 'settings:update', bad, log);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.error.fields ?? [];
    expect(fields.map((f) => f.field).sort()).toEqual(
      [
        'brandColor',
        'candidateDownloadUrl',
        'companyName',
        'joinClosesMinutesAfter',
        'joinDefault',
        'joinOpensMinutesBefore',
        'mailTransport',
        'netcheckUrl',
        'recruiterEmail',
        'recruiterName',
        'reminderOffsetsMinutes.0',
        'signOff',
        'smtp.port',
        'smtp.security',
        'stunServer',
      ].sort(),
    );
    for (const { field, message } of fields) {
      expect(message, field).not.toMatch(
        /Too small|Too big|expected|Invalid (input|option|URL)|received|>=|<=|YYYY|HH:MM/,
      );
      expect(message, field).not.toContain(field.split('.')[0]!);
    }
  });

  it('refuses unknown keys in a settings patch', async () => {
    const result = await dispatchCall(handlers(), 'settings:update', { refreshToken: 'x' }, log);
    expect(result.ok).toBe(false);
  });

  it('refuses input on calls that take none', async () => {
    const result = await dispatchCall(handlers(), 'settings:get', { sneaky: true }, log);
    expect(result.ok).toBe(false);
  });

  it('passes typed failures through and hides unexpected errors behind a plain sentence', async () => {
    const typed = await dispatchCall(
      handlers({
        'settings:get': () => {
          throw new DeskFailure('not_found', 'Nope.', 'id');
        },
      }),
      'settings:get',
      undefined,
      log,
    );
    expect(typed).toEqual({ ok: false, error: { code: 'not_found', message: 'Nope.', field: 'id' } });
    const crash = await dispatchCall(
      handlers({
        'settings:get': () => {
          throw new TypeError('x is undefined at /home/me/secret/path.ts:12');
        },
      }),
      'settings:get',
      undefined,
      log,
    );
    expect(crash.ok).toBe(false);
    if (!crash.ok) {
      expect(crash.error.code).toBe('internal');
      expect(crash.error.message).not.toMatch(/TypeError|path\.ts|at /);
    }
    expect(log.lines.some((l) => l.includes('call settings:get failed'))).toBe(true);
  });

  it('returns the value on success', async () => {
    const result = await dispatchCall(handlers(), 'account:status', undefined, log);
    expect(result).toEqual({ ok: true, value: { state: 'disconnected', signIn: 'unavailable' } });
  });
});

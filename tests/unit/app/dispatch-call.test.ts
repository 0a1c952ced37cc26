import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import { dispatchCall, type CallHandlers } from '../../../main/app/dispatch-call';
import { DeskFailure } from '../../../main/app/desk-failure';
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
      expect(result.error.message).toContain('joinOpensMinutesBefore');
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
      handlers({ 'settings:get': () => { throw new DeskFailure('not_found', 'Nope.', 'id'); } }),
      'settings:get', undefined, log,
    );
    expect(typed).toEqual({ ok: false, error: { code: 'not_found', message: 'Nope.', field: 'id' } });
    const crash = await dispatchCall(
      handlers({ 'settings:get': () => { throw new TypeError('x is undefined at /home/me/secret/path.ts:12'); } }),
      'settings:get', undefined, log,
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
    expect(result).toEqual({ ok: true, value: { state: 'disconnected' } });
  });
});

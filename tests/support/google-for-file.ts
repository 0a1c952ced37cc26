import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../google-emulator/google-emulator';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

/**
 * A stand-in for an object a hook makes later: every property read reaches the object as it is then
 * (methods bound to it), so a test file can name it once, at the top, before it exists.
 */
function standIn<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      if (!target) throw new Error(`${what} is used before the test file's beforeAll started it`);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The emulator (and the sink) a Google test file works against. */
export interface GoogleForFile {
  g: GoogleEmulator;
}

/**
 * The Google emulator for one test file, and with `smtp` a real SMTP sink: started before its first
 * test, closed after its last. Each test starts with the sink empty (no messages, no faults); the
 * emulator's state is the file's to reset. Call it in the `describe` body:
 * `const { g, sink } = googleForFile({ smtp: true });`.
 */
export function googleForFile(): GoogleForFile;
export function googleForFile(options: { smtp: true }): GoogleForFile & { sink: SmtpSink };
export function googleForFile(options: { smtp?: boolean } = {}): GoogleForFile & { sink?: SmtpSink } {
  let g: GoogleEmulator | undefined;
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    g = await startGoogleEmulator();
    if (options.smtp) sink = await startSmtpSink();
  });
  beforeEach(() => {
    if (!sink) return;
    sink.received.length = 0;
    sink.faults.length = 0;
  });
  afterAll(async () => {
    await g?.close();
    await sink?.close();
  });
  return {
    g: standIn(() => g, 'The Google emulator'),
    ...(options.smtp ? { sink: standIn(() => sink, 'The SMTP sink') } : {}),
  };
}

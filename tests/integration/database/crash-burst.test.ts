import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServices } from '../../../main/app/start-services';
import { loadEnvConfig } from '../../../main/config/env-config';
import { DataDirBusyError } from '../../../main/platform/data-dir-lock';
import { confBackend } from '../../../main/settings-file/conf-backend';
import { servicesFor } from '../../support/test-services';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { makeTempDir } from '../../support/temp-dir';
import { eventually, googleServices } from '../../support/google-harness';
import { memorySecretStore } from '../../support/test-services';
import { startGoogleEmulator, type GoogleEmulator } from '../../google-emulator/google-emulator';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';

const child = path.resolve('tests/support/schedule-burst-child.ts');

/** Starts the child app and resolves its stdout lines as they come. */
function startChild(dataDir: string, rounds: number) {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, String(rounds)], {
    // No Secret Service on this bus: the Calendar jobs wait in the queue instead of reaching Google.
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  readline.createInterface({ input: proc.stdout! }).on('line', (line) => {
    lines.push(line);
    waiters.splice(0).forEach((w) => w());
  });
  let stderr = '';
  proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const until = (check: () => boolean, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`child did not get there: ${lines.slice(-3).join(' | ')} ${stderr.slice(-800)}`)),
        timeoutMs,
      );
      const test = () => {
        if (check()) {
          clearTimeout(timer);
          resolve();
        } else if (proc.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`child exited ${proc.exitCode}: ${stderr.slice(-800)}`));
        } else waiters.push(test);
      };
      test();
    });
  return { proc, lines, until };
}

const killed = (proc: ChildProcess) =>
  new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });

describe('kill -9 during a burst of scheduling', () => {
  const temps: Array<ReturnType<typeof makeTempDir>> = [];
  let sink: SmtpSink | undefined;
  let g: GoogleEmulator | undefined;
  afterEach(async () => {
    await sink?.close();
    await g?.close();
    temps.splice(0).forEach((t) => t.cleanup());
  });

  for (const [round, killAfter] of [
    [1, 23],
    [2, 57],
  ] as const) {
    it(`round ${round}: killed after ${killAfter} acknowledged interviews, everything acknowledged is there, queues resume in order, nothing is sent twice`, async () => {
      const temp = makeTempDir('idesk-crash-');
      temps.push(temp);
      const app = startChild(temp.dir, 400);
      await app.until(() => app.lines.includes('ready'));
      // While it runs, a second instance on the same data dir is refused (and changes nothing).
      await expect(
        startServices({
          env: { INTERVIEW_DESK_DATA_DIR: temp.dir },
          mode: 'web',
          info: { name: 'Interview Desk', version: 't', mode: 'web', platform: process.platform },
          defaultDataDir: temp.dir,
          storeBackend: confBackend,
          openExternal: async () => {},
        }),
      ).rejects.toBeInstanceOf(DataDirBusyError);
      await app.until(() => app.lines.filter((l) => l.startsWith('ack ')).length >= killAfter);
      await killed(app.proc);
      const acked = app.lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4));
      expect(acked.length).toBeGreaterThanOrEqual(killAfter);
      expect(app.lines).not.toContain('done');

      sink = await startSmtpSink();
      g = await startGoogleEmulator();
      g.calendar.allowMeet = true;
      const services = googleServices(g, temp.dir, {
        keychainService: 'unused',
        secrets: memorySecretStore(),
        overrides: {
          config: loadEnvConfig({ ...g.env, INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir),
          tuning: { mail: { backoffMs: [20] } },
        },
      });
      // The database opened cleanly: no damage notice, and SQLite's own check passes.
      expect(services.stores.notices).toEqual([]);
      expect(services.stores.database.prepare('PRAGMA quick_check').get()).toEqual({ quick_check: 'ok' });
      const stored = services.interviews.listFull();
      for (const id of acked) expect(services.interviews.get(id).id).toBe(id);
      // At most the one being acknowledged when the kill came is there beyond the acknowledged ones.
      expect(stored.length - acked.length).toBeLessThanOrEqual(1);
      const inOrder = [...stored].sort((a, b) => a.startUtc.localeCompare(b.startUtc)).map((i) => i.id);
      expect(inOrder.slice(0, acked.length)).toEqual(acked);
      // All or nothing per action: every stored interview has its Calendar job and both invitations queued.
      expect(services.calendar.queue.all().map((q) => [q.interviewId, q.op])).toEqual(
        inOrder.map((id) => [id, 'create']),
      );
      expect(services.outbox.items().map((m) => [m.interviewId, m.recipient, m.kind])).toEqual(
        inOrder.flatMap((id) => [
          [id, 'candidate', 'invitation'],
          [id, 'recruiter', 'invitation'],
        ]),
      );

      // Invitations wait for their Google event (one meeting for everyone): with Google back, the
      // Calendar queue resumes in order, and the outbox then sends each message exactly once, in order.
      expect((await dispatchCall(services.handlers, 'account:connect', undefined, createMemoryLogger())).ok).toBe(true);
      await eventually(() => expect(services.calendar.queue.all()).toEqual([]), 30_000);
      await services.outbox.drain();
      await eventually(() => expect(services.outbox.items().every((m) => m.state === 'sent')).toBe(true), 15_000);
      const messageIds = sink.received.map((m) => m.parsed.messageId);
      expect(new Set(messageIds).size).toBe(messageIds.length);
      expect(sink.received.map((m) => m.envelope.to[0])).toEqual(
        inOrder.flatMap((_, n) => [`candidate${n}@example.com`, 'rita@example.com']),
      );
      await services.dispose();

      // Another restart sends nothing again.
      const again = servicesFor(temp.dir, { config: loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) });
      await again.outbox.drain();
      expect(sink.received).toHaveLength(messageIds.length);
      await again.dispose();
    }, 90_000);
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { startGoogleEmulator, type GoogleEmulator } from '../../google-emulator/google-emulator';
import { eventually, googleServices } from '../../support/google-harness';
import { memorySecretStore } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

describe('Gmail sending while Google access has expired (emulator)', () => {
  let g: GoogleEmulator;
  beforeAll(async () => {
    g = await startGoogleEmulator();
  });
  afterAll(async () => g.close());

  it('pauses the outbox without spending attempts, and after reconnecting sends each message exactly once', async () => {
    const temp = makeTempDir();
    const secrets = memorySecretStore();
    const start = () =>
      googleServices(g, temp.dir, {
        keychainService: 'unused',
        secrets,
        overrides: { tuning: { mail: { backoffMs: [20, 40], maxAttempts: 2 } } },
      });
    let services = start();
    const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
    try {
      await call('account:connect');
      expect(await call('mail:useGmail')).toMatchObject({ ok: true });
      const d = new Date(Date.now() + 3 * 86_400_000);
      const scheduled = await call('interviews:schedule', {
        candidateName: 'Ada',
        candidateEmail: 'ada@example.com',
        jobTitle: 'Engineer',
        date: d.toISOString().slice(0, 10),
        time: '10:00',
        timeZone: 'UTC',
        durationMinutes: 30,
        acceptConflicts: true,
      });
      const interview = (scheduled as { value: Interview }).value;
      await eventually(() => expect(g.gmail.sent).toHaveLength(2), 8_000);

      // A week later (a "Testing" project's refresh token has expired): the app starts, and the first
      // send's token refresh answers invalid_grant.
      await services.dispose();
      g.oauth.revokeAll();
      services = start();
      expect((await call('mail:resend', { id: interview.id, recipient: 'candidate' })).ok).toBe(true);
      expect((await call('mail:resend', { id: interview.id, recipient: 'recruiter' })).ok).toBe(true);
      await eventually(() => expect(services.account.status().state).toBe('needs_reconnect'));
      // Now access is known to be gone before any request: a message queued now cannot even get a token.
      services.outbox.enqueue(interview.id, 'reminder', ['candidate']);
      await services.outbox.drain();
      await new Promise((r) => setTimeout(r, 300)); // several backoff periods: nothing may retry meanwhile
      const waiting = services.outbox.items().filter((i) => i.state !== 'sent');
      expect(waiting).toHaveLength(3);
      for (const item of waiting) expect(item).toMatchObject({ state: 'queued', attempts: 0 });
      expect(waiting[0]!.reason).toMatch(/reconnect/i);
      expect(services.interviews.get(interview.id).invitations.candidate).toMatchObject({
        state: 'queued',
        reason: expect.stringMatching(/^Paused: .*reconnect/i),
      });
      expect(g.gmail.sent).toHaveLength(2);

      expect(await call('account:connect')).toMatchObject({ ok: true, value: { state: 'connected' } });
      await eventually(() => expect(services.outbox.items().every((i) => i.state === 'sent')).toBe(true));
      await new Promise((r) => setTimeout(r, 200));
      expect(g.gmail.sent).toHaveLength(5);
      expect(
        services.outbox
          .items()
          .filter((i) => waiting.some((w) => w.key === i.key))
          .map((i) => i.attempts),
      ).toEqual([1, 1, 1]);
      const ids = await Promise.all(g.gmail.sent.map(async (m) => (await simpleParser(m.rfc822)).messageId));
      expect(new Set(ids).size).toBe(5);
      const toCandidate = g.gmail.sent.slice(2).filter((m) => /^To: .*ada@example\.com/im.test(m.rfc822));
      expect(toCandidate).toHaveLength(2);
    } finally {
      await services.dispose();
      temp.cleanup();
    }
  });
});

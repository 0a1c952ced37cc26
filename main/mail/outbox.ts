import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type Mail from 'nodemailer/lib/mailer';
import type { Interview } from '../../preload/contract/interview-schema';
import type { Settings } from '../../preload/contract/settings-schema';
import type { Database } from '../storage/database';
import { DurableQueue, queueRetentionMs, singleFlight, type QueueItem, type QueuePatch } from '../storage/durable-queue';
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import type { InterviewService } from '../interviews/interview-service';
import { DeskFailure } from '../app/desk-failure';
import { composeInterviewMessage } from './compose-message';
import { MailSendError, type MailTransport } from './mail-transport';
import type { MailKind, Recipient } from './mail-kinds';
import type { MessageView } from './message-content';
import type { RenderedEmail } from './render-email';

/** One message in the durable outbox. The body is composed from the interview when it is sent. */
export interface OutboxItem {
  key: string;
  interviewId: string;
  recipient: Recipient;
  kind: MailKind;
  state: 'queued' | 'sent' | 'failed';
  attempts: number;
  notBefore: number;
  createdAt: string;
  sentAt?: string;
  reason?: string;
}

export interface OutboxDeps {
  /** The app database: messages live in its durable queue. */
  db: Database;
  clock: Clock;
  log: Logger;
  interviews: InterviewService;
  settings: () => Settings;
  render: (view: MessageView) => RenderedEmail;
  /** The transport for the current settings; throws DeskFailure when mail is not set up. */
  transport: () => Promise<MailTransport>;
  from: () => { name: string; address: string };
  backoffMs?: number[];
  /** Attempts before a temporary failure becomes permanent. */
  maxAttempts?: number;
}

/** The invitations outbox: recorded before sending, retried with backoff, never lost, never twice. */
export interface Outbox {
  items(): OutboxItem[];
  enqueue(interviewId: string, kind: MailKind, recipients?: Recipient[]): void;
  resend(interviewId: string, recipient: Recipient): void;
  drain(): Promise<void>;
  sendTest(to: { name: string; address: string }): Promise<string>;
  dispose(): void;
}

const payloadSchema = z.object({ recipient: z.enum(['candidate', 'recruiter']), kind: z.enum(['invitation', 'update', 'cancellation', 'reminder'] satisfies MailKind[]) });

const asOutboxItem = (item: QueueItem<z.infer<typeof payloadSchema>>): OutboxItem => ({
  key: item.key,
  interviewId: item.interviewId,
  recipient: item.payload.recipient,
  kind: item.payload.kind,
  state: item.state === 'done' ? 'sent' : item.state,
  attempts: item.attempts,
  notBefore: item.notBefore,
  createdAt: new Date(item.createdAt).toISOString(),
  ...(item.state === 'sent' && item.finishedAt !== undefined ? { sentAt: new Date(item.finishedAt).toISOString() } : {}),
  ...(item.reason ? { reason: item.reason } : {}),
});

const defaultBackoff = [5_000, 30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000];

/** Creates the outbox and hooks it to the interview lifecycle. */
export function createOutbox(deps: OutboxDeps): Outbox {
  const { db, clock, log, interviews } = deps;
  const backoff = deps.backoffMs ?? defaultBackoff;
  const maxAttempts = deps.maxAttempts ?? 8;
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;
  // Messages being handed to the server right now. Kept in memory, not in the database: after a
  // crash every unfinished message is queued again anyway.
  const inFlight = new Set<string>();
  const nowIso = () => new Date(clock.now()).toISOString();
  const queue = new DurableQueue(db, 'mail', payloadSchema, () => clock.now());
  queue.prune(clock.now() - queueRetentionMs);

  const all = (): OutboxItem[] => queue.all().map(asOutboxItem);
  const patch = (key: string, change: QueuePatch) => queue.update(key, change);

  const setRecipientState = (interviewId: string, recipient: Recipient, state: Interview['invitations']['candidate']) => {
    try {
      interviews.update(interviewId, (i) => ({ ...i, invitations: { ...i.invitations, [recipient]: state } }), false);
    } catch {
      // The interview is gone: nothing to show the state on.
    }
  };

  const enqueue = (interviewId: string, kind: MailKind, recipients: Recipient[] = ['candidate', 'recruiter']) =>
    db.transaction(() => {
      for (const recipient of recipients) {
        const waiting = queue.waitingFor(interviewId).filter((i) => i.payload.recipient === recipient && !inFlight.has(i.key));
        const unsentInvitation = waiting.find((i) => i.payload.kind === 'invitation');
        if (kind === 'update' && unsentInvitation) continue; // the queued invitation will carry the new time
        if (kind === 'cancellation' && unsentInvitation) {
          // Never sent an invitation: nothing to cancel for this person.
          queue.remove(waiting.map((i) => i.key));
          setRecipientState(interviewId, recipient, { state: 'none' });
          continue;
        }
        // Supersede: an update or cancellation replaces whatever older message still waits for this person.
        if (kind === 'update' || kind === 'cancellation') queue.remove(waiting.map((i) => i.key));
        queue.add(interviewId, { recipient, kind });
        setRecipientState(interviewId, recipient, { state: 'queued', at: nowIso() });
      }
    });

  const schedule = () => {
    if (timer) clearTimeout(timer);
    if (disposed) return;
    const next = queue.nextNotBefore();
    if (next === undefined) return;
    const wait = Math.max(0, next - clock.now());
    timer = setTimeout(() => void drain(), Math.min(wait, 60 * 60_000));
    timer.unref();
  };

  const sendOne = async (queuedItem: OutboxItem, transport: MailTransport) => {
    // The drain's list is a snapshot: a newer change may have superseded this message meanwhile.
    const found = queue.get(queuedItem.key);
    if (!found || found.state !== 'queued') return;
    const item = asOutboxItem(found);
    let interview: Interview;
    try {
      interview = interviews.get(item.interviewId);
    } catch {
      queue.remove([item.key]);
      return;
    }
    if (item.kind !== 'cancellation' && !interview.meetLink) {
      // Never an invitation without the Meet link: wait for it.
      patch(item.key, { notBefore: clock.now() + backoff[0]! });
      return;
    }
    const message: Mail.Options = composeInterviewMessage({ interview, kind: item.kind, recipient: item.recipient, settings: deps.settings(), render: deps.render, key: item.key, from: deps.from(), now: clock.now() });
    inFlight.add(item.key);
    try {
      await transport.send(message);
      db.transaction(() => {
        patch(item.key, { state: 'sent', attempts: item.attempts + 1, finishedAt: clock.now(), reason: null });
        setRecipientState(item.interviewId, item.recipient, { state: 'sent', at: nowIso() });
      });
      log.info(`sent ${item.kind} for ${item.interviewId} to the ${item.recipient}`);
    } catch (error) {
      const failure = error instanceof MailSendError ? error : new MailSendError((error as Error).message, true);
      if (failure.temporary && item.attempts + 1 < maxAttempts) {
        db.transaction(() => {
          patch(item.key, { state: 'queued', attempts: item.attempts + 1, notBefore: clock.now() + backoff[Math.min(item.attempts, backoff.length - 1)]!, reason: failure.message });
          setRecipientState(item.interviewId, item.recipient, { state: 'queued', reason: `Retrying: ${failure.message}`, at: nowIso() });
        });
        log.warn(`${item.kind} for ${item.interviewId} postponed: ${failure.message}`);
        if (failure.needsReconnect) throw failure;
      } else {
        db.transaction(() => {
          patch(item.key, { state: 'failed', attempts: item.attempts + 1, finishedAt: clock.now(), reason: failure.message });
          setRecipientState(item.interviewId, item.recipient, { state: 'failed', reason: failure.message, at: nowIso() });
        });
        log.error(`${item.kind} for ${item.interviewId} failed: ${failure.message}`);
      }
    } finally {
      inFlight.delete(item.key);
    }
  };

  const drainOnce = async () => {
    if (disposed) return;
    const next = queue.nextNotBefore();
    if (next === undefined || next > clock.now()) return;
    let transport: MailTransport;
    try {
      transport = await deps.transport();
    } catch (error) {
      log.warn(`outbox waiting: ${(error as Error).message}`);
      return;
    }
    const due = queue.due(clock.now()).map(asOutboxItem);
    try {
      for (const item of due) {
        try {
          if (disposed) return;
          await sendOne(item, transport);
        } catch {
          return; // needs reconnect: stop until the account is back
        }
      }
    } finally {
      transport.close();
    }
  };

  const drain = singleFlight(drainOnce, schedule);

  const hasBeenInvited = (interview: Interview, recipient: Recipient) => ['queued', 'sent', 'failed'].includes(interview.invitations[recipient].state);

  const unsubscribe = interviews.onChange((change) => {
    const interview = change.interview;
    if (interview.origin !== 'recruiter') return;
    // Settings can let Google email the guests instead: then the app sends nothing (never both).
    if (deps.settings().googleSendsInvites && interview.google) return;
    const invited = (['candidate', 'recruiter'] as const).filter((r) => hasBeenInvited(interview, r));
    if (change.kind === 'cancelled') {
      if (invited.length) enqueue(interview.id, 'cancellation', invited);
    } else if (change.kind === 'rescheduled') {
      if (invited.length) enqueue(interview.id, 'update', invited);
    } else if (interview.status === 'scheduled' && interview.meetLink && invited.length === 0) {
      // Scheduled (or its Meet link just arrived from Google / was pasted): invite now.
      if (interview.google && interview.google.state !== 'synced') return;
      enqueue(interview.id, 'invitation');
    } else return;
    // Only once the change is committed: a rolled-back action must never send mail.
    db.afterCommit(() => void drain());
  });

  queueMicrotask(() => void drain());

  return {
    items: all,
    enqueue,
    resend(interviewId, recipient) {
      const interview = interviews.get(interviewId);
      const kind: MailKind = interview.status === 'cancelled' ? 'cancellation' : interview.ics.sequence > 0 ? 'update' : 'invitation';
      if (kind !== 'cancellation' && !interview.meetLink) throw new DeskFailure('invalid_input', 'There is no Meet link yet, so there is nothing to send.', 'meetLink');
      db.transaction(() => {
        queue.remove(queue.waitingFor(interviewId).filter((i) => i.payload.recipient === recipient).map((i) => i.key));
        enqueue(interviewId, kind === 'update' && !hasBeenInvited(interview, recipient) ? 'invitation' : kind, [recipient]);
      });
      void drain();
    },
    drain,
    async sendTest(to) {
      const transport = await deps.transport();
      try {
        const result = await transport.send({
          from: deps.from(),
          to: [to],
          subject: `Interview Desk test email (${deps.settings().companyName})`,
          text: 'This is a test email from Interview Desk. If you can read it, invitations will reach people.',
          messageId: `<test-${randomUUID()}@interview-desk.app>`,
        });
        return result.response;
      } catch (error) {
        throw new DeskFailure('unavailable', `The test email was not sent: ${(error as Error).message}`);
      } finally {
        transport.close();
      }
    },
    dispose() {
      disposed = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}

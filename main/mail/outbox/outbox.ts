import { hasEnded } from '../../../preload/shared/rules/interview-timing';
import { randomUUID } from 'node:crypto';
import type { Settings } from '../../../preload/shared/contract/settings-schema';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import type { Database } from '../../database/database';
import { DurableQueue, queueRetentionMs } from '../../database/durable-queue';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../logging/logger';
import { refuseOnCandidateCopy } from '../../interviews/interview-rules';
import { refuseResendWhileUntold } from '../../interviews/calendar-change-notice';
import type { InterviewChange, InterviewCommands } from '../../interviews/interview-commands';
import type { InterviewQueries } from '../../interviews/interview-queries';
import { DeskFailure } from '../../shared/desk-failure';
import { createQueueWorker } from '../../shared/queue-worker';
import type { MailTransport } from '../mail-transport';
import { recipientsOf, type MailKind, type Recipient } from '../mail-kinds';
import type { MessageView, PreviousTime } from '../message-content';
import type { RenderedEmail } from '../render-email';
import { createDeliveryLines } from './delivery-lines';
import { hasBeenInvited, invitedOf, mailForChange } from './mail-for-change';
import { announceable, asOutboxItem, outboxPayloadSchema, type OutboxItem } from './outbox-item';
import { createSendPipeline } from './send-pipeline';
import { supersede } from './supersede-rules';

export interface OutboxDeps {
  /** The app database: messages live in its durable queue. */
  db: Database;
  clock: Clock;
  log: Logger;
  interviews: InterviewQueries;
  commands: Pick<InterviewCommands, 'setDelivery' | 'onChange'>;
  settings: () => Settings;
  render: (view: MessageView) => RenderedEmail;
  /** The transport for the current settings; throws DeskFailure when mail is not set up. */
  transport: () => Promise<MailTransport>;
  from: () => { name: string; address: string };
  backoffMs?: number[];
  /** Attempts before a temporary failure becomes permanent. */
  maxAttempts?: number;
  /** How often a paused outbox (no transport, Google to reconnect) looks again on its own. */
  pauseMs?: number;
  /** The recruiter's locale: emails write their times in it. */
  locale?: string;
  /** Messages up to this queue position came with a restored copy: held for the person to send or drop (restore-review.ts). */
  restoreHeldUpTo?: () => number;
}

/** The invitations outbox: recorded before sending, retried with backoff, never lost, never twice. */
export interface Outbox {
  items(): OutboxItem[];
  enqueue(
    interviewId: string,
    kind: MailKind,
    recipients?: Recipient[],
    previous?: PreviousTime,
    to?: OutboxItem['to'],
  ): void;
  resend(interviewId: string, recipient: Recipient): void;
  /**
   * Takes back this interview's messages still waiting to go out (not the one being handed over):
   * each person's line goes back to what last reached them. Says how many, and what the candidate
   * had last been told when one of them was an update.
   */
  withdraw(interviewId: string): { withdrawn: number; told?: { startUtc: string; durationMinutes: number } };
  drain(): Promise<void>;
  sendTest(to: { name: string; address: string }): Promise<string>;
  /** Stops the outbox; resolves once the message being sent (if any) is recorded. */
  dispose(): Promise<void>;
}

const defaultBackoff = [5_000, 30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000];

/** Creates the outbox and hooks it to the interview lifecycle. */
export function createOutbox(deps: OutboxDeps): Outbox {
  const { db, clock, log, interviews, commands } = deps;
  const queue = new DurableQueue(db, 'mail', outboxPayloadSchema, () => clock.now());
  queue.prune(clock.now() - queueRetentionMs);
  const lines = createDeliveryLines(queue, commands, clock);
  const all = (): OutboxItem[] => queue.all().map(asOutboxItem);

  // Counts every enqueue: a message whose count did not move while it was on its way cannot have
  // been superseded meanwhile (so the common case asks the database nothing more).
  let enqueues = 0;
  const enqueue = (
    interviewId: string,
    kind: MailKind,
    recipients?: Recipient[],
    previous?: PreviousTime,
    to?: OutboxItem['to'],
  ) =>
    db.transaction(() => {
      enqueues++;
      const known = findInterview(interviewId);
      // Not final yet (no Meet link, Google's event not ready): kept out of planning and drains until it is.
      const held = known !== undefined && !announceable(known, kind);
      const everyone: Recipient[] = recipients ?? (known ? recipientsOf(known) : ['candidate', 'recruiter']);
      for (const recipient of everyone) {
        const waiting = queue
          .waitingFor(interviewId)
          .filter((i) => i.payload.recipient === recipient && !inFlight.has(i.key));
        const decision = supersede(
          waiting.map((i) => ({
            key: i.key,
            kind: i.payload.kind,
            ...(i.payload.previous ? { previous: i.payload.previous } : {}),
          })),
          kind,
          previous,
        );
        queue.remove(decision.remove);
        if (decision.action === 'nothing-to-cancel') lines.set(interviewId, recipient, { state: 'none' });
        if (decision.action !== 'add') continue;
        queue.add(
          interviewId,
          { recipient, kind, ...(decision.previous ? { previous: decision.previous } : {}), ...(to ? { to } : {}) },
          { held },
        );
        lines.set(interviewId, recipient, { state: 'queued', kind, at: lines.nowIso() });
      }
    });

  const findInterview = (id: string): Interview | undefined => {
    try {
      return interviews.get(id);
    } catch {
      return undefined;
    }
  };

  /**
   * Holds this interview's waiting messages while its meeting is not final and releases them once it
   * is (a cancellation is never held); returns whether any of them may go out now.
   */
  const holdUntilFinal = (interview: Interview): boolean => {
    // What came with a restored copy stays held whatever happens to its interview: the person decides.
    const restored = deps.restoreHeldUpTo?.() ?? 0;
    const waiting = queue.waitingFor(interview.id).filter((i) => i.seq > restored);
    const ready = waiting.filter((i) => announceable(interview, i.payload.kind));
    queue.hold(
      ready.map((i) => i.key),
      false,
    );
    queue.hold(
      waiting.filter((i) => !ready.includes(i)).map((i) => i.key),
      true,
    );
    return ready.length > 0;
  };

  const pipeline = createSendPipeline({
    db,
    queue,
    clock,
    log,
    lines,
    findInterview,
    settings: deps.settings,
    render: deps.render,
    transport: deps.transport,
    from: deps.from,
    backoffMs: deps.backoffMs ?? defaultBackoff,
    maxAttempts: deps.maxAttempts ?? 8,
    ...(deps.locale ? { locale: deps.locale } : {}),
    enqueues: () => enqueues,
  });
  const inFlight = pipeline.inFlight;

  /** The mail one interview change calls for. */
  const queueMailFor = (change: InterviewChange) => {
    // Settings can let Google email the guests instead: then the app sends nothing (never both).
    if (deps.settings().googleSendsInvites && change.interview.google) return;
    for (const mail of mailForChange(change, invitedOf(change.interview), clock.now()))
      enqueue(change.interview.id, mail.kind, mail.recipients, mail.previous, mail.to);
  };

  const worker = createQueueWorker({
    drainOnce: pipeline.drainOnce,
    // Held messages set no timer: the interview's change (Google ready, a pasted link) wakes the outbox.
    nextDue: () => queue.nextNotBefore([...inFlight]),
    // Paused (no transport, or Google needs reconnecting): look again now and then, not in a loop and
    // not at every change; reconnecting or Resend drains at once.
    pausedRetryMs: deps.pauseMs ?? 60_000,
    now: () => clock.now(),
    subscribe: (wake) =>
      commands.onChange((change) => {
        if (change.interview.origin !== 'recruiter') return;
        queueMailFor(change);
        // Any change may be the one that makes held messages final (Google's event is ready, say); only
        // once the change is committed: a rolled-back action must never send mail. A paused outbox is
        // not woken by every change: it looks again on its own, or when the account is back.
        if (holdUntilFinal(change.interview)) db.afterCommit(wake);
      }),
  });

  queueMicrotask(() => void worker.drain());

  return {
    items: all,
    enqueue,
    resend(interviewId, recipient) {
      const interview = interviews.get(interviewId);
      refuseOnCandidateCopy(interview, 'resend');
      // An ended interview first: a leftover Calendar mark's "use Send update" would be refused for the same reason.
      if (hasEnded(interview, clock.now()))
        throw new DeskFailure('invalid_input', 'This interview has ended, so there is nothing to send.', 'id');
      refuseResendWhileUntold(interview);
      if (!recipientsOf(interview).includes(recipient))
        throw new DeskFailure('invalid_input', 'This person is not on the interview’s panel.', 'recipient');
      const kind: MailKind =
        interview.status === 'cancelled' ? 'cancellation' : interview.ics.sequence > 0 ? 'update' : 'invitation';
      if (kind !== 'cancellation' && !interview.meetLink)
        throw new DeskFailure('invalid_input', 'There is no Meet link yet, so there is nothing to send.', 'meetLink');
      db.transaction(() => {
        const mine = queue.allFor(interviewId).filter((i) => i.payload.recipient === recipient);
        // A resent update repeats the last one's "was".
        const lastPrevious = mine.filter((i) => i.payload.kind === 'update' && i.payload.previous).at(-1)
          ?.payload.previous;
        queue.remove(mine.filter((i) => i.state === 'queued').map((i) => i.key));
        enqueue(
          interviewId,
          kind === 'update' && !hasBeenInvited(interview, recipient) ? 'invitation' : kind,
          [recipient],
          lastPrevious,
        );
      });
      void worker.drain();
    },
    withdraw(interviewId) {
      return db.transaction(() => {
        const mine = queue.waitingFor(interviewId);
        for (const sending of mine.filter((i) => inFlight.has(i.key))) pipeline.withdrawInFlight(sending.key);
        const waiting = mine.filter((i) => !inFlight.has(i.key));
        queue.remove(waiting.map((i) => i.key));
        for (const recipient of new Set(waiting.map((i) => i.payload.recipient)))
          lines.showLastSent(interviewId, recipient, true);
        const told = waiting.find((i) => i.payload.recipient === 'candidate' && i.payload.kind === 'update')?.payload
          .previous;
        return {
          withdrawn: waiting.length,
          ...(told ? { told: { startUtc: told.startUtc, durationMinutes: told.durationMinutes } } : {}),
        };
      });
    },
    drain: worker.drain,
    async sendTest(to) {
      const transport = await deps.transport();
      try {
        const result = await transport.send({
          from: deps.from(),
          to: [to],
          subject: `Interview Desk test email${deps.settings().companyName ? ` (${deps.settings().companyName})` : ''}`,
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
    async dispose() {
      // Messages handed over but not yet sent are withdrawn (they stay queued for the next start); the
      // one being sent is waited for, a few seconds at most, so its outcome is recorded before the
      // database closes and it is not sent again.
      pipeline.stop();
      const drainNow = worker.dispose();
      if (drainNow)
        await Promise.race([drainNow.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    },
  };
}

import type Mail from 'nodemailer/lib/mailer';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import type { Settings } from '../../../preload/shared/contract/settings-schema';
import type { Database } from '../../database/database';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../logging/logger';
import { composeInterviewMessage } from '../compose-message';
import { MailSendError, type MailTransport } from '../mail-transport';
import { updateSaysAnything, type MessageView } from '../message-content';
import type { RenderedEmail } from '../render-email';
import type { DeliveryLines } from './delivery-lines';
import { announceable, asOutboxItem, type OutboxItem, type OutboxQueue } from './outbox-item';

export interface SendPipelineDeps {
  db: Database;
  queue: OutboxQueue;
  clock: Clock;
  log: Logger;
  lines: DeliveryLines;
  /** The interview, or undefined when it is gone. */
  findInterview: (id: string) => Interview | undefined;
  settings: () => Settings;
  render: (view: MessageView) => RenderedEmail;
  /** The transport for the current settings; throws DeskFailure when mail is not set up. */
  transport: () => Promise<MailTransport>;
  from: () => { name: string; address: string };
  backoffMs: number[];
  /** Attempts before a temporary failure becomes permanent. */
  maxAttempts: number;
  locale?: string;
  /** How many messages were queued so far: one whose count did not move on its way was not superseded meanwhile. */
  enqueues: () => number;
}

/** Sends what is due, in order, on one connection, and records what became of each message. */
export interface SendPipeline {
  /** Sends the due messages; `'paused'` when the account or the server must come back first. */
  drainOnce(): Promise<'paused' | void>;
  /** Messages being handed to the server right now (a change queues a new message instead of removing them). */
  readonly inFlight: ReadonlySet<string>;
  /** Withdraws a message being handed over: if the server refuses it, it is not tried again. */
  withdrawInFlight(key: string): void;
  /** Sends no more; messages handed over but not yet with the server are withdrawn (they stay queued). */
  stop(): void;
}

/** What every message of one drain shares, read once before it (settings and the sender are a store read and a parse each). */
interface DrainContext {
  settings: Settings;
  from: { name: string; address: string };
}

/** How many due messages a drain reads at a time. */
const drainBatch = 50;

/** Creates the pipeline over the outbox's queue. */
export function createSendPipeline(deps: SendPipelineDeps): SendPipeline {
  const { db, queue, clock, log, lines } = deps;
  const backoff = deps.backoffMs;
  const maxAttempts = deps.maxAttempts;
  let disposed = false;
  // Messages being handed to the server right now. Kept in memory, not in the database: after a
  // crash every unfinished message is queued again anyway.
  const inFlight = new Set<string>();
  // Messages withdrawn while being handed over (a change made in Google Calendar): if the server
  // refuses them, they are not tried again.
  const withdrawnInFlight = new Set<string>();
  // One controller per message handed over, oldest first: the oldest is with the server, the others
  // wait behind it and can still be withdrawn.
  const handedOver: AbortController[] = [];

  /**
   * A newer update or cancellation queued for this person while this message was on its way: this
   * one's outcome is history (it is not retried, and the person's state is the newer message's).
   */
  const supersededMeanwhile = (item: OutboxItem, enqueuesAtPrepare: number) =>
    deps.enqueues() !== enqueuesAtPrepare &&
    queue
      .waitingFor(item.interviewId)
      .some(
        (i) =>
          i.key !== item.key &&
          i.payload.recipient === item.recipient &&
          (i.payload.kind === 'update' || i.payload.kind === 'cancellation'),
      );

  /** Ends a message as failed, for the person to read the reason and resend. */
  const markFailed = (item: OutboxItem, logged: string, reason: string) => {
    db.transaction(() => {
      queue.update(item.key, { state: 'failed', attempts: item.attempts + 1, finishedAt: clock.now(), reason });
      lines.set(item.interviewId, item.recipient, { state: 'failed', kind: item.kind, reason, at: lines.nowIso() });
    });
    log.error(`${item.kind} for ${item.interviewId} ${logged}`);
  };

  /**
   * Checks one due message against the current data and composes it, or says why it does not go:
   * superseded meanwhile (the drain's list is a snapshot), its interview gone, a reminder with nothing
   * left to say, or a meeting not final yet (held; its change wakes the outbox). A prepared message is
   * in flight from here on: a change that comes now queues a new message instead of removing this one.
   */
  const prepare = (
    queuedItem: OutboxItem,
    context: DrainContext,
  ): { item: OutboxItem; message: Mail.Options; enqueues: number } | undefined => {
    const found = queue.get(queuedItem.key);
    if (!found || found.state !== 'queued' || inFlight.has(found.key)) return undefined;
    const item = asOutboxItem(found);
    const interview = deps.findInterview(item.interviewId);
    if (!interview) {
      queue.remove([item.key]);
      return undefined;
    }
    if (
      item.kind === 'reminder' &&
      (interview.status !== 'scheduled' || Date.parse(interview.startUtc) <= clock.now())
    ) {
      // A reminder held up (no Meet link, retries) until the start, or past a cancellation, has nothing left to say.
      queue.remove([item.key]);
      return undefined;
    }
    if (item.kind !== 'cancellation' && interview.status === 'cancelled') {
      // An invitation or update retried after the interview was cancelled: the cancellation speaks now.
      queue.remove([item.key]);
      return undefined;
    }
    if (item.kind === 'update' && item.previous && !updateSaysAnything(interview, item.previous)) {
      // Changed and changed back before it went out: what the person holds is current again.
      db.transaction(() => {
        queue.remove([item.key]);
        lines.showLastSent(item.interviewId, item.recipient, false);
      });
      return undefined;
    }
    if (!announceable(interview, item.kind)) {
      // Not final after all (changed without a word to the outbox): held until its next change.
      queue.hold([item.key], true);
      return undefined;
    }
    let message: Mail.Options;
    try {
      message = composeInterviewMessage({
        interview,
        kind: item.kind,
        recipient: item.recipient,
        settings: context.settings,
        ...(item.previous ? { previous: item.previous } : {}),
        ...(item.to ? { addressee: item.to } : {}),
        render: deps.render,
        key: item.key,
        from: context.from,
        now: clock.now(),
        ...(deps.locale ? { locale: deps.locale } : {}),
      });
    } catch (error) {
      // A message that cannot be written (no address left for them, say) will not be any better on a
      // retry: it is marked failed with the reason, and the rest of the drain goes on.
      markFailed(item, `could not be written: ${(error as Error).message}`, (error as Error).message);
      return undefined;
    }
    inFlight.add(item.key);
    return { item, message, enqueues: deps.enqueues() };
  };

  /** Hands a prepared message to the transport and records what became of it; throws only when Google must be reconnected. */
  const deliver = async (
    { item, message, enqueues: seen }: { item: OutboxItem; message: Mail.Options; enqueues: number },
    transport: MailTransport,
    written: () => void,
    signal: AbortSignal,
  ) => {
    try {
      await transport.send({ ...message, signal }, written);
      db.transaction(() => {
        queue.update(item.key, { state: 'sent', attempts: item.attempts + 1, finishedAt: clock.now(), reason: null });
        if (!supersededMeanwhile(item, seen))
          lines.set(item.interviewId, item.recipient, { state: 'sent', kind: item.kind, at: lines.nowIso() });
      });
      log.info(`sent ${item.kind} for ${item.interviewId} to the ${item.recipient}`);
    } catch (error) {
      // Withdrawn before it was sent (the app is stopping): it stays queued as it was, for the next start.
      if (signal.aborted) return;
      const failure = error instanceof MailSendError ? error : new MailSendError((error as Error).message, true);
      // One that may have reached them stays on record (failed, "may have been sent", with Resend):
      // forgetting it would leave the person holding a message the app knows nothing of.
      if (!failure.pausesOutbox && !failure.mayHaveBeenSent && withdrawnInFlight.has(item.key)) {
        db.transaction(() => {
          queue.remove([item.key]);
          lines.showLastSent(item.interviewId, item.recipient, true);
        });
        log.warn(`${item.kind} for ${item.interviewId} was not sent (${failure.message}) and was withdrawn meanwhile`);
        return;
      }
      if (!failure.pausesOutbox && supersededMeanwhile(item, seen)) {
        // Never retried behind the newer message (it would arrive after it); the newer one says it all.
        db.transaction(() => {
          queue.remove([item.key]);
          // An invitation that never reached them, now followed by a cancellation: nothing to cancel
          // (one that may have reached them is cancelled all the same).
          if (
            item.kind === 'invitation' &&
            !failure.mayHaveBeenSent &&
            !lines.lastSentTo(item.interviewId, item.recipient)
          ) {
            queue.remove(
              queue
                .waitingFor(item.interviewId)
                .filter((i) => i.payload.recipient === item.recipient && i.payload.kind === 'cancellation')
                .map((i) => i.key),
            );
            if (!queue.waitingFor(item.interviewId).some((i) => i.payload.recipient === item.recipient))
              lines.set(item.interviewId, item.recipient, { state: 'none' });
          }
        });
        log.warn(`${item.kind} for ${item.interviewId} was not sent (${failure.message}) and is superseded`);
        return;
      }
      if (failure.pausesOutbox) {
        // Not this message's fault: it keeps its place and its attempts, and the outbox pauses until
        // the account or the server is back (as the Calendar queue does).
        db.transaction(() => {
          queue.update(item.key, { reason: failure.message });
          lines.set(item.interviewId, item.recipient, {
            state: 'queued',
            reason: `Paused: ${failure.message}`,
            at: lines.nowIso(),
          });
        });
        log.warn(`outbox paused: ${failure.message}`);
        throw failure;
      }
      if (failure.temporary && item.attempts + 1 < maxAttempts) {
        db.transaction(() => {
          queue.update(item.key, {
            state: 'queued',
            attempts: item.attempts + 1,
            notBefore: clock.now() + backoff[Math.min(item.attempts, backoff.length - 1)]!,
            reason: failure.message,
          });
          lines.set(item.interviewId, item.recipient, {
            state: 'queued',
            kind: item.kind,
            reason: `Retrying: ${failure.message}`,
            at: lines.nowIso(),
          });
        });
        log.warn(`${item.kind} for ${item.interviewId} postponed: ${failure.message}`);
      } else markFailed(item, `failed: ${failure.message}`, failure.message);
    } finally {
      inFlight.delete(item.key);
      withdrawnInFlight.delete(item.key);
      written();
    }
  };

  /**
   * Sends the due messages one after another on the transport's one connection, the next one composed
   * while the server works on the one before: it is prepared once that one's last byte is out, and
   * handed over before that one is answered, so the connection goes straight on to it. Two messages
   * for the same person never overlap: the second is prepared once the first is settled.
   */
  const sendAll = async (
    due: Iterable<OutboxItem>,
    transport: MailTransport,
    context: DrainContext,
  ): Promise<'done' | 'paused'> => {
    let previous: { person: string; written: Promise<void>; settled: Promise<void> } | undefined;
    let stopped = false;
    const settle = async (sending: Promise<void>) => {
      try {
        await sending;
      } catch {
        stopped = true; // paused: stop until the account or the server is back
      }
    };
    for (const item of due) {
      if (disposed || stopped) break;
      const person = `${item.interviewId} ${item.recipient}`;
      await (previous?.person === person ? previous.settled : previous?.written);
      if (disposed || stopped) break;
      const prepared = prepare(item, context);
      if (!prepared) continue;
      let markWritten = () => {};
      const written = new Promise<void>((resolve) => (markWritten = resolve));
      const controller = new AbortController();
      handedOver.push(controller);
      const settled = settle(deliver(prepared, transport, markWritten, controller.signal)).finally(() =>
        handedOver.splice(handedOver.indexOf(controller), 1),
      );
      await previous?.settled;
      previous = { person, written, settled };
    }
    await previous?.settled;
    return stopped ? 'paused' : 'done';
  };

  /** The messages due at `now`, in order, read a batch at a time as the drain gets to them (held ones never). */
  function* dueAt(now: number): Generator<OutboxItem> {
    for (const item of queue.walk({ batch: drainBatch, now })) yield asOutboxItem(item);
  }

  const drainOnce = async (): Promise<'paused' | void> => {
    if (disposed) return;
    const now = clock.now();
    // One indexed read: held messages (a meeting not final yet) need no transport.
    const next = queue.nextNotBefore([...inFlight]);
    if (next === undefined || next > now) return;
    let transport: MailTransport;
    let context: DrainContext;
    try {
      // No sender address, or settings that cannot be read: every message waits (none is failed for it).
      context = { settings: deps.settings(), from: deps.from() };
      transport = await deps.transport();
    } catch (error) {
      log.warn(`outbox waiting: ${(error as Error).message}`);
      return 'paused';
    }
    try {
      if ((await sendAll(dueAt(now), transport, context)) === 'paused') return 'paused';
    } finally {
      transport.close();
    }
  };

  return {
    drainOnce,
    inFlight,
    withdrawInFlight: (key) => void withdrawnInFlight.add(key),
    stop() {
      disposed = true;
      for (const waiting of handedOver.slice(1)) waiting.abort();
    },
  };
}

import { hasEnded } from '../../../preload/domain/interview-timing';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type Mail from 'nodemailer/lib/mailer';
import type { Interview } from '../../../preload/contract/interview-schema';
import type { Settings } from '../../../preload/contract/settings-schema';
import type { Database } from '../../storage/database';
import { DurableQueue, queueRetentionMs, type QueueItem, type QueuePatch } from '../../storage/durable-queue';
import { singleFlight } from '../../shared/single-flight';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../logging/logger';
import { refuseOnCandidateCopy, type InterviewChange, type InterviewService } from '../../interviews/interview-service';
import { DeskFailure } from '../../shared/desk-failure';
import { panelChanged } from '../../interviews/interview-rules';
import { isMeetJoinUrl } from '../../security/url-policy';
import { composeInterviewMessage } from '../compose-message';
import { MailSendError, type MailTransport } from '../mail-transport';
import { deliveryOf, panelRecipient, recipientsOf, type MailKind, type Recipient } from '../mail-kinds';
import { interviewerNames, updateSaysAnything, type MessageView, type PreviousTime } from '../message-content';
import type { RenderedEmail } from '../render-email';

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
  /** An update's "was": the time this person was last told (kept when a newer update supersedes it). */
  previous?: PreviousTime;
  /** Set for a co-interviewer taken off the panel (their cancellation). */
  to?: { name: string; address: string };
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
  enqueue(interviewId: string, kind: MailKind, recipients?: Recipient[], previous?: PreviousTime, to?: OutboxItem['to']): void;
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

const previousSchema = z.object({ startUtc: z.string(), durationMinutes: z.number().int(), meetLink: z.string().optional(), interviewers: z.array(z.string()).max(20).optional() }) satisfies z.ZodType<PreviousTime>;

/** What a message row stores beside the queue's own columns (its "was" for an update). */
export const outboxPayloadSchema = z.object({
  recipient: z.union([z.enum(['candidate', 'recruiter']), z.templateLiteral(['panel:', z.string()])]),
  kind: z.enum(['invitation', 'update', 'cancellation', 'reminder'] satisfies MailKind[]),
  previous: previousSchema.optional(),
  /** A co-interviewer taken off the panel: their address, since the interview no longer holds it. */
  to: z.object({ name: z.string(), address: z.string() }).optional(),
});

export const asOutboxItem = (item: QueueItem<z.infer<typeof outboxPayloadSchema>>): OutboxItem => ({
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
  ...(item.payload.previous ? { previous: item.payload.previous } : {}),
  ...(item.payload.to ? { to: item.payload.to } : {}),
});

/**
 * Whether a message may announce this interview now. A cancellation always may (it names the UID
 * already announced). Anything else needs the Meet link and, for a Google interview, the event ready
 * in Calendar: only then are its link, UID and SEQUENCE final, and the same for everyone.
 */
export function announceable(interview: Interview, kind: MailKind): boolean {
  if (kind === 'cancellation') return true;
  // Never without a Meet link, nor with a link that is not Meet (a second line behind the Google mapping).
  if (!isMeetJoinUrl(interview.meetLink)) return false;
  return !interview.google || (interview.google.state === 'synced' && interview.google.iCalUID !== undefined);
}

/** What every message of one drain shares, read once before it (settings and the sender are a store read and a parse each). */
interface DrainContext {
  settings: Settings;
  from: { name: string; address: string };
}

const defaultBackoff = [5_000, 30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000];
/** How many due messages a drain reads at a time. */
const drainBatch = 50;

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
  // Messages withdrawn while being handed over (a change made in Google Calendar): if the server
  // refuses them, they are not tried again.
  const withdrawnInFlight = new Set<string>();
  let paused = false;
  const pauseMs = deps.pauseMs ?? 60_000;
  const nowIso = () => new Date(clock.now()).toISOString();
  const queue = new DurableQueue(db, 'mail', outboxPayloadSchema, () => clock.now());
  queue.prune(clock.now() - queueRetentionMs);

  const all = (): OutboxItem[] => queue.all().map(asOutboxItem);
  const patch = (key: string, change: QueuePatch) => queue.update(key, change);

  // One row written, not the whole interview: this runs for every message (an interview that is gone
  // has nothing to show the state on).
  const setRecipientState = (interviewId: string, recipient: Recipient, state: Interview['invitations']['candidate']) => void interviews.setDelivery(interviewId, recipient, state);

  // Counts every enqueue: a message whose count did not move while it was on its way cannot have
  // been superseded meanwhile (so the common case asks the database nothing more).
  let enqueues = 0;
  const enqueue = (interviewId: string, kind: MailKind, recipients?: Recipient[], previous?: PreviousTime, to?: OutboxItem['to']) =>
    db.transaction(() => {
      enqueues++;
      const known = findInterview(interviewId);
      // Not final yet (no Meet link, Google's event not ready): kept out of planning and drains until it is.
      const held = known !== undefined && !announceable(known, kind);
      const everyone: Recipient[] = recipients ?? (known ? recipientsOf(known) : ['candidate', 'recruiter']);
      for (const recipient of everyone) {
        const waiting = queue.waitingFor(interviewId).filter((i) => i.payload.recipient === recipient && !inFlight.has(i.key));
        const unsentInvitation = waiting.find((i) => i.payload.kind === 'invitation');
        // Taken off the panel and put back before the notice went out: it is no longer true, so it goes.
        if (kind === 'invitation') queue.remove(waiting.filter((i) => i.payload.kind === 'cancellation').map((i) => i.key));
        if (kind === 'update' && unsentInvitation) continue; // the queued invitation will carry the new time
        if (kind === 'cancellation' && unsentInvitation) {
          // Never sent an invitation: nothing to cancel for this person.
          queue.remove(waiting.map((i) => i.key));
          setRecipientState(interviewId, recipient, { state: 'none' });
          continue;
        }
        // Supersede: an update or cancellation replaces whatever older message still waits for this person.
        if (kind === 'update' || kind === 'cancellation') queue.remove(waiting.map((i) => i.key));
        // An unsent update already knows what this person was last told: that stays the "was" for
        // everything it speaks of; what only the newer change knows (a link, the panel) is added.
        const unsent = waiting.find((i) => i.payload.kind === 'update' && i.payload.previous)?.payload.previous;
        const told = kind === 'update' ? (unsent ? { ...previous, ...unsent } : previous) : undefined;
        queue.add(interviewId, { recipient, kind, ...(told ? { previous: told } : {}), ...(to ? { to } : {}) }, { held });
        setRecipientState(interviewId, recipient, { state: 'queued', kind, at: nowIso() });
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
    queue.hold(ready.map((i) => i.key), false);
    queue.hold(waiting.filter((i) => !ready.includes(i)).map((i) => i.key), true);
    return ready.length > 0;
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    if (disposed) return;
    // Held messages set no timer: the interview's change (Google ready, a pasted link) wakes the outbox.
    const next = queue.nextNotBefore([...inFlight]);
    if (next === undefined) return;
    // Paused (no transport, or Google needs reconnecting): look again now and then, not in a loop and
    // not at every change; reconnecting or Resend drains at once.
    const wait = paused ? pauseMs : Math.max(0, next - clock.now());
    timer = setTimeout(() => void drain(), Math.min(wait, 60 * 60_000));
    timer.unref();
  };

  // The drain running now (dispose waits for it), and one controller per message handed over, oldest
  // first: the oldest is with the server, the others wait behind it and can still be withdrawn.
  let running: Promise<void> | undefined;
  const handedOver: AbortController[] = [];

  /**
   * A newer update or cancellation queued for this person while this message was on its way: this
   * one's outcome is history (it is not retried, and the person's state is the newer message's).
   */
  const supersededMeanwhile = (item: OutboxItem, enqueuesAtPrepare: number) =>
    enqueues !== enqueuesAtPrepare &&
    queue.waitingFor(item.interviewId).some((i) => i.key !== item.key && i.payload.recipient === item.recipient && (i.payload.kind === 'update' || i.payload.kind === 'cancellation'));

  /** The last message that reached this person, from the queue's history (kept for the retention period). */
  const lastSentTo = (interviewId: string, recipient: Recipient) =>
    queue
      .allFor(interviewId)
      .filter((i) => i.payload.recipient === recipient && (i.state === 'sent' || i.state === 'done') && i.finishedAt !== undefined)
      .sort((a, b) => a.finishedAt! - b.finishedAt!)
      .at(-1);

  /** Puts back the person's line of the last message that reached them (or, with `orNone`, "nothing sent" when none did). */
  const showLastSent = (interviewId: string, recipient: Recipient, orNone: boolean) => {
    const last = lastSentTo(interviewId, recipient);
    if (last) setRecipientState(interviewId, recipient, { state: 'sent', kind: last.payload.kind, at: new Date(last.finishedAt!).toISOString() });
    else if (orNone) setRecipientState(interviewId, recipient, { state: 'none' });
  };

  /** Ends a message as failed, for the person to read the reason and resend. */
  const markFailed = (item: OutboxItem, logged: string, reason: string) => {
    db.transaction(() => {
      patch(item.key, { state: 'failed', attempts: item.attempts + 1, finishedAt: clock.now(), reason });
      setRecipientState(item.interviewId, item.recipient, { state: 'failed', kind: item.kind, reason, at: nowIso() });
    });
    log.error(`${item.kind} for ${item.interviewId} ${logged}`);
  };

  /**
   * Checks one due message against the current data and composes it, or says why it does not go:
   * superseded meanwhile (the drain's list is a snapshot), its interview gone, a reminder with nothing
   * left to say, or a meeting not final yet (held; its change wakes the outbox). A prepared message is
   * in flight from here on: a change that comes now queues a new message instead of removing this one.
   */
  const prepare = (queuedItem: OutboxItem, context: DrainContext): { item: OutboxItem; message: Mail.Options; enqueues: number } | undefined => {
    const found = queue.get(queuedItem.key);
    if (!found || found.state !== 'queued' || inFlight.has(found.key)) return undefined;
    const item = asOutboxItem(found);
    const interview = findInterview(item.interviewId);
    if (!interview) {
      queue.remove([item.key]);
      return undefined;
    }
    if (item.kind === 'reminder' && (interview.status !== 'scheduled' || Date.parse(interview.startUtc) <= clock.now())) {
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
        showLastSent(item.interviewId, item.recipient, false);
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
      message = composeInterviewMessage({ interview, kind: item.kind, recipient: item.recipient, settings: context.settings, ...(item.previous ? { previous: item.previous } : {}), ...(item.to ? { addressee: item.to } : {}), render: deps.render, key: item.key, from: context.from, now: clock.now(), ...(deps.locale ? { locale: deps.locale } : {}) });
    } catch (error) {
      // A message that cannot be written (no address left for them, say) will not be any better on a
      // retry: it is marked failed with the reason, and the rest of the drain goes on.
      markFailed(item, `could not be written: ${(error as Error).message}`, (error as Error).message);
      return undefined;
    }
    inFlight.add(item.key);
    return { item, message, enqueues };
  };

  /** Hands a prepared message to the transport and records what became of it; throws only when Google must be reconnected. */
  const deliver = async ({ item, message, enqueues: seen }: { item: OutboxItem; message: Mail.Options; enqueues: number }, transport: MailTransport, written: () => void, signal: AbortSignal) => {
    try {
      await transport.send({ ...message, signal }, written);
      db.transaction(() => {
        patch(item.key, { state: 'sent', attempts: item.attempts + 1, finishedAt: clock.now(), reason: null });
        if (!supersededMeanwhile(item, seen)) setRecipientState(item.interviewId, item.recipient, { state: 'sent', kind: item.kind, at: nowIso() });
      });
      log.info(`sent ${item.kind} for ${item.interviewId} to the ${item.recipient}`);
    } catch (error) {
      // Withdrawn before it was sent (the app is stopping): it stays queued as it was, for the next start.
      if (signal.aborted) return;
      const failure = error instanceof MailSendError ? error : new MailSendError((error as Error).message, true);
      if (!failure.pausesOutbox && withdrawnInFlight.has(item.key)) {
        db.transaction(() => {
          queue.remove([item.key]);
          showLastSent(item.interviewId, item.recipient, true);
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
          if (item.kind === 'invitation' && !failure.mayHaveBeenSent && !lastSentTo(item.interviewId, item.recipient)) {
            queue.remove(queue.waitingFor(item.interviewId).filter((i) => i.payload.recipient === item.recipient && i.payload.kind === 'cancellation').map((i) => i.key));
            if (!queue.waitingFor(item.interviewId).some((i) => i.payload.recipient === item.recipient)) setRecipientState(item.interviewId, item.recipient, { state: 'none' });
          }
        });
        log.warn(`${item.kind} for ${item.interviewId} was not sent (${failure.message}) and is superseded`);
        return;
      }
      if (failure.pausesOutbox) {
        // Not this message's fault: it keeps its place and its attempts, and the outbox pauses until
        // the account or the server is back (as the Calendar queue does).
        db.transaction(() => {
          patch(item.key, { reason: failure.message });
          setRecipientState(item.interviewId, item.recipient, { state: 'queued', reason: `Paused: ${failure.message}`, at: nowIso() });
        });
        log.warn(`outbox paused: ${failure.message}`);
        throw failure;
      }
      if (failure.temporary && item.attempts + 1 < maxAttempts) {
        db.transaction(() => {
          patch(item.key, { state: 'queued', attempts: item.attempts + 1, notBefore: clock.now() + backoff[Math.min(item.attempts, backoff.length - 1)]!, reason: failure.message });
          setRecipientState(item.interviewId, item.recipient, { state: 'queued', kind: item.kind, reason: `Retrying: ${failure.message}`, at: nowIso() });
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
  const sendAll = async (due: Iterable<OutboxItem>, transport: MailTransport, context: DrainContext): Promise<'done' | 'paused'> => {
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
      const settled = settle(deliver(prepared, transport, markWritten, controller.signal)).finally(() => handedOver.splice(handedOver.indexOf(controller), 1));
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

  const drainOnce = async () => {
    paused = false;
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
      paused = true;
      log.warn(`outbox waiting: ${(error as Error).message}`);
      return;
    }
    try {
      if ((await sendAll(dueAt(now), transport, context)) === 'paused') paused = true;
    } finally {
      transport.close();
    }
  };

  const drain = singleFlight(async () => {
    running = drainOnce();
    try {
      await running;
    } finally {
      running = undefined;
    }
  }, schedule);

  // Holds the invitation: something went (or is going) to them, and the last of it was not a
  // cancellation (a panelist taken off and put back is invited again, not sent updates).
  const hasBeenInvited = (interview: Interview, recipient: Recipient) => {
    const delivery = deliveryOf(interview, recipient);
    return ['queued', 'sent', 'failed'].includes(delivery.state) && delivery.kind !== 'cancellation';
  };

  /**
   * A panel changed after scheduling: whoever was taken off and had been invited gets a cancellation
   * (addressed from the earlier panel, which still knows them); whoever joined gets the invitation,
   * once the others have theirs (before that, the first round includes them anyway); everyone else
   * who holds the invitation gets an update naming the new panel, so no copy lists someone who left.
   */
  const panelMail = (interview: Interview, previous: Interview, announced: boolean) => {
    const now = new Set(interview.coInterviewers.map((p) => panelRecipient(p.email)));
    const before = new Set(previous.coInterviewers.map((p) => panelRecipient(p.email)));
    for (const person of previous.coInterviewers) {
      const recipient = panelRecipient(person.email);
      if (now.has(recipient) || !hasBeenInvited(interview, recipient)) continue;
      enqueue(interview.id, 'cancellation', [recipient], undefined, { name: person.name ?? person.email, address: person.email });
    }
    const joined: Recipient[] = [...now].filter((r) => !before.has(r) && !hasBeenInvited(interview, r));
    if (announced && joined.length) enqueue(interview.id, 'invitation', joined);
    // Only who is on the panel is news for everyone; a name given to an address already on it is not
    // worth an email to five people (the Calendar event and the next message carry it).
    if (now.size === before.size && [...now].every((r) => before.has(r))) return;
    const names = interviewerNames(previous);
    const staying = recipientsOf(interview).filter((r) => !joined.includes(r) && hasBeenInvited(interview, r));
    if (staying.length) enqueue(interview.id, 'update', staying, { startUtc: previous.startUtc, durationMinutes: previous.durationMinutes, interviewers: names });
  };

  /**
   * The recruiter sends a move or cancel made in Google Calendar: whoever holds the invitation gets
   * the update (saying the time they were last told) or the cancellation; on a move, whoever never
   * got the invitation (it was withdrawn before it went out) gets it now.
   */
  const announceCalendarChange = (interview: Interview, told: Interview, invited: Recipient[]) => {
    if (interview.status === 'cancelled') {
      if (invited.length) enqueue(interview.id, 'cancellation', invited);
      return;
    }
    if (invited.length) enqueue(interview.id, 'update', invited, { startUtc: told.startUtc, durationMinutes: told.durationMinutes });
    const never = recipientsOf(interview).filter((r) => !invited.includes(r));
    if (never.length && interview.meetLink) enqueue(interview.id, 'invitation', never);
  };

  /** The mail one interview change calls for. */
  const queueMailFor = (change: InterviewChange) => {
    const interview = change.interview;
    // Settings can let Google email the guests instead: then the app sends nothing (never both).
    if (deps.settings().googleSendsInvites && interview.google) return;
    // Everyone on the invitation, each co-interviewer included, counted once with their own state.
    const invited = recipientsOf(interview).filter((r) => hasBeenInvited(interview, r));
    const previous = change.kind === 'scheduled' || change.kind === 'cancelled' ? undefined : change.previous;
    const relinked = previous?.meetLink !== undefined && previous.meetLink !== interview.meetLink;
    if (change.kind === 'announced') return announceCalendarChange(interview, change.previous, invited);
    // A move or cancel made in Google Calendar is emailed only when the recruiter sends it from the room.
    if (change.kind === 'updated' && interview.google?.calendarChange && !panelChanged(change.previous, interview)) return;
    if (change.kind === 'cancelled') {
      // An interview whose time has passed is only marked cancelled: no one is emailed about the past.
      if (invited.length && !hasEnded(interview, clock.now())) enqueue(interview.id, 'cancellation', invited);
    } else if (previous && (change.kind === 'rescheduled' || relinked)) {
      // Whoever holds the invitation gets an update (same UID, higher SEQUENCE) saying what changed:
      // the time they were last told, and the old link when the Meet link changed.
      const told = { startUtc: previous.startUtc, durationMinutes: previous.durationMinutes, ...(relinked ? { meetLink: previous.meetLink } : {}) };
      if (invited.length) enqueue(interview.id, 'update', invited, told);
    } else if (interview.status === 'scheduled' && interview.meetLink && invited.length === 0) {
      // Scheduled with a link, or its link just arrived: queued now, sent once the meeting is final.
      enqueue(interview.id, 'invitation');
    }
    if (previous && interview.status === 'scheduled') panelMail(interview, previous, invited.length > 0);
  };

  const unsubscribe = interviews.onChange((change) => {
    if (change.interview.origin !== 'recruiter') return;
    queueMailFor(change);
    // Any change may be the one that makes held messages final (Google's event is ready, say); only
    // once the change is committed: a rolled-back action must never send mail. A paused outbox is
    // not woken by every change: it looks again on its own, or when the account is back.
    if (holdUntilFinal(change.interview) && !paused) db.afterCommit(() => void drain());
  });

  queueMicrotask(() => void drain());

  return {
    items: all,
    enqueue,
    resend(interviewId, recipient) {
      const interview = interviews.get(interviewId);
      refuseOnCandidateCopy(interview, 'resend');
      if (hasEnded(interview, clock.now())) throw new DeskFailure('invalid_input', 'This interview has ended, so there is nothing to send.', 'id');
      if (!recipientsOf(interview).includes(recipient)) throw new DeskFailure('invalid_input', 'This person is not on the interview’s panel.', 'recipient');
      const kind: MailKind = interview.status === 'cancelled' ? 'cancellation' : interview.ics.sequence > 0 ? 'update' : 'invitation';
      if (kind !== 'cancellation' && !interview.meetLink) throw new DeskFailure('invalid_input', 'There is no Meet link yet, so there is nothing to send.', 'meetLink');
      db.transaction(() => {
        const mine = queue.allFor(interviewId).filter((i) => i.payload.recipient === recipient);
        // A resent update repeats the last one's "was".
        const lastPrevious = mine.filter((i) => i.payload.kind === 'update' && i.payload.previous).at(-1)?.payload.previous;
        queue.remove(mine.filter((i) => i.state === 'queued').map((i) => i.key));
        enqueue(interviewId, kind === 'update' && !hasBeenInvited(interview, recipient) ? 'invitation' : kind, [recipient], lastPrevious);
      });
      void drain();
    },
    withdraw(interviewId) {
      return db.transaction(() => {
        const mine = queue.waitingFor(interviewId);
        for (const sending of mine.filter((i) => inFlight.has(i.key))) withdrawnInFlight.add(sending.key);
        const waiting = mine.filter((i) => !inFlight.has(i.key));
        queue.remove(waiting.map((i) => i.key));
        for (const recipient of new Set(waiting.map((i) => i.payload.recipient))) showLastSent(interviewId, recipient, true);
        const told = waiting.find((i) => i.payload.recipient === 'candidate' && i.payload.kind === 'update')?.payload.previous;
        return { withdrawn: waiting.length, ...(told ? { told: { startUtc: told.startUtc, durationMinutes: told.durationMinutes } } : {}) };
      });
    },
    drain,
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
      disposed = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      // Messages handed over but not yet sent are withdrawn (they stay queued for the next start); the
      // one being sent is waited for, a few seconds at most, so its outcome is recorded before the
      // database closes and it is not sent again.
      for (const waiting of handedOver.slice(1)) waiting.abort();
      const drainNow = running;
      if (drainNow) await Promise.race([drainNow.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    },
  };
}

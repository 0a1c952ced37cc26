import { randomUUID } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer';
import type { Interview } from '../../preload/contract/interview-schema';
import type { Settings } from '../../preload/contract/settings-schema';
import type { KeyValueStore } from '../store/key-value-store';
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import { refuseOnCandidateCopy, type InterviewService } from '../interviews/interview-service';
import { DeskFailure } from '../app/desk-failure';
import { isMeetJoinUrl } from '../security/url-policy';
import { composeInterviewMessage } from './compose-message';
import { MailSendError, type MailTransport } from './mail-transport';
import type { MailKind, Recipient } from './mail-kinds';
import type { MessageView, PreviousTime } from './message-content';
import type { RenderedEmail } from './render-email';

/** One message in the durable outbox. The body is composed from the interview when it is sent. */
export interface OutboxItem {
  key: string;
  interviewId: string;
  recipient: Recipient;
  kind: MailKind;
  /** 'sending' is only found in files written by earlier versions; it is read as 'queued'. */
  state: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  notBefore: number;
  createdAt: string;
  sentAt?: string;
  reason?: string;
  /** An update's "was": the time this person was last told (kept when a newer update supersedes it). */
  previous?: PreviousTime;
}

export interface OutboxDeps {
  store: KeyValueStore;
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
}

/** The invitations outbox: recorded before sending, retried with backoff, never lost, never twice. */
export interface Outbox {
  items(): OutboxItem[];
  enqueue(interviewId: string, kind: MailKind, recipients?: Recipient[], previous?: PreviousTime): void;
  resend(interviewId: string, recipient: Recipient): void;
  drain(): Promise<void>;
  sendTest(to: { name: string; address: string }): Promise<string>;
  dispose(): void;
}

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

const defaultBackoff = [5_000, 30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000];

/** Creates the outbox and hooks it to the interview lifecycle. */
export function createOutbox(deps: OutboxDeps): Outbox {
  const { store, clock, log, interviews } = deps;
  const backoff = deps.backoffMs ?? defaultBackoff;
  const maxAttempts = deps.maxAttempts ?? 8;
  let draining: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  // Messages being handed to the server right now. Kept in memory, not in the file: a write per
  // message cost a whole-store rewrite, and after a crash every unfinished message is queued again anyway.
  const inFlight = new Set<string>();
  let paused = false;
  const pauseMs = deps.pauseMs ?? 60_000;
  const nowIso = () => new Date(clock.now()).toISOString();

  const all = (): OutboxItem[] => ((store.get('outbox') as OutboxItem[] | undefined) ?? []).slice();
  const save = (items: OutboxItem[]) => store.set('outbox', items);
  const patch = (key: string, change: Partial<OutboxItem>) => save(all().map((i) => (i.key === key ? { ...i, ...change } : i)));

  const setRecipientState = (interviewId: string, recipient: Recipient, state: Interview['invitations']['candidate']) => {
    try {
      interviews.update(interviewId, (i) => ({ ...i, invitations: { ...i.invitations, [recipient]: state } }), false);
    } catch {
      // The interview is gone: nothing to show the state on.
    }
  };

  const enqueue = (interviewId: string, kind: MailKind, recipients: Recipient[] = ['candidate', 'recruiter'], previous?: PreviousTime) => {
    let items = all();
    for (const recipient of recipients) {
      const waiting = items.filter((i) => i.interviewId === interviewId && i.recipient === recipient && i.state === 'queued' && !inFlight.has(i.key));
      const unsentInvitation = waiting.find((i) => i.kind === 'invitation');
      if (kind === 'update' && unsentInvitation) continue; // the queued invitation will carry the new time
      if (kind === 'cancellation' && unsentInvitation) {
        // Never sent an invitation: nothing to cancel for this person.
        items = items.filter((i) => !waiting.includes(i));
        setRecipientState(interviewId, recipient, { state: 'none' });
        continue;
      }
      // Supersede: an update or cancellation replaces whatever older message still waits for this person.
      if (kind === 'update' || kind === 'cancellation') items = items.filter((i) => !waiting.includes(i));
      // An unsent update already knows what this person was last told: that stays the "was".
      const told = kind === 'update' ? (waiting.find((i) => i.kind === 'update' && i.previous)?.previous ?? previous) : undefined;
      items.push({ key: randomUUID(), interviewId, recipient, kind, state: 'queued', attempts: 0, notBefore: 0, createdAt: nowIso(), ...(told ? { previous: told } : {}) });
      setRecipientState(interviewId, recipient, { state: 'queued', kind, at: nowIso() });
    }
    save(items);
  };

  const findInterview = (id: string): Interview | undefined => {
    try {
      return interviews.get(id);
    } catch {
      return undefined;
    }
  };

  /** Messages that may go out now: queued, due, and announcing a meeting that is final. */
  const sendable = (items: OutboxItem[]) => {
    const cache = new Map<string, Interview | undefined>();
    const interviewOf = (id: string) => {
      if (!cache.has(id)) cache.set(id, findInterview(id));
      return cache.get(id);
    };
    return items.filter((i) => {
      if (i.state !== 'queued' || inFlight.has(i.key)) return false;
      const interview = interviewOf(i.interviewId);
      return !interview || announceable(interview, i.kind);
    });
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    // Held messages set no timer: the interview's change (Google ready, a pasted link) wakes the outbox.
    const next = sendable(all()).map((i) => i.notBefore);
    if (next.length === 0) return;
    // Paused (no transport, or Google needs reconnecting): look again now and then, not in a loop;
    // reconnecting, a settings change or a new message drains at once.
    const wait = paused ? pauseMs : Math.max(0, Math.min(...next) - clock.now());
    timer = setTimeout(() => void drain(), Math.min(wait, 60 * 60_000));
    timer.unref();
  };

  const sendOne = async (queuedItem: OutboxItem, transport: MailTransport) => {
    // The drain's list is a snapshot: a newer change may have superseded this message meanwhile.
    const item = all().find((i) => i.key === queuedItem.key);
    if (!item || item.state !== 'queued') return;
    let interview: Interview;
    try {
      interview = interviews.get(item.interviewId);
    } catch {
      save(all().filter((i) => i.key !== item.key));
      return;
    }
    if (item.kind === 'reminder' && (interview.status !== 'scheduled' || Date.parse(interview.startUtc) <= clock.now())) {
      // A reminder held up (no Meet link, retries) until the start, or past a cancellation, has nothing left to say.
      save(all().filter((i) => i.key !== item.key));
      return;
    }
    if (!announceable(interview, item.kind)) return; // held until the meeting is final; its change wakes us
    const message: Mail.Options = composeInterviewMessage({ interview, kind: item.kind, recipient: item.recipient, settings: deps.settings(), ...(item.previous ? { previous: item.previous } : {}), render: deps.render, key: item.key, from: deps.from(), now: clock.now() });
    inFlight.add(item.key);
    try {
      await transport.send(message);
      patch(item.key, { state: 'sent', attempts: item.attempts + 1, sentAt: nowIso(), reason: undefined });
      setRecipientState(item.interviewId, item.recipient, { state: 'sent', kind: item.kind, at: nowIso() });
      log.info(`sent ${item.kind} for ${item.interviewId} to the ${item.recipient}`);
    } catch (error) {
      const failure = error instanceof MailSendError ? error : new MailSendError((error as Error).message, true);
      if (failure.needsReconnect) {
        // Not this message's fault: it keeps its place and its attempts, and the outbox pauses until
        // the account is back (as the Calendar queue does).
        patch(item.key, { reason: failure.message });
        setRecipientState(item.interviewId, item.recipient, { state: 'queued', reason: `Paused: ${failure.message}`, at: nowIso() });
        log.warn(`outbox paused: ${failure.message}`);
        throw failure;
      }
      if (failure.temporary && item.attempts + 1 < maxAttempts) {
        patch(item.key, { state: 'queued', attempts: item.attempts + 1, notBefore: clock.now() + backoff[Math.min(item.attempts, backoff.length - 1)]!, reason: failure.message });
        setRecipientState(item.interviewId, item.recipient, { state: 'queued', kind: item.kind, reason: `Retrying: ${failure.message}`, at: nowIso() });
        log.warn(`${item.kind} for ${item.interviewId} postponed: ${failure.message}`);
      } else {
        patch(item.key, { state: 'failed', attempts: item.attempts + 1, reason: failure.message });
        setRecipientState(item.interviewId, item.recipient, { state: 'failed', kind: item.kind, reason: failure.message, at: nowIso() });
        log.error(`${item.kind} for ${item.interviewId} failed: ${failure.message}`);
      }
    } finally {
      inFlight.delete(item.key);
    }
  };

  const drainOnce = async () => {
    const due = sendable(all()).filter((i) => i.notBefore <= clock.now());
    if (due.length === 0) return;
    let transport: MailTransport;
    try {
      transport = await deps.transport();
    } catch (error) {
      paused = true;
      log.warn(`outbox waiting: ${(error as Error).message}`);
      return;
    }
    try {
      for (const item of due) {
        try {
          await sendOne(item, transport);
        } catch {
          paused = true;
          return; // needs reconnect: stop until the account is back
        }
      }
    } finally {
      transport.close();
    }
  };

  const drain = async () => {
    paused = false;
    while (draining) await draining;
    draining = drainOnce().finally(() => {
      draining = undefined;
      schedule();
    });
    return draining;
  };

  // A message left "sending" by a crash may or may not have reached the server; SMTP gives no way to
  // ask, so it is queued again (the server most likely never answered, or the send never started).
  const stored = all();
  if (stored.some((i) => i.state === 'sending')) save(stored.map((i) => (i.state === 'sending' ? { ...i, state: 'queued' as const } : i)));

  const hasBeenInvited = (interview: Interview, recipient: Recipient) => ['queued', 'sent', 'failed'].includes(interview.invitations[recipient].state);

  const unsubscribe = interviews.onChange((change) => {
    const interview = change.interview;
    if (interview.origin !== 'recruiter') return;
    // Settings can let Google email the guests instead: then the app sends nothing (never both).
    if (deps.settings().googleSendsInvites && interview.google) return;
    const invited = (['candidate', 'recruiter'] as const).filter((r) => hasBeenInvited(interview, r));
    const previous = change.kind === 'scheduled' || change.kind === 'cancelled' ? undefined : change.previous;
    const relinked = previous?.meetLink !== undefined && previous.meetLink !== interview.meetLink;
    if (change.kind === 'cancelled') {
      if (invited.length) enqueue(interview.id, 'cancellation', invited);
    } else if (previous && (change.kind === 'rescheduled' || relinked)) {
      // Whoever holds the invitation gets an update (same UID, higher SEQUENCE) saying what changed:
      // the time they were last told, and the old link when the Meet link changed.
      const told = { startUtc: previous.startUtc, durationMinutes: previous.durationMinutes, ...(relinked ? { meetLink: previous.meetLink } : {}) };
      if (invited.length) enqueue(interview.id, 'update', invited, told);
    } else if (interview.status === 'scheduled' && interview.meetLink && invited.length === 0) {
      // Scheduled with a link, or its link just arrived: queued now, sent once the meeting is final.
      enqueue(interview.id, 'invitation');
    }
    // Any change may be the one that makes held messages final (Google's event is ready, say).
    if (all().some((i) => i.interviewId === interview.id && i.state === 'queued')) void drain();
  });

  queueMicrotask(() => void drain());

  return {
    items: all,
    enqueue,
    resend(interviewId, recipient) {
      const interview = interviews.get(interviewId);
      refuseOnCandidateCopy(interview, 'resend');
      const kind: MailKind = interview.status === 'cancelled' ? 'cancellation' : interview.ics.sequence > 0 ? 'update' : 'invitation';
      if (kind !== 'cancellation' && !interview.meetLink) throw new DeskFailure('invalid_input', 'There is no Meet link yet, so there is nothing to send.', 'meetLink');
      const mine = all().filter((i) => i.interviewId === interviewId && i.recipient === recipient);
      // A resent update repeats the last one's "was".
      const lastPrevious = mine.filter((i) => i.kind === 'update' && i.previous).at(-1)?.previous;
      const dropped = new Set(mine.filter((i) => i.state === 'queued').map((i) => i.key));
      save(all().filter((i) => !dropped.has(i.key)));
      enqueue(interviewId, kind === 'update' && !hasBeenInvited(interview, recipient) ? 'invitation' : kind, [recipient], lastPrevious);
      void drain();
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
    dispose() {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}

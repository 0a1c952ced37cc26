import type { z } from 'zod';
import type { RestorePending } from '../../preload/shared/contract/ipc-contract';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { droppedAfterRestore } from '../../preload/shared/rules/dropped-after-restore';
import { personName } from '../../preload/shared/rules/person-name';
import type { Logger } from '../logging/logger';
import type { Clock } from '../platform/clock';
import type { InterviewQueries } from '../interviews/interview-queries';
import type { InterviewCommands } from '../interviews/interview-commands';
import { DeskFailure } from '../shared/desk-failure';
import type { Database } from '../database/database';
import { DurableQueue, type QueueItem } from '../database/durable-queue';
import type { RestoreHoldState } from '../database/restore-hold';
import { isPanelRecipient } from './mail-kinds';
import { announceable, asOutboxItem, outboxPayloadSchema, type OutboxItem } from './outbox/outbox-item';

/** The person's decision about the mail a restored copy held: see it, send it or drop it. */
export interface RestoreReview {
  pending(): RestorePending;
  send(keys: string[]): RestorePending;
  drop(keys: string[]): RestorePending;
  /** Ends the hold when nothing of the copy waits any more and Google Calendar has been read. */
  settle(): void;
}

export interface RestoreReviewDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  interviews: InterviewQueries;
  commands: Pick<InterviewCommands, 'setDelivery'>;
  hold: RestoreHoldState;
  /** Wakes the outbox: a message sent from the review goes out at once. */
  drain: () => void;
  /** Whether a Google account is connected: then the copy's mail waits for Calendar to be read again. */
  googleConnected: () => boolean;
  /** Other mail the copy holds with its own state (the panel's scorecard emails), listed and decided here too. */
  otherHeld?: () => OtherHeldMail;
}

/** Mail held by a restored copy outside the outbox: its keys, its messages, and the decisions on them. */
export interface OtherHeldMail {
  owns(key: string): boolean;
  messages(): RestorePending['messages'];
  /** Lets the chosen messages go; answers how many were still held. */
  send(keys: string[]): number;
  /** Drops the chosen messages; answers how many were still held. */
  drop(keys: string[]): number;
  /** Wakes whatever sends them, after the decision is committed. */
  wake(): void;
}

type Payload = z.infer<typeof outboxPayloadSchema>;

const batch = 200;

/** Creates the review over the outbox's queue; the messages stay held (`held`) until decided here. */
export function createRestoreReview(deps: RestoreReviewDeps): RestoreReview {
  const { db, clock, interviews, commands, hold } = deps;
  const queue = new DurableQueue(db, 'mail', outboxPayloadSchema, () => clock.now());

  /** The copy's messages still waiting, in order: the queue is read in order and stops past the copy's last item. */
  const held = (): QueueItem<Payload>[] => {
    const upTo = hold.current()?.upToSeq ?? 0;
    const found: QueueItem<Payload>[] = [];
    if (upTo === 0) return found;
    for (const item of queue.walk({ batch })) {
      if (item.seq > upTo) break;
      found.push(item);
    }
    return found;
  };

  const recipientName = (interview: Interview, item: OutboxItem): string => {
    if (item.to) return item.to.name;
    if (item.recipient === 'candidate') return personName(interview.candidate);
    if (item.recipient === 'recruiter') return 'you';
    const address = isPanelRecipient(item.recipient) ? item.recipient.slice('panel:'.length) : item.recipient;
    const person = interview.coInterviewers.find((p) => p.email.toLowerCase() === address);
    return person ? personName(person) : address;
  };

  const pending = (): RestorePending => {
    const current = hold.current();
    if (!current) return { messages: [], calendarRead: true };
    const changed = new Set(current.changed);
    const messages: RestorePending['messages'] = [];
    for (const item of held().map(asOutboxItem)) {
      const interview = interviews.find(item.interviewId);
      if (!interview) continue;
      messages.push({
        key: item.key,
        interviewId: item.interviewId,
        kind: item.kind,
        recipientName: recipientName(interview, item),
        candidateName: personName(interview.candidate),
        jobTitle: interview.jobTitle,
        queuedAt: item.createdAt,
        oldTime: changed.has(item.interviewId),
      });
    }
    return { messages: [...messages, ...(deps.otherHeld?.().messages() ?? [])], calendarRead: current.calendarRead };
  };

  /** The chosen messages that still wait from the copy; refused in words when none does. */
  const chosen = (keys: string[], others = 0): QueueItem<Payload>[] => {
    const wanted = new Set(keys);
    const found = wanted.size === 0 ? [] : held().filter((i) => wanted.has(i.key));
    if (found.length + others === 0)
      throw new DeskFailure('invalid_input', 'These messages were already sent or dropped.', 'keys');
    return found;
  };
  /** The chosen keys, split into the outbox's and the other held mail's. */
  const split = (keys: string[]) => {
    const other = deps.otherHeld?.();
    const owned = other ? keys.filter((k) => other.owns(k)) : [];
    return { other, owned, outbox: keys.filter((k) => !owned.includes(k)) };
  };

  /** Ends the hold once nothing of the copy waits (and Google Calendar has been read). */
  const settle = () => hold.endIfDecided(held().length > 0 || (deps.otherHeld?.().messages().length ?? 0) > 0);

  return {
    pending,
    settle,
    send(keys) {
      const { other, owned, outbox } = split(keys);
      // Google wins over the copy: until Calendar has been read again a message may carry a time that
      // has changed since. Without Google there is nothing to read, and the person decides alone.
      if (outbox.length > 0 && hold.current()?.calendarRead === false && deps.googleConnected()) {
        throw new DeskFailure(
          'invalid_input',
          'Google Calendar has not been read again since the copy was restored, so these messages may carry old times. Wait a moment and try again.',
          'keys',
        );
      }
      db.transaction(() => {
        for (const item of chosen(outbox, other?.send(owned) ?? 0)) {
          // Queued again behind everything, out of the copy's hold: the outbox sends it like any new
          // message (held only while its meeting is not final), composed from the interview as it is now.
          queue.remove([item.key]);
          const interview = interviews.find(item.interviewId);
          if (!interview) continue;
          queue.add(item.interviewId, item.payload, { held: !announceable(interview, item.payload.kind) });
          commands.setDelivery(item.interviewId, item.payload.recipient, {
            state: 'queued',
            kind: item.payload.kind,
            at: new Date(clock.now()).toISOString(),
          });
        }
        settle();
      });
      deps.log.info('messages held after restoring a copy: sent on request');
      db.afterCommit(deps.drain);
      if (other && owned.length > 0) db.afterCommit(() => other.wake());
      return pending();
    },
    drop(keys) {
      const { other, owned, outbox } = split(keys);
      db.transaction(() => {
        const at = clock.now();
        for (const item of chosen(outbox, other?.drop(owned) ?? 0)) {
          queue.update(item.key, { state: 'failed', finishedAt: at, reason: droppedAfterRestore });
          commands.setDelivery(item.interviewId, item.payload.recipient, {
            state: 'failed',
            kind: item.payload.kind,
            reason: droppedAfterRestore,
            at: new Date(at).toISOString(),
          });
        }
        settle();
      });
      deps.log.info('messages held after restoring a copy: dropped on request');
      return pending();
    },
  };
}

import type { Interview } from '../../../preload/shared/contract/interview-schema';
import type { Clock } from '../../platform/clock';
import type { InterviewCommands } from '../../interviews/interview-commands';
import type { Recipient } from '../mail-kinds';
import type { OutboxQueue } from './outbox-item';

/** Each person's delivery line on the interview ("queued", "sent", "failed"), kept by the outbox. */
export interface DeliveryLines {
  set(interviewId: string, recipient: Recipient, state: Interview['invitations']['candidate']): void;
  /** The last message that reached this person, from the queue's history (kept for the retention period). */
  lastSentTo(interviewId: string, recipient: Recipient): ReturnType<OutboxQueue['allFor']>[number] | undefined;
  /** Puts back the person's line of the last message that reached them (or, with `orNone`, "nothing sent" when none did). */
  showLastSent(interviewId: string, recipient: Recipient, orNone: boolean): void;
  nowIso(): string;
}

export function createDeliveryLines(
  queue: OutboxQueue,
  interviews: Pick<InterviewCommands, 'setDelivery'>,
  clock: Clock,
): DeliveryLines {
  // One row written, not the whole interview: this runs for every message (an interview that is gone
  // has nothing to show the state on).
  const set: DeliveryLines['set'] = (interviewId, recipient, state) =>
    void interviews.setDelivery(interviewId, recipient, state);
  const lastSentTo: DeliveryLines['lastSentTo'] = (interviewId, recipient) =>
    queue
      .allFor(interviewId)
      .filter(
        (i) =>
          i.payload.recipient === recipient && (i.state === 'sent' || i.state === 'done') && i.finishedAt !== undefined,
      )
      .sort((a, b) => a.finishedAt! - b.finishedAt!)
      .at(-1);
  return {
    set,
    lastSentTo,
    showLastSent(interviewId, recipient, orNone) {
      const last = lastSentTo(interviewId, recipient);
      if (last)
        set(interviewId, recipient, {
          state: 'sent',
          kind: last.payload.kind,
          at: new Date(last.finishedAt!).toISOString(),
        });
      else if (orNone) set(interviewId, recipient, { state: 'none' });
    },
    nowIso: () => new Date(clock.now()).toISOString(),
  };
}

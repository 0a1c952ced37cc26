import { describe, expect, it } from 'vitest';
import { createRestoreReview } from '../../../main/mail/restore-review';
import { outboxPayloadSchema } from '../../../main/mail/outbox/outbox-item';
import { DurableQueue } from '../../../main/database/durable-queue';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { openMemoryDatabase } from '../../../main/database/open-database';
import { markRestored, restoreHoldState } from '../../../main/database/restore-hold';
import { createMemoryLogger } from '../../../main/logging/logger';
import { makeInterview } from '../../support/interview-fixtures';
import { fixedClock } from '../../support/fixed-clock';

/** A restored copy holding one invitation to Ada, and the review over it. */
function restored(googleConnected: boolean) {
  const db = openMemoryDatabase();
  const clock = fixedClock('2030-01-10T09:00:00.000Z');
  const interview = makeInterview({
    startUtc: '2030-01-15T09:00:00.000Z',
    meetLink: 'https://meet.google.com/abc-defg-hij',
  });
  createInterviewRepository(db).put(interview);
  const queue = new DurableQueue(db, 'mail', outboxPayloadSchema, () => clock.now());
  queue.add(interview.id, { recipient: 'candidate', kind: 'invitation' });
  markRestored(db, clock.now());
  const hold = restoreHoldState(db);
  const delivered: string[] = [];
  const review = createRestoreReview({
    db,
    clock,
    log: createMemoryLogger(),
    interviews: { find: (id: string) => (id === interview.id ? interview : undefined) } as unknown as Parameters<
      typeof createRestoreReview
    >[0]['interviews'],
    commands: { setDelivery: (id: string) => void delivered.push(id) } as unknown as Parameters<
      typeof createRestoreReview
    >[0]['commands'],
    hold,
    drain: () => undefined,
    googleConnected: () => googleConnected,
  });
  return { review, hold, delivered };
}

describe('restore review (main/mail/restore-review)', () => {
  it('with Google connected, sends nothing of the copy until Calendar has been read again (Google wins first)', () => {
    const { review, hold } = restored(true);
    const [message] = review.pending().messages;
    expect(() => review.send([message!.key])).toThrow(
      /Google Calendar has not been read again since the copy was restored/,
    );
    expect(review.pending().messages).toHaveLength(1);
    hold.calendarRead([]);
    expect(review.send([message!.key]).messages).toEqual([]);
  });

  it('without Google there is nothing to read: the person decides alone', () => {
    const { review } = restored(false);
    const [message] = review.pending().messages;
    expect(review.send([message!.key]).messages).toEqual([]);
  });
});

import { z } from 'zod';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import type { DurableQueue, QueueItem } from '../../database/durable-queue';
import { isMeetJoinUrl } from '../../security/url-policy';
import type { MailKind, Recipient } from '../mail-kinds';
import type { PreviousTime } from '../message-content';

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

const previousSchema = z.object({
  startUtc: z.string(),
  durationMinutes: z.number().int(),
  meetLink: z.string().optional(),
  interviewers: z.array(z.string()).max(20).optional(),
}) satisfies z.ZodType<PreviousTime>;

/** What a message row stores beside the queue's own columns (its "was" for an update). */
export const outboxPayloadSchema = z.object({
  recipient: z.union([z.enum(['candidate', 'recruiter']), z.templateLiteral(['panel:', z.string()])]),
  kind: z.enum(['invitation', 'update', 'cancellation', 'reminder'] satisfies MailKind[]),
  previous: previousSchema.optional(),
  /** A co-interviewer taken off the panel: their address, since the interview no longer holds it. */
  to: z.object({ name: z.string(), address: z.string() }).optional(),
});

/** What a message row stores, as read back. */
export type OutboxPayload = z.infer<typeof outboxPayloadSchema>;
/** The outbox's durable queue (its rows in the one queue table). */
export type OutboxQueue = DurableQueue<OutboxPayload>;

export const asOutboxItem = (item: QueueItem<OutboxPayload>): OutboxItem => ({
  key: item.key,
  interviewId: item.interviewId,
  recipient: item.payload.recipient,
  kind: item.payload.kind,
  state: item.state === 'done' ? 'sent' : item.state,
  attempts: item.attempts,
  notBefore: item.notBefore,
  createdAt: new Date(item.createdAt).toISOString(),
  ...(item.state === 'sent' && item.finishedAt !== undefined
    ? { sentAt: new Date(item.finishedAt).toISOString() }
    : {}),
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

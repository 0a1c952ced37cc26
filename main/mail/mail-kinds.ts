import type { z } from 'zod';
import type { DeliveryRecipient, Interview, mailKindSchema } from '../../preload/shared/contract/interview-schema';

/** What a message is about. */
export type MailKind = z.infer<typeof mailKindSchema>;
/** A co-interviewer of a panel, by address: each gets their own messages and delivery state. */
export type PanelRecipient = `panel:${string}`;
/** Who a message is for (the same keys as the delivery state in the record). */
export type Recipient = DeliveryRecipient;
/** The part a recipient plays, which decides the words of their message. */
export type Role = 'candidate' | 'recruiter' | 'panelist';
/** The calendar method each kind carries (a reminder repeats the current invitation). */
export const icsMethodFor: Record<MailKind, 'REQUEST' | 'CANCEL'> = {
  invitation: 'REQUEST',
  update: 'REQUEST',
  cancellation: 'CANCEL',
  reminder: 'REQUEST',
};

/** The recipient key of one co-interviewer (the address without case, as the panel is checked). */
export function panelRecipient(email: string): PanelRecipient {
  return `panel:${email.toLowerCase()}`;
}

/** True for a co-interviewer's recipient key. */
export function isPanelRecipient(recipient: string): recipient is PanelRecipient {
  return recipient.startsWith('panel:');
}

/** The role of a recipient. */
export function roleOf(recipient: Recipient): Role {
  return isPanelRecipient(recipient) ? 'panelist' : recipient;
}

/** Everyone an interview's messages go to: the candidate, the recruiter, then each co-interviewer. */
export function recipientsOf(interview: Pick<Interview, 'coInterviewers'>): Recipient[] {
  return ['candidate', 'recruiter', ...interview.coInterviewers.map((p) => panelRecipient(p.email))];
}

/** The name and address a message to `recipient` goes to; undefined for a co-interviewer no longer on the panel. */
export function addresseeOf(interview: Interview, recipient: Recipient): { name: string; address: string } | undefined {
  if (recipient === 'candidate') return { name: interview.candidate.name, address: interview.candidate.email };
  if (recipient === 'recruiter') return { name: interview.recruiter.name, address: interview.recruiter.email };
  const person = interview.coInterviewers.find((p) => panelRecipient(p.email) === recipient);
  return person ? { name: person.name ?? person.email, address: person.email } : undefined;
}

type Delivery = Interview['invitations']['candidate'];

/** The delivery state of one recipient ('none' for a co-interviewer nothing was sent to yet). */
export function deliveryOf(interview: Pick<Interview, 'invitations'>, recipient: Recipient): Delivery {
  if (!isPanelRecipient(recipient)) return interview.invitations[recipient];
  return interview.invitations.panel?.[recipient.slice('panel:'.length)] ?? { state: 'none' };
}

import type { z } from 'zod';
import type { mailKindSchema } from '../../preload/contract/interview-schema';

/** What a message is about. */
export type MailKind = z.infer<typeof mailKindSchema>;
/** Who it is for. */
export type Recipient = 'candidate' | 'recruiter';
/** The calendar method each kind carries (a reminder repeats the current invitation). */
export const icsMethodFor: Record<MailKind, 'REQUEST' | 'CANCEL'> = { invitation: 'REQUEST', update: 'REQUEST', cancellation: 'CANCEL', reminder: 'REQUEST' };

import { hasEnded } from '../../../preload/shared/rules/interview-timing';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import type { InterviewChange } from '../../interviews/interview-commands';
import { panelChanged } from '../../interviews/interview-rules';
import { deliveryOf, panelRecipient, recipientsOf, type MailKind, type Recipient } from '../mail-kinds';
import { interviewerNames, type PreviousTime } from '../message-content';

/** One message to queue: its kind, for whom (everyone on the invitation when left out), and its "was". */
export interface MailRequest {
  kind: MailKind;
  recipients?: Recipient[];
  previous?: PreviousTime;
  /** A co-interviewer taken off the panel: their address, since the interview no longer holds it. */
  to?: { name: string; address: string };
}

// Holds the invitation: something went (or is going) to them, and the last of it was not a
// cancellation (a panelist taken off and put back is invited again, not sent updates).
export const hasBeenInvited = (interview: Interview, recipient: Recipient) => {
  const delivery = deliveryOf(interview, recipient);
  return ['queued', 'sent', 'failed'].includes(delivery.state) && delivery.kind !== 'cancellation';
};

/** Everyone on the invitation who holds it, each co-interviewer included, counted once with their own state. */
export const invitedOf = (interview: Interview): Recipient[] =>
  recipientsOf(interview).filter((r) => hasBeenInvited(interview, r));

/**
 * A panel changed after scheduling: whoever was taken off and had been invited gets a cancellation
 * (addressed from the earlier panel, which still knows them); whoever joined gets the invitation,
 * once the others have theirs (before that, the first round includes them anyway); everyone else
 * who holds the invitation gets an update naming the new panel, so no copy lists someone who left.
 */
function panelMail(interview: Interview, previous: Interview, announced: boolean): MailRequest[] {
  const mail: MailRequest[] = [];
  const now = new Set(interview.coInterviewers.map((p) => panelRecipient(p.email)));
  const before = new Set(previous.coInterviewers.map((p) => panelRecipient(p.email)));
  for (const person of previous.coInterviewers) {
    const recipient = panelRecipient(person.email);
    if (now.has(recipient) || !hasBeenInvited(interview, recipient)) continue;
    mail.push({
      kind: 'cancellation',
      recipients: [recipient],
      to: { name: person.name ?? person.email, address: person.email },
    });
  }
  const joined: Recipient[] = [...now].filter((r) => !before.has(r) && !hasBeenInvited(interview, r));
  if (announced && joined.length) mail.push({ kind: 'invitation', recipients: joined });
  // Only who is on the panel is news for everyone; a name given to an address already on it is not
  // worth an email to five people (the Calendar event and the next message carry it).
  if (now.size === before.size && [...now].every((r) => before.has(r))) return mail;
  const names = interviewerNames(previous);
  const staying = recipientsOf(interview).filter((r) => !joined.includes(r) && hasBeenInvited(interview, r));
  if (staying.length)
    mail.push({
      kind: 'update',
      recipients: staying,
      previous: { startUtc: previous.startUtc, durationMinutes: previous.durationMinutes, interviewers: names },
    });
  return mail;
}

/**
 * The recruiter sends a move or cancel made in Google Calendar: whoever holds the invitation gets
 * the update (saying the time they were last told) or the cancellation; on a move, whoever never
 * got the invitation (it was withdrawn before it went out) gets it now.
 */
function calendarChangeMail(interview: Interview, told: Interview, invited: Recipient[]): MailRequest[] {
  if (interview.status === 'cancelled') return invited.length ? [{ kind: 'cancellation', recipients: invited }] : [];
  const mail: MailRequest[] = [];
  if (invited.length)
    mail.push({
      kind: 'update',
      recipients: invited,
      previous: { startUtc: told.startUtc, durationMinutes: told.durationMinutes },
    });
  mail.push(...invitationsWithdrawn(interview, invited, mail));
  return mail;
}

/** The mail one interview change calls for, in the order it is queued; `invited` is who holds the invitation. */
export function mailForChange(change: InterviewChange, invited: Recipient[], now: number): MailRequest[] {
  const interview = change.interview;
  const previous = change.kind === 'scheduled' || change.kind === 'cancelled' ? undefined : change.previous;
  // A link pasted after Google's event lost its Meet link: whoever holds the invitation was sent an
  // earlier link, even though the interview no longer says which ('' below: "the earlier link").
  const lostLink = change.kind === 'relinked' && change.previous.meetLink === undefined && invited.length > 0;
  const relinked = (previous?.meetLink !== undefined && previous.meetLink !== interview.meetLink) || lostLink;
  if (change.kind === 'announced') return calendarChangeMail(interview, change.previous, invited);
  // A move or cancel made in Google Calendar is emailed only when the recruiter sends it from the room.
  if (change.kind === 'updated' && interview.google?.calendarChange && !panelChanged(change.previous, interview))
    return [];
  const mail: MailRequest[] = [];
  if (change.kind === 'cancelled') {
    // An interview whose time has passed is only marked cancelled: no one is emailed about the past.
    if (invited.length && !hasEnded(interview, now)) mail.push({ kind: 'cancellation', recipients: invited });
  } else if (previous && (change.kind === 'rescheduled' || relinked)) {
    // Whoever holds the invitation gets an update (same UID, higher SEQUENCE) saying what changed:
    // the time they were last told, and the old link when the Meet link changed.
    const told = {
      startUtc: previous.startUtc,
      durationMinutes: previous.durationMinutes,
      ...(relinked ? { meetLink: previous.meetLink ?? '' } : {}),
    };
    if (invited.length) mail.push({ kind: 'update', recipients: invited, previous: told });
  } else if (interview.status === 'scheduled' && interview.meetLink && invited.length === 0) {
    // Scheduled with a link, or its link just arrived: queued now, sent once the meeting is final.
    mail.push({ kind: 'invitation' });
  }
  if (previous && interview.status === 'scheduled') mail.push(...panelMail(interview, previous, invited.length > 0));
  if (previous?.google?.calendarChange && !interview.google?.calendarChange)
    mail.push(...invitationsWithdrawn(interview, invited, mail));
  return mail;
}

/**
 * Telling a move made in Google Calendar (Send update, or a new time, link or panel that tells it
 * with them): whoever never got the invitation, withdrawn unsent when the move was read, gets it now,
 * unless this change already invites them.
 */
function invitationsWithdrawn(interview: Interview, invited: Recipient[], queued: MailRequest[]): MailRequest[] {
  if (interview.status !== 'scheduled' || !interview.meetLink) return [];
  const inviting = queued
    .filter((m) => m.kind === 'invitation')
    .flatMap((m) => m.recipients ?? recipientsOf(interview));
  const never = recipientsOf(interview).filter((r) => !invited.includes(r) && !inviting.includes(r));
  return never.length ? [{ kind: 'invitation', recipients: never }] : [];
}

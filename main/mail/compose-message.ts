import type Mail from 'nodemailer/lib/mailer';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { buildInviteIcs } from './invite-ics';
import { addresseeOf, icsMethodFor, type MailKind, type Recipient } from './mail-kinds';
import { messageView, type MessageSettings, type MessageView, type PreviousTime } from './message-content';
import type { RenderedEmail } from './render-email';

/** The stable Message-ID of an outbox entry: the same on every retry of that message. */
export function messageIdFor(key: string): string {
  return `<${key}@interview-desk.app>`;
}

/**
 * One message as nodemailer options: multipart/mixed holding multipart/alternative (text, HTML and
 * `text/calendar; method=…`) plus an `invite.ics` attachment, the shape Gmail and Outlook show as an
 * invitation. Addresses go in as `{ name, address }` objects (already validated, one address each).
 */
export function composeInterviewMessage(input: {
  interview: Interview;
  kind: MailKind;
  recipient: Recipient;
  settings: MessageSettings;
  /** For an update: the time the person was last told, so the message can say what changed. */
  previous?: PreviousTime;
  /** Who it goes to when the interview no longer names them (a co-interviewer taken off the panel). */
  addressee?: { name: string; address: string };
  render: (view: MessageView) => RenderedEmail;
  key: string;
  from: { name: string; address: string };
  now: number;
  /** The recruiter's locale: the message writes its times in it. */
  locale?: string;
}): Mail.Options {
  const { interview, kind, recipient } = input;
  const view = messageView(
    interview,
    kind,
    recipient,
    input.settings,
    input.now,
    input.previous,
    input.addressee,
    input.locale,
  );
  const { html, text } = input.render(view);
  const ics = buildInviteIcs(interview, kind, input.now, recipient, input.addressee);
  const method = icsMethodFor[kind];
  const to = input.addressee ?? addresseeOf(interview, recipient);
  // A co-interviewer taken off the panel has no address left here: nothing may go to a guess.
  if (!to) throw new Error('This co-interviewer is no longer on the panel.');
  return {
    messageId: messageIdFor(input.key),
    from: input.from,
    to: [to],
    ...(recipient !== 'recruiter'
      ? { replyTo: { name: interview.recruiter.name, address: interview.recruiter.email } }
      : {}),
    subject: view.subject,
    text,
    html,
    // nodemailer puts this in the alternative as `text/calendar; method=…` and also attaches it as invite.ics.
    icalEvent: { method, content: ics, filename: 'invite.ics' },
    headers: { 'X-Interview-Desk-Interview': interview.id },
    date: new Date(input.now),
  };
}

/**
 * Sends the scorecard requests and reminders that are due for one interview, over the mail set-up
 * the invitations use (SMTP or Gmail), and records each outcome on the co-interviewer's row: when
 * asked or reminded, or why the email did not go and when it is tried again. A message that may
 * have reached them (the connection broke after it went out) counts as sent: never twice.
 */
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { plannedSpan } from '../../preload/shared/rules/interview-timing';
import type { Logger } from '../logging/logger';
import { MailSendError, type MailTransport } from '../mail/mail-transport';
import type { RenderedEmail } from '../mail/render-email';
import { isGoogleFormUrl } from '../security/url-policy';
import { composeScorecardRequest, type ScorecardRequestView } from '../mail/scorecard-request';
import type { PanelFormRow, PanelFormsRepository, RecipientRow } from './panel-forms-repository';
import { nextMail, type Attended } from './request-plan';

/** Sends failing this many times in a row are given up (the room says why). */
export const maxMailAttempts = 6;
const mailBackoffMs = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 60 * 60_000];
/** Mail not set up, or the server or Google unreachable: look again after this. */
const mailPausedMs = 10 * 60_000;
/** Said in the room when the stored form link is not one Google gives (the database edited or restored). */
export const badFormLinkProblem =
  'Not sent: the form link saved on this computer is not a Google Forms link, so it is not put in anyone’s email. Open the form from Google Drive to check it.';

export interface RequestSenderDeps {
  repository: PanelFormsRepository;
  mail: { transport(): Promise<MailTransport>; from(): { name: string; address: string } };
  settings: () => Pick<Settings, 'companyName' | 'brandColor'>;
  render: (view: ScorecardRequestView) => RenderedEmail;
  now: () => number;
  log: Logger;
  locale?: string;
  /** While a restored copy is under review: what was due by this time waits for the person. */
  heldUpTo?: () => number | undefined;
}

/** Whether a person's mail has been given up. */
export const mailGivenUp = (r: RecipientRow) => r.mailAttempts >= maxMailAttempts;

/**
 * The messages owed now to the co-interviewers of one interview. `heldUpTo`: while a restored copy
 * of the database is under review, what the copy says was due by then waits for the person (it may
 * have gone out after the copy was taken); only later messages are owed.
 */
export function dueRequests(
  interview: Interview,
  form: PanelFormRow,
  recipients: RecipientRow[],
  attended: (email: string) => Attended,
  now: number,
  heldUpTo?: number,
) {
  if (form.state !== 'ready' || !form.responderUri) return [];
  return owedBy(interview, recipients, attended, now).filter(
    ({ next }) => heldUpTo === undefined || next.dueMs > heldUpTo,
  );
}

/** The messages owed by `at` to whoever of `recipients` is still on the panel, form or not. */
export function owedBy(
  interview: Interview,
  recipients: RecipientRow[],
  attended: (email: string) => Attended,
  at: number,
) {
  const endMs = Date.parse(plannedSpan(interview).end);
  const onPanel = new Set(interview.coInterviewers.map((c) => c.email.toLowerCase()));
  return recipients.flatMap((r) => {
    // Taken off the panel since: nothing more goes to them.
    if (!onPanel.has(r.email) || mailGivenUp(r)) return [];
    const next = nextMail(endMs, r, attended(r.email));
    return next && next.dueMs <= at ? [{ person: r, next }] : [];
  });
}

/** Creates the sender: `send(interview, form, attended)` sends what is due now and answers how many went. */
export function createRequestSender(deps: RequestSenderDeps) {
  const { repository } = deps;

  return async function send(
    interview: Interview,
    form: PanelFormRow,
    attended: (email: string) => Attended,
  ): Promise<number> {
    const now = deps.now();
    const due = dueRequests(interview, form, repository.recipients(interview.id), attended, now, deps.heldUpTo?.());
    const formUrl = form.responderUri;
    if (due.length === 0) return 0;
    // Checked when the form was made, and again here: the stored link may have been changed since.
    if (!isGoogleFormUrl(formUrl)) {
      for (const { person } of due)
        repository.updateRecipient(interview.id, person.email, {
          mailProblem: badFormLinkProblem,
          mailRetryMs: now + mailPausedMs,
        });
      deps.log.warn(`scorecard requests for ${interview.id} not sent: the stored form link is not a Google Form's`);
      return 0;
    }
    let transport: MailTransport;
    let from: { name: string; address: string };
    try {
      from = deps.mail.from();
      transport = await deps.mail.transport();
    } catch (error) {
      for (const { person } of due)
        repository.updateRecipient(interview.id, person.email, {
          mailProblem: (error as Error).message,
          mailRetryMs: now + mailPausedMs,
        });
      deps.log.warn(`scorecard requests waiting: ${(error as Error).message}`);
      return 0;
    }
    let sent = 0;
    try {
      for (const { person, next } of due) {
        const message = composeScorecardRequest({
          interview,
          person,
          which: next.kind === 'ask' ? { kind: 'ask' } : { kind: 'reminder', number: next.number },
          formUrl,
          settings: deps.settings(),
          render: deps.render,
          from,
          now: deps.now(),
          ...(deps.locale ? { locale: deps.locale } : {}),
        });
        const at = deps.now();
        const done = next.kind === 'ask' ? { askedMs: at, reminders: 0 } : { remindedMs: at, reminders: next.number };
        try {
          await transport.send(message);
          repository.updateRecipient(interview.id, person.email, {
            ...done,
            mailAttempts: 0,
            mailRetryMs: undefined,
            mailProblem: undefined,
          });
          sent++;
          deps.log.info(`scorecard ${next.kind} sent for ${interview.id}`);
        } catch (error) {
          const failure = error instanceof MailSendError ? error : new MailSendError((error as Error).message, true);
          if (failure.mayHaveBeenSent) {
            repository.updateRecipient(interview.id, person.email, {
              ...done,
              mailAttempts: 0,
              mailRetryMs: undefined,
              mailProblem: `The email may have been sent (the connection broke as it went): ${failure.message}`,
            });
            continue;
          }
          const attempts = failure.pausesOutbox
            ? person.mailAttempts
            : failure.temporary
              ? person.mailAttempts + 1
              : maxMailAttempts;
          repository.updateRecipient(interview.id, person.email, {
            mailAttempts: attempts,
            mailRetryMs:
              attempts >= maxMailAttempts
                ? undefined
                : at +
                  (failure.pausesOutbox
                    ? mailPausedMs
                    : mailBackoffMs[Math.min(attempts - 1, mailBackoffMs.length - 1)]!),
            mailProblem: failure.message,
          });
          deps.log.warn(`scorecard ${next.kind} for ${interview.id} not sent: ${failure.message}`);
          // The server or the account must come back first: the others wait too.
          if (failure.pausesOutbox) break;
        }
      }
    } finally {
      transport.close();
    }
    return sent;
  };
}

/** One interview's request sender. */
export type RequestSender = ReturnType<typeof createRequestSender>;

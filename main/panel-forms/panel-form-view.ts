/**
 * The room's view of one interview's panel form, from what is stored: the form's state, and per
 * co-interviewer whether they attended, were asked, reminded, answered, and what comes next. Pure.
 */
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type {
  PanelFormsConnection,
  PanelFormView,
  PanelPerson,
} from '../../preload/shared/contract/panel-forms-schema';
import { plannedSpan } from '../../preload/shared/rules/interview-timing';
import type { PanelFormRow, RecipientRow } from './panel-forms-repository';
import { isGoogleFormUrl } from '../security/url-policy';
import { mailGivenUp } from './request-sender';
import { askDelayMs, nextMail, type Attended } from './request-plan';

/** Said of a person whose email waits in the restore review. */
export const heldForReviewWords = 'Waiting for your decision on the restored copy';

/** Whether an interview gets a panel form: the recruiter's own, going ahead, with a panel. */
export function hasPanelForm(interview: Interview): boolean {
  return interview.origin === 'recruiter' && interview.status === 'scheduled' && interview.coInterviewers.length > 0;
}

/** Builds the view. */
export function panelFormView(input: {
  interview: Interview;
  connection: PanelFormsConnection;
  form: PanelFormRow | undefined;
  recipients: RecipientRow[];
  attended: (email: string) => Attended;
  now: number;
  /** While a restored copy is under review: what was due by then waits for the recruiter's decision. */
  heldUpTo?: number;
}): PanelFormView {
  const { interview, form, now } = input;
  const at = (ms: number) => new Date(ms).toISOString();
  const applies = hasPanelForm(interview);
  const endMs = Date.parse(plannedSpan(interview).end);
  const ended = endMs <= now;
  const state: PanelFormView['form']['state'] = !ended
    ? 'not_yet'
    : form
      ? form.state
      : input.connection === 'connected'
        ? 'creating'
        : 'needs_scope';
  const stored = new Map(input.recipients.map((r) => [r.email, r]));
  // Everyone on the panel now, then anyone asked before being taken off it.
  const rows: RecipientRow[] = [
    ...interview.coInterviewers.map(
      (c) =>
        stored.get(c.email.toLowerCase()) ?? {
          email: c.email.toLowerCase(),
          name: c.name?.trim() || c.email,
          reminders: 0,
          mailAttempts: 0,
        },
    ),
    ...input.recipients.filter((r) => !interview.coInterviewers.some((c) => c.email.toLowerCase() === r.email)),
  ];
  const people = rows.map((r): PanelPerson => {
    const attended = input.attended(r.email);
    const next = state === 'ready' || state === 'creating' ? nextMail(endMs, r, attended) : undefined;
    const status: PanelPerson['status'] =
      r.receivedMs !== undefined
        ? 'received'
        : mailGivenUp(r)
          ? 'failed'
          : r.remindedMs !== undefined
            ? 'reminded'
            : r.askedMs !== undefined
              ? 'asked'
              : attended === 'no'
                ? 'skipped'
                : 'waiting';
    // A past "to be asked" time would say it is late; it waits in the restore review instead.
    const held = next !== undefined && input.heldUpTo !== undefined && next.dueMs <= input.heldUpTo;
    return {
      email: r.email,
      name: r.name,
      attended,
      status,
      ...(r.askedMs !== undefined ? { askedAt: at(r.askedMs) } : {}),
      ...(r.remindedMs !== undefined ? { remindedAt: at(r.remindedMs) } : {}),
      reminders: r.reminders,
      ...(r.receivedMs !== undefined ? { receivedAt: at(r.receivedMs) } : {}),
      ...(next && status !== 'failed' && !held
        ? { nextAt: at(next.dueMs) }
        : !ended && r.askedMs === undefined && attended !== 'no'
          ? { nextAt: at(endMs + askDelayMs) }
          : {}),
      ...(held && status !== 'failed'
        ? { problem: heldForReviewWords }
        : r.mailProblem
          ? { problem: r.mailProblem }
          : {}),
    };
  });
  return {
    interviewId: interview.id,
    applies,
    connection: input.connection,
    form: {
      state,
      ...(isGoogleFormUrl(form?.responderUri) && form.state !== 'creating' ? { responderUri: form.responderUri } : {}),
      ...(form?.formId && form.state !== 'gone'
        ? { editUri: `https://docs.google.com/forms/d/${form.formId}/edit` }
        : {}),
      ...(form?.reason ? { message: form.reason } : {}),
      ...(form?.readMs !== undefined ? { checkedAt: at(form.readMs) } : {}),
    },
    people,
  };
}

/**
 * Scorecard emails a restored copy of the database says were due: the copy's recipient rows may say
 * "not asked yet" of someone asked after the copy was taken, so what was due by the restore waits in
 * the restore review like the outbox's mail. Send lets it go (tried again from now on); Drop counts it
 * as sent, so the series goes on with the next reminder a day later. What falls due after the restore
 * could not have gone out before it, and goes as usual. A mark this version cannot read does not say
 * when the copy came: then everything due by the time this run first saw the mark waits too.
 */
import type { RestorePending } from '../../preload/shared/contract/ipc-contract';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { unknownRestoreTime } from '../database/restore-hold';
import { droppedAfterRestore } from '../../preload/shared/rules/dropped-after-restore';
import { personName } from '../../preload/shared/rules/person-name';
import type { PanelFormsRepository } from './panel-forms-repository';
import type { Attended } from './request-plan';
import { dueRequests, owedBy } from './request-sender';

/** Keys of held scorecard emails: `scorecard:<interview>:<0 for the ask, else the reminder's number>:<email>`. */
const keyPattern = /^scorecard:([^:]+):(\d):(.+)$/;

/** The review's key for one held scorecard email. */
export const heldScorecardKey = (interviewId: string, number: number, email: string) =>
  `scorecard:${interviewId}:${number}:${email}`;

/**
 * Up to when a restored copy holds scorecard emails: when it was restored, or — for a mark this
 * version cannot read (a newer version's, or garbage) — the instant it was first seen, so that
 * whatever may have gone out before waits for the person like the outbox's mail (which then holds
 * everything), while what falls due later goes. That instant is saved beside the mark (`unknownSeenAt`
 * records it the first time), so it stays across restarts and Send lets an email go.
 */
export function heldScorecardsUpTo(
  restoredAt: () => number | undefined,
  unknownSeenAt: () => number,
): () => number | undefined {
  const upTo = () => {
    const at = restoredAt();
    return at === unknownRestoreTime ? unknownSeenAt() : at;
  };
  // Read at once: what was due when it was first seen counts as the copy's.
  upTo();
  return upTo;
}

/** The scorecard emails held by a restored copy, as the restore review lists and decides them. */
export interface HeldScorecardMail {
  /** Whether a key names a held scorecard email (the others are the outbox's). */
  owns(key: string): boolean;
  messages(): RestorePending['messages'];
  /** Lets the chosen emails go; answers how many of them were still held. */
  send(keys: string[]): number;
  /** Counts the chosen emails as sent without sending them; answers how many were still held. */
  drop(keys: string[]): number;
  /** Whether an interview's form waits for the review: none yet, and its asks were due before the restore. */
  holdsForm(interview: Interview): boolean;
}

export interface HeldScorecardMailDeps {
  repository: PanelFormsRepository;
  /** Interviews whose panel may still be emailed (ended recently, with a panel). */
  recentlyEnded: (now: number) => Interview[];
  attendedIn: (interview: Interview) => (email: string) => Attended;
  /** When the copy was restored, while its hold is pending. */
  heldUpTo: () => number | undefined;
  now: () => number;
}

/** Creates the held list over the panel forms' tables. */
export function createHeldScorecardMail(deps: HeldScorecardMailDeps): HeldScorecardMail {
  const { repository } = deps;

  /**
   * No form in the copy, yet its asks were due by the restore: the form may have been made and the
   * panel asked after the copy was taken. Listed per co-interviewer; the form waits for the decision.
   */
  const formlessHeld = (interview: Interview, upTo: number) => {
    const stored = new Map(repository.recipients(interview.id).map((r) => [r.email, r]));
    const panel = interview.coInterviewers.map((c) => {
      const email = c.email.toLowerCase();
      return stored.get(email) ?? { email, name: c.name?.trim() || c.email, reminders: 0, mailAttempts: 0 };
    });
    return owedBy(interview, panel, deps.attendedIn(interview), upTo);
  };

  const heldIn = (interview: Interview, upTo: number) => {
    const form = repository.form(interview.id);
    // What the copy says was due by the restore: `dueRequests` as of that moment.
    return form
      ? dueRequests(interview, form, repository.recipients(interview.id), deps.attendedIn(interview), upTo)
      : formlessHeld(interview, upTo);
  };

  const held = () => {
    const upTo = deps.heldUpTo();
    if (upTo === undefined) return [];
    return deps.recentlyEnded(deps.now()).flatMap((interview) =>
      heldIn(interview, upTo).map(({ person, next }) => ({
        key: heldScorecardKey(interview.id, next.kind === 'ask' ? 0 : next.number, person.email),
        interview,
        person,
        next,
      })),
    );
  };

  /** The recipients' rows exist before a decision is written to them (a form-less interview may have none yet). */
  const ensureRows = (interview: Interview) =>
    repository.syncRecipients(
      interview.id,
      interview.coInterviewers.map((c) => ({ email: c.email, name: c.name?.trim() || c.email })),
    );

  const chosen = (keys: string[]) => {
    const wanted = new Set(keys);
    return held().filter((h) => wanted.has(h.key));
  };

  return {
    owns: (key) => keyPattern.test(key),
    messages: () =>
      held().map(({ key, interview, person, next }) => ({
        key,
        interviewId: interview.id,
        kind: next.kind === 'ask' ? 'scorecard_request' : 'scorecard_reminder',
        recipientName: person.name,
        candidateName: personName(interview.candidate),
        jobTitle: interview.jobTitle,
        queuedAt: new Date(next.dueMs).toISOString(),
        oldTime: false,
      })),
    send(keys) {
      const found = chosen(keys);
      // Due again from now: past the restore, so no longer held, and the next pass sends it.
      const from = Math.max(deps.now(), (deps.heldUpTo() ?? 0) + 1);
      for (const { interview, person } of found) {
        ensureRows(interview);
        repository.updateRecipient(interview.id, person.email, { mailRetryMs: from });
      }
      return found.length;
    },
    drop(keys) {
      const found = chosen(keys);
      const at = deps.now();
      for (const { interview, person, next } of found) {
        ensureRows(interview);
        repository.updateRecipient(interview.id, person.email, {
          ...(next.kind === 'ask' ? { askedMs: at, reminders: 0 } : { remindedMs: at, reminders: next.number }),
          mailRetryMs: undefined,
          mailProblem: `Not sent again: ${droppedAfterRestore}, so counted as sent.`,
        });
      }
      return found.length;
    },
    holdsForm(interview) {
      const upTo = deps.heldUpTo();
      return upTo !== undefined && !repository.form(interview.id) && formlessHeld(interview, upTo).length > 0;
    },
  };
}

/**
 * Reads one form's responses back from Google and keeps each co-interviewer's as their scorecard
 * (a changed response updates it, marked edited). Read while the app runs: every few minutes while
 * someone has not answered, a few times a day once all have (to catch edits), backing off when
 * Google has trouble; a deleted form keeps what was read. Nothing stored is lost to a failure.
 */
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { plannedSpan } from '../../preload/shared/rules/interview-timing';
import { backoffDelay, GoogleCallError } from '../google/api/retry-policy';
import { describeGoogleError } from '../google/api/google-errors';
import { toGoogleRequestError } from '../google/api/google-request-error';
import type { Database } from '../database/database';
import type { Logger } from '../logging/logger';
import { DeskFailure } from '../shared/desk-failure';
import { reconnectFailure } from './form-maker';
import type { FormsClient } from './forms-client';
import type { PanelFormRow, PanelFormsRepository } from './panel-forms-repository';
import { scorecardFromResponse } from './response-scorecard';

/** How often responses are read. */
export interface ReadPacing {
  /** While someone has not answered (default 10 min). */
  waitingMs: number;
  /** Once everyone has (default 6 h): edits still come in. */
  settledMs: number;
  /** Nothing is read on its own this long after the interview's end (default 30 days); "Check now" still reads. */
  followMs: number;
  /** Backoff after a failed read (default 1 min, doubling, at most 2 h). */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultReadPacing: ReadPacing = {
  waitingMs: 10 * 60_000,
  settledMs: 6 * 3_600_000,
  followMs: 30 * 86_400_000,
  baseDelayMs: 60_000,
  maxDelayMs: 2 * 3_600_000,
};

/** Said in the room when the form lets respondents give any address: whose answer is whose cannot be told. */
export const unverifiedFormReason =
  "The form no longer records verified addresses: answers are not read. Turn on 'Verified' in the form's settings.";

/** "Never on its own" as a read time. */
const never = Number.MAX_SAFE_INTEGER;

export interface ResponseReaderDeps {
  client: FormsClient;
  repository: PanelFormsRepository;
  database: Database;
  markNeedsReconnect: (reason: string) => void;
  now: () => number;
  log: Logger;
  pacing?: Partial<ReadPacing>;
  random?: () => number;
}

/** What one read changed: whether any scorecard did. */
export interface ReadOutcome {
  scorecardsChanged: boolean;
}

/** Creates the reader: `read(interview, form)` reads once and records the outcome on the form's row. */
export function createResponseReader(deps: ResponseReaderDeps) {
  const pacing = { ...defaultReadPacing, ...deps.pacing };
  const { repository } = deps;

  return async function read(interview: Interview, form: PanelFormRow): Promise<ReadOutcome> {
    if (!form.formId || !form.blueprint || form.state !== 'ready') return { scorecardsChanged: false };
    const now = deps.now();
    const endMs = Date.parse(plannedSpan(interview).end);
    const nextRead = (everyone: boolean) =>
      now > endMs + pacing.followMs ? never : now + (everyone ? pacing.settledMs : pacing.waitingMs);
    try {
      // Who answered is known only from the verified address: without it one panelist could answer as another.
      if (!(await deps.client.collectsVerifiedEmail(form.formId))) {
        repository.saveForm({
          ...form,
          nextReadMs: nextRead(false),
          readAttempts: 0,
          reason: unverifiedFormReason,
          updatedMs: now,
        });
        return { scorecardsChanged: false };
      }
      const { responses, malformed } = await deps.client.responses(form.formId, form.cursor);
      const recipients = repository.recipients(interview.id);
      const problems: string[] = [];
      let changed = false;
      let cursor = form.cursor;
      for (const response of [...responses].sort((a, b) => a.lastSubmittedTime.localeCompare(b.lastSubmittedTime))) {
        if (!cursor || response.lastSubmittedTime > cursor) cursor = response.lastSubmittedTime;
        const email = response.respondentEmail?.toLowerCase();
        const person = email ? recipients.find((r) => r.email === email) : undefined;
        if (!person) {
          problems.push('A response came from someone who is not on the panel; it is not kept.');
          continue;
        }
        const previous = repository.formScorecard(interview.id, person.email);
        if (previous?.updatedAt === response.lastSubmittedTime) continue;
        const reading = scorecardFromResponse({
          interviewId: interview.id,
          response,
          blueprint: form.blueprint,
          author: person,
          ...(previous ? { previous } : {}),
        });
        if (!reading.ok) {
          problems.push(`${person.name}'s response could not be read: ${reading.reason}`);
          continue;
        }
        if (reading.ignored.length)
          problems.push(
            `${person.name}'s answer to ${reading.ignored.join(', ')} is not one the form offers; it is left out.`,
          );
        deps.database.transaction(() => {
          repository.putFormScorecard(reading.scorecard);
          repository.updateRecipient(interview.id, person.email, {
            receivedMs: person.receivedMs ?? Date.parse(response.createTime),
            responseId: response.responseId,
          });
        });
        changed = true;
      }
      if (malformed)
        problems.push(`Google sent ${malformed} response${malformed === 1 ? '' : 's'} Interview Desk could not read.`);
      const everyone = repository.recipients(interview.id).every((r) => r.receivedMs !== undefined);
      const next = nextRead(everyone);
      const row: PanelFormRow = {
        ...form,
        state: 'ready',
        nextReadMs: next,
        readAttempts: 0,
        readMs: now,
        ...(cursor ? { cursor } : {}),
        updatedMs: now,
      };
      delete row.reason;
      if (problems.length) row.reason = [...new Set(problems)].join(' ');
      repository.saveForm(row);
      return { scorecardsChanged: changed };
    } catch (caught) {
      const unwrapped = caught instanceof Error && caught.cause instanceof DeskFailure ? caught.cause : caught;
      if (unwrapped instanceof DeskFailure) throw unwrapped;
      const failure = toGoogleRequestError(caught);
      const attempts = form.readAttempts + 1;
      const save = (patch: Partial<PanelFormRow>) =>
        repository.saveForm({ ...form, readAttempts: attempts, updatedMs: now, ...patch });
      deps.log.warn(`panel form responses not read (${failure.kind}, attempt ${attempts}): ${failure.message}`);
      switch (failure.kind) {
        case 'needs_reconnect':
          deps.markNeedsReconnect(failure.message);
          save({ reason: 'Google access has expired or was revoked: reconnect to read the panel’s responses.' });
          throw reconnectFailure();
        case 'not_found':
          save({
            state: 'gone',
            nextReadMs: never,
            reason:
              'The Google Form was deleted in Google Drive. The scorecards already read are kept; no more requests or reminders go out.',
          });
          break;
        case 'scope_missing':
          save({
            nextReadMs: now + pacing.maxDelayMs,
            reason:
              'Google did not grant Interview Desk access to Google Forms. Connect Google Forms to read the responses.',
          });
          break;
        case 'forbidden':
          save({
            nextReadMs: now + pacing.maxDelayMs,
            reason:
              'Google Forms did not let this account read the form’s responses: only the account that made it can.',
          });
          break;
        default:
          save({
            nextReadMs:
              now +
              Math.max(
                1_000,
                backoffDelay(
                  attempts,
                  failure.cause instanceof GoogleCallError ? failure.cause.failure : describeGoogleError(failure.cause),
                  {
                    baseDelayMs: pacing.baseDelayMs,
                    maxDelayMs: pacing.maxDelayMs,
                    random: deps.random ?? Math.random,
                  },
                ),
              ),
            reason: 'Google Forms could not be reached; the responses are read again on their own.',
          });
      }
      return { scorecardsChanged: false };
    }
  };
}

/** One form's response reader. */
export type ResponseReader = ReturnType<typeof createResponseReader>;

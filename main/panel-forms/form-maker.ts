/**
 * Makes one interview's panel form, step by step and safe to resume: create it (title only,
 * unpublished), add the questions and settings in one batch, learn the question ids Google gave,
 * publish it. Each step's outcome is stored before the next, so a failure (or the app closing)
 * resumes where it stopped and never makes a second form or a second set of questions.
 */
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { ScorecardTemplate } from '../../preload/shared/contract/scorecard-schema';
import { formatInstantParts, timeStyleOf } from '../../preload/shared/rules/time-format';
import { backoffDelay, GoogleCallError } from '../google/api/retry-policy';
import { describeGoogleError } from '../google/api/google-errors';
import { toGoogleRequestError } from '../google/api/google-request-error';
import { DeskFailure } from '../shared/desk-failure';
import {
  buildRequests,
  formDocumentTitle,
  formTitle,
  plannedQuestions,
  questionMap,
  type FormSubject,
} from './form-building';
import type { FormsClient } from './forms-client';
import type { PanelFormRow, PanelFormsRepository } from './panel-forms-repository';

export interface FormMakerDeps {
  client: FormsClient;
  repository: PanelFormsRepository;
  templateFor: (jobTitle: string) => ScorecardTemplate;
  markNeedsReconnect: (reason: string) => void;
  now: () => number;
  locale?: string;
  /** Backoff between failed attempts (default 1 min, doubling, at most 1 h). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

/** The interview's day in the one time format, without the time ("Monday 7 December 2026"). */
function dayOf(interview: Interview, locale?: string): string {
  const parts = formatInstantParts(interview.startUtc, interview.timeZone, timeStyleOf(locale), { date: 'long' });
  const hour = parts.findIndex((p) => p.type === 'hour');
  return parts
    .slice(0, hour < 0 ? parts.length : hour)
    .map((p) => p.value)
    .join('')
    .replace(/[\s,]*(at)?\s*$/u, '');
}

/** The words a form's subject is written in. */
export function formSubject(interview: Interview, locale?: string): FormSubject {
  return {
    candidateName: interview.candidate.name,
    jobTitle: interview.jobTitle,
    recruiterName: interview.recruiter.name,
    day: dayOf(interview, locale),
  };
}

/** Thrown when Google access must be reconnected: nothing more is tried until then. */
export const reconnectFailure = () =>
  new DeskFailure(
    'needs_reconnect',
    'Google access has expired or was revoked. Reconnect your Google account; the panel forms are kept.',
  );

/** Creates the maker: `make(interview)` moves the interview's form on as far as it can and answers its row. */
export function createFormMaker(deps: FormMakerDeps) {
  const { client, repository } = deps;
  const save = (row: PanelFormRow) => {
    repository.saveForm(row);
    return row;
  };

  return async function make(interview: Interview): Promise<PanelFormRow> {
    const now = deps.now();
    let row: PanelFormRow = repository.form(interview.id) ?? {
      interviewId: interview.id,
      state: 'creating',
      nextReadMs: 0,
      readAttempts: 0,
      updatedMs: now,
    };
    if (row.state !== 'creating' || row.nextReadMs > now) return row;
    const subject = formSubject(interview, deps.locale);
    try {
      if (!row.formId || !row.blueprint) {
        // The template as it is now is the form's for good: later edits of the template never change it.
        const template = deps.templateFor(interview.jobTitle);
        const created = await client.create(formTitle(subject), formDocumentTitle(subject));
        row = save({
          ...row,
          formId: created.formId,
          responderUri: created.responderUri,
          blueprint: { templateName: template.name, criteria: template.criteria, questions: {} },
          updatedMs: deps.now(),
        });
      }
      const formId = row.formId!;
      const planned = plannedQuestions(row.blueprint!.criteria);
      let items = await client.items(formId);
      if (items.length === 0) {
        await client.batchUpdate(formId, buildRequests(subject, planned));
        items = await client.items(formId);
      }
      const questions = questionMap(planned, items);
      if (!questions)
        return save({
          ...row,
          state: 'failed',
          reason:
            'The Google Form was changed before Interview Desk finished it, so its answers cannot be read as scorecards. Delete it in Google Drive; a new one is not made on its own.',
          updatedMs: deps.now(),
        });
      await client.publish(formId);
      const done: PanelFormRow = {
        ...row,
        state: 'ready',
        blueprint: { ...row.blueprint!, questions },
        nextReadMs: deps.now(),
        readAttempts: 0,
        updatedMs: deps.now(),
      };
      delete done.reason;
      return save(done);
    } catch (caught) {
      const unwrapped = caught instanceof Error && caught.cause instanceof DeskFailure ? caught.cause : caught;
      if (unwrapped instanceof DeskFailure) throw unwrapped;
      const failure = toGoogleRequestError(caught);
      const attempts = row.readAttempts + 1;
      const later = (reason: string, delay: number) =>
        save({ ...row, readAttempts: attempts, nextReadMs: deps.now() + delay, reason, updatedMs: deps.now() });
      switch (failure.kind) {
        case 'needs_reconnect':
          deps.markNeedsReconnect(failure.message);
          throw reconnectFailure();
        case 'scope_missing':
          return later(
            'Google did not grant Interview Desk access to Google Forms. Connect Google Forms to try again.',
            3_600_000,
          );
        case 'not_found':
          // Deleted while it was being made: the next attempt starts a new one.
          return save({
            interviewId: row.interviewId,
            state: 'creating',
            nextReadMs: deps.now(),
            readAttempts: attempts,
            reason: 'The Google Form was deleted before it was ready; a new one is being made.',
            updatedMs: deps.now(),
          });
        case 'unavailable':
          return later(
            'Google Forms could not be reached; Interview Desk tries again on its own.',
            backoffDelay(
              attempts,
              failure.cause instanceof GoogleCallError ? failure.cause.failure : describeGoogleError(failure.cause),
              {
                baseDelayMs: deps.baseDelayMs ?? 60_000,
                maxDelayMs: deps.maxDelayMs ?? 3_600_000,
                random: deps.random ?? Math.random,
              },
            ) ||
              (deps.baseDelayMs ?? 60_000),
          );
        default:
          return save({
            ...row,
            state: 'failed',
            readAttempts: attempts,
            reason: `Google Forms refused the panel's form: ${failure.message}`,
            updatedMs: deps.now(),
          });
      }
    }
  };
}

/** One interview's form maker. */
export type FormMaker = ReturnType<typeof createFormMaker>;

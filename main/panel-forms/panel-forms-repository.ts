/**
 * The panel forms in SQLite: one `panel_forms` row per interview (the form, where it stands, what it
 * was built from, when responses are read next), one `panel_form_recipients` row per co-interviewer
 * (asked, reminded, received, the last mail problem), and the co-interviewers' scorecards as
 * `scorecards` rows with `source 'form'`. Everything cascades with its interview.
 */
import { z } from 'zod';
import type { Database } from '../database/database';
import { readStoredRecord } from '../database/stored-record';
import { criterionSchema, scorecardSchema, type Scorecard } from '../../preload/shared/contract/scorecard-schema';
import type { FormBlueprint, QuestionKey } from './form-building';

/** Where a stored form stands (`needs_scope` and `not_yet` are never stored: they are the absence of a row). */
export type StoredFormState = 'creating' | 'ready' | 'failed' | 'gone';

/** One interview's form. */
export interface PanelFormRow {
  interviewId: string;
  formId?: string;
  responderUri?: string;
  state: StoredFormState;
  blueprint?: FormBlueprint;
  reason?: string;
  nextReadMs: number;
  readAttempts: number;
  readMs?: number;
  /** The latest `lastSubmittedTime` read: the next read asks only for what came after. */
  cursor?: string;
  updatedMs: number;
}

/** One co-interviewer of a form. */
export interface RecipientRow {
  email: string;
  name: string;
  askedMs?: number;
  remindedMs?: number;
  reminders: number;
  receivedMs?: number;
  responseId?: string;
  mailAttempts: number;
  mailRetryMs?: number;
  mailProblem?: string;
}

const blueprintSchema = z.object({
  templateName: z.string(),
  criteria: z.array(criterionSchema),
  questions: z.record(z.string(), z.string().regex(/^(rating:|note:)[a-z0-9-]{1,40}$|^overall$|^takeaways$/)),
});

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));

function readBlueprint(raw: unknown): FormBlueprint | undefined {
  // An empty blueprint ('{}', the form not made yet) reads as none.
  const parsed = readStoredRecord(blueprintSchema, raw, () => undefined);
  return parsed ? { ...parsed, questions: parsed.questions as Record<string, QuestionKey> } : undefined;
}

/** The tables' reads and writes. */
export interface PanelFormsRepository {
  form(interviewId: string): PanelFormRow | undefined;
  saveForm(row: PanelFormRow): void;
  /** Forms whose responses are due to be read by `now`. */
  dueReads(now: number): string[];
  /** The earliest read due among ready forms. */
  nextReadMs(): number | undefined;
  recipients(interviewId: string): RecipientRow[];
  /**
   * Makes the recipients the current panel: newcomers added, names refreshed; someone taken off the
   * panel is removed unless they were already asked (what went out stays on record).
   */
  syncRecipients(interviewId: string, panel: Array<{ email: string; name: string }>): void;
  updateRecipient(interviewId: string, email: string, patch: Partial<Omit<RecipientRow, 'email'>>): void;
  /** A co-interviewer's scorecard read from the form. */
  formScorecard(interviewId: string, email: string): Scorecard | undefined;
  putFormScorecard(scorecard: Scorecard): void;
}

/** Creates the repository over the app database. */
export function createPanelFormsRepository(db: Database): PanelFormsRepository {
  const readForm = (r: Row): PanelFormRow => {
    const blueprint = readBlueprint(r.questions);
    return {
      interviewId: String(r.interview_id),
      ...(r.form_id != null ? { formId: String(r.form_id) } : {}),
      ...(r.responder_uri != null ? { responderUri: String(r.responder_uri) } : {}),
      state: String(r.state) as StoredFormState,
      ...(blueprint ? { blueprint } : {}),
      ...(r.reason != null ? { reason: String(r.reason) } : {}),
      nextReadMs: Number(r.next_read_ms),
      readAttempts: Number(r.read_attempts),
      ...(r.read_ms != null ? { readMs: Number(r.read_ms) } : {}),
      ...(r.response_cursor != null ? { cursor: String(r.response_cursor) } : {}),
      updatedMs: Number(r.updated_ms),
    };
  };
  const readRecipient = (r: Row): RecipientRow => {
    const out: RecipientRow = {
      email: String(r.email),
      name: String(r.name),
      reminders: Number(r.reminders),
      mailAttempts: Number(r.mail_attempts),
    };
    const optional = {
      askedMs: num(r.asked_ms),
      remindedMs: num(r.reminded_ms),
      receivedMs: num(r.received_ms),
      responseId: str(r.response_id),
      mailRetryMs: num(r.mail_retry_ms),
      mailProblem: str(r.mail_problem),
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(out, { [key]: value });
    return out;
  };
  const recipientColumns: Record<keyof Omit<RecipientRow, 'email'>, string> = {
    name: 'name',
    askedMs: 'asked_ms',
    remindedMs: 'reminded_ms',
    reminders: 'reminders',
    receivedMs: 'received_ms',
    responseId: 'response_id',
    mailAttempts: 'mail_attempts',
    mailRetryMs: 'mail_retry_ms',
    mailProblem: 'mail_problem',
  };

  return {
    form(interviewId) {
      const row = db.prepare('SELECT * FROM panel_forms WHERE interview_id = ?').get(interviewId);
      return row ? readForm(row) : undefined;
    },
    saveForm(f) {
      db.prepare(
        `INSERT INTO panel_forms (interview_id, form_id, responder_uri, state, questions, reason, next_read_ms,
           read_attempts, read_ms, response_cursor, updated_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (interview_id) DO UPDATE SET form_id = excluded.form_id, responder_uri = excluded.responder_uri,
           state = excluded.state, questions = excluded.questions, reason = excluded.reason,
           next_read_ms = excluded.next_read_ms, read_attempts = excluded.read_attempts, read_ms = excluded.read_ms,
           response_cursor = excluded.response_cursor, updated_ms = excluded.updated_ms`,
      ).run(
        f.interviewId,
        f.formId ?? null,
        f.responderUri ?? null,
        f.state,
        JSON.stringify(f.blueprint ?? {}),
        f.reason ?? null,
        f.nextReadMs,
        f.readAttempts,
        f.readMs ?? null,
        f.cursor ?? null,
        f.updatedMs,
      );
    },
    dueReads(now) {
      return db
        .prepare(
          "SELECT interview_id FROM panel_forms WHERE state = 'ready' AND next_read_ms <= ? ORDER BY next_read_ms",
        )
        .all(now)
        .map((r) => String(r.interview_id));
    },
    nextReadMs() {
      const row = db.prepare("SELECT MIN(next_read_ms) AS next FROM panel_forms WHERE state = 'ready'").get();
      return num(row?.next);
    },
    recipients(interviewId) {
      return db
        .prepare('SELECT * FROM panel_form_recipients WHERE interview_id = ? ORDER BY rowid')
        .all(interviewId)
        .map(readRecipient);
    },
    syncRecipients(interviewId, panel) {
      db.transaction(() => {
        const current = new Set(panel.map((p) => p.email.toLowerCase()));
        for (const p of panel)
          db.prepare(
            `INSERT INTO panel_form_recipients (interview_id, email, name) VALUES (?, ?, ?)
             ON CONFLICT (interview_id, email) DO UPDATE SET name = excluded.name`,
          ).run(interviewId, p.email.toLowerCase(), p.name);
        for (const r of db
          .prepare('SELECT email, asked_ms FROM panel_form_recipients WHERE interview_id = ?')
          .all(interviewId))
          if (!current.has(String(r.email)) && r.asked_ms == null)
            db.prepare('DELETE FROM panel_form_recipients WHERE interview_id = ? AND email = ?').run(
              interviewId,
              String(r.email),
            );
      });
    },
    updateRecipient(interviewId, email, patch) {
      const entries = Object.entries(patch) as Array<[keyof typeof recipientColumns, string | number | undefined]>;
      if (entries.length === 0) return;
      db.prepare(
        `UPDATE panel_form_recipients SET ${entries.map(([k]) => `${recipientColumns[k]} = ?`).join(', ')}
         WHERE interview_id = ? AND email = ?`,
      ).run(...entries.map(([, v]) => v ?? null), interviewId, email.toLowerCase());
    },
    formScorecard(interviewId, email) {
      const row = db
        .prepare("SELECT record FROM scorecards WHERE interview_id = ? AND author_email = ? AND source = 'form'")
        .get(interviewId, email.toLowerCase());
      return row ? readStoredRecord(scorecardSchema, row.record, () => undefined) : undefined;
    },
    putFormScorecard(scorecard) {
      const valid = scorecardSchema.parse(scorecard);
      // The recruiter's own row (source 'app') is never overwritten by a form response under the same address.
      db.prepare(
        `INSERT INTO scorecards (interview_id, author_email, source, state, record, submitted_ms, updated_ms)
         VALUES (?, ?, 'form', 'submitted', ?, ?, ?)
         ON CONFLICT (interview_id, author_email) DO UPDATE SET record = excluded.record,
           submitted_ms = excluded.submitted_ms, updated_ms = excluded.updated_ms
         WHERE scorecards.source = 'form'`,
      ).run(
        valid.interviewId,
        valid.author.email.toLowerCase(),
        JSON.stringify(valid),
        valid.submittedAt ? Date.parse(valid.submittedAt) : null,
        Date.parse(valid.updatedAt),
      );
    },
  };
}

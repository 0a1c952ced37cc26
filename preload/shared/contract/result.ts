/** Error codes the main process may answer with; the renderer maps each to plain words. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unavailable'
  | 'needs_reconnect'
  | 'keychain_unavailable'
  | 'internal';

/** One field's refusal, worded for the person filling the form (the field named as its label does). */
export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * A failure that crosses the process boundary: a code, a sentence for people, and the field at fault.
 * `fields` lists every refused field at once (so a form shows all its errors together); `field` and
 * `message` stay the first of them, for callers that show one.
 */
export interface DeskError {
  code: ErrorCode;
  message: string;
  field?: string;
  fields?: FieldIssue[];
}

/** Every call answers with a result object: errors never cross the boundary as thrown exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskError };

/** Builds a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed result. */
export function fail<T = never>(code: ErrorCode, message: string, field?: string): Result<T> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/** Every field issue of an error: its `fields`, or the single `field` of older answers. */
export function fieldIssues(error: DeskError | undefined): FieldIssue[] {
  if (!error) return [];
  if (error.fields && error.fields.length > 0) return error.fields;
  return error.field === undefined ? [] : [{ field: error.field, message: error.message }];
}

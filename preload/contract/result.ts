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

/** A failure that crosses the process boundary: a code, a sentence for people, and the field at fault. */
export interface DeskError {
  code: ErrorCode;
  message: string;
  field?: string;
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

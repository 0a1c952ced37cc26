import type { DeskError, ErrorCode } from '../../preload/shared/contract/result';

/** Thrown inside main by services; the dispatcher turns it into `{ ok: false, error }` for the renderer. */
export class DeskFailure extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DeskFailure';
    this.code = code;
    this.field = field;
  }

  /** The plain object that crosses the boundary. */
  toDeskError(): DeskError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

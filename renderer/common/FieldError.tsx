import type { DeskError } from '../../preload/contract/result';
import { messageFor } from './ErrorMessage';

/** The error text under a form field when main refused that field. */
export function FieldError({ error, field, id }: { error: DeskError | undefined; field: string; id: string }) {
  if (!error || error.field !== field || error.code === 'conflict') return null;
  return (
    <span className="field-error" id={id} role="alert">
      {messageFor(error)}
    </span>
  );
}

/** Props that mark a field invalid and point at its error text. */
export function invalidProps(error: DeskError | undefined, field: string, id: string) {
  return error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
}

import { useId, type ReactNode } from 'react';
import type { DeskError } from '../../preload/shared/contract/result';
import { FieldError, invalidProps } from './FieldError';

/** What a field's control must carry: its id (the label points at it) and the aria state of its error. */
export interface FieldControl {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

export interface FieldProps {
  label: ReactNode;
  /** The contract's name for the value ("candidateEmail"): main's refusal of it is shown here. */
  name: string;
  error: DeskError | undefined;
  /** A line under the control; the control is described by it, then by its error. */
  hint?: ReactNode;
  /** The control's id, when something else must find it (focus after a row is added); else one of its own. */
  id?: string;
  /** A hint shown elsewhere (one for a whole group) that describes this control too. */
  describedBy?: string;
  /** The control, given its id and aria props to spread. */
  children: (control: FieldControl) => ReactNode;
}

/**
 * One form field: label, control, hint and main's error, tied together so that a screen reader hears
 * the label, the hint and the error, and the control is marked invalid exactly when the error shows.
 * A fragment: the form's own layout (a fieldset, a row's cell) holds it.
 */
export function Field({ label, name, error, hint, id: given, describedBy, children }: FieldProps) {
  const own = useId();
  const id = given ?? own;
  const hintId = hint !== undefined ? `${id}-h` : describedBy;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...invalidProps(error, name, `${id}-e`, hintId) })}
      <FieldError error={error} field={name} id={`${id}-e`} />
      {hint !== undefined && (
        <p className="hint" id={`${id}-h`}>
          {hint}
        </p>
      )}
    </>
  );
}

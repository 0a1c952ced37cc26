import { useCallback, useState } from 'react';
import { fieldIssues, type DeskError } from '../../preload/shared/contract/result';

/** The message main gave for one field, if it refused that field (a conflict is a warning, not a field error). */
export function fieldMessage(error: DeskError | undefined, field: string): string | undefined {
  if (!error || error.code === 'conflict') return undefined;
  return fieldIssues(error).find((issue) => issue.field === field)?.message;
}

/** The error text under a form field when main refused that field; the field points at it with `invalidProps`. */
export function FieldError({ error, field, id }: { error: DeskError | undefined; field: string; id: string }) {
  const message = fieldMessage(error, field);
  if (!message) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {message}
    </span>
  );
}

/**
 * Props that mark a field invalid and point at its error text (after any hint the field already
 * describes itself with, so a screen reader reads both).
 */
export function invalidProps(error: DeskError | undefined, field: string, id: string, hintId?: string) {
  if (!fieldMessage(error, field)) return hintId ? { 'aria-describedby': hintId } : {};
  return { 'aria-invalid': true as const, 'aria-describedby': hintId ? `${hintId} ${id}` : id };
}

/** The error without one field's issue; undefined once nothing of it is left to show. */
export function withoutField(error: DeskError | undefined, field: string): DeskError | undefined {
  if (!error) return undefined;
  const issues = fieldIssues(error);
  if (!issues.some((issue) => issue.field === field)) return error;
  const rest = issues.filter((issue) => issue.field !== field);
  const first = rest[0];
  if (!first) return undefined;
  return { code: error.code, message: first.message, field: first.field, fields: rest };
}

/** True when the error is about none of the form's own fields: it is shown once, under the form. */
export function isFormWide(error: DeskError | undefined, fields: readonly string[]): boolean {
  if (!error) return false;
  const issues = fieldIssues(error);
  return issues.length === 0 || error.code === 'conflict' || !issues.some((issue) => fields.includes(issue.field));
}

/**
 * A form's errors from main: every refused field at once, each cleared as soon as the person edits
 * that field (main checks it again on the next submit), so a stale message never sits beside a fix.
 */
export function useFormErrors() {
  const [error, setError] = useState<DeskError | undefined>();
  const edited = useCallback((field: string) => setError((current) => withoutField(current, field)), []);
  return { error, setError, edited };
}

/** A short spoken summary of the refused fields, named as their labels ("Please check Candidate name, Date."). */
export function FieldErrorSummary({ error, labels }: { error: DeskError | undefined; labels: Record<string, string> }) {
  const named = fieldIssues(error?.code === 'conflict' ? undefined : error)
    .map((issue) => labels[issue.field])
    .filter((label): label is string => !!label);
  if (named.length === 0) return null;
  return (
    <p className="form-error-summary" role="status">
      Please check {[...new Set(named)].join(', ')}.
    </p>
  );
}

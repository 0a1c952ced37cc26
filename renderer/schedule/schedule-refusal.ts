import { fieldIssues, type DeskError, type FieldIssue } from '../../preload/shared/contract/result';

/**
 * What the form shows when main refuses to schedule: every refused field at once, the name and email
 * asked for in the form first (`senderIssues`). While the form itself asks for them, main's "add your
 * name and email in Settings" is left out: it would say the same thing twice.
 */
export function scheduleRefusal(senderIssues: readonly FieldIssue[], error: DeskError): DeskError {
  const issues = [
    ...senderIssues,
    ...fieldIssues(error).filter((issue) => !(senderIssues.length > 0 && issue.field === 'recruiter')),
  ];
  const first = issues[0];
  return first && error.code === 'invalid_input'
    ? { code: 'invalid_input', message: first.message, field: first.field, fields: issues }
    : error;
}

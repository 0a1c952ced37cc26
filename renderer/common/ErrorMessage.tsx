import { fieldIssues, type DeskError } from '../../preload/shared/contract/result';

const titles: Record<DeskError['code'], string> = {
  invalid_input: 'Please check this',
  not_found: 'Not found',
  conflict: 'Conflict',
  forbidden: 'Not allowed',
  unavailable: 'Not reachable right now',
  needs_reconnect: 'Reconnect your Google account',
  keychain_unavailable: 'Keychain not available',
  internal: 'Something went wrong',
};

/**
 * The message without main's `field.path: ` prefix: the screen shows it next to the field's own
 * label, and the message already names the field in the screen's words.
 */
export function messageFor(error: DeskError): string {
  return error.field && error.message.startsWith(`${error.field}: `)
    ? error.message.slice(error.field.length + 2)
    : error.message;
}

/** Shows a main-process error in plain words (never a stack trace), announced to screen readers. */
export function ErrorMessage({ error }: { error: DeskError | undefined }) {
  if (!error) return null;
  // A form without per-field places (or a refusal of several fields) still shows every message at once.
  const issues = fieldIssues(error);
  return (
    <div className="error-message" role="alert">
      <strong>{titles[error.code]}.</strong>{' '}
      {issues.length > 1 ? (
        <ul>
          {issues.map((issue) => (
            <li key={issue.field}>{issue.message}</li>
          ))}
        </ul>
      ) : (
        messageFor(error)
      )}
    </div>
  );
}

/** "Ada Lovelace joined 2 minutes ago and is waiting": one wording for the notification and the room banner. */
export function waitingLine(waiting: { displayName: string; since: string; identified: boolean }, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(waiting.since)) / 60_000));
  const ago = minutes === 0 ? 'just now' : minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const who =
    waiting.identified && waiting.displayName
      ? waiting.displayName
      : `Someone${waiting.displayName ? ` (${waiting.displayName})` : ''}`;
  return `${who} joined ${ago} and is waiting`;
}

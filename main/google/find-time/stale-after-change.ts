import type { InterviewChange } from '../../interviews/interview-commands';

/**
 * Whether a change to the app's own interviews makes a kept free/busy answer wrong: an interview
 * (its Calendar event) appeared, moved, changed length, was cancelled or went. An edit that keeps
 * its time (notes, the panel's names) leaves the busy time as it was.
 */
export function busyAnswerStaleAfter(change: InterviewChange): boolean {
  if (change.kind !== 'updated' && change.kind !== 'relinked') return true;
  const { interview, previous } = change;
  return (
    interview.startUtc !== previous.startUtc ||
    interview.durationMinutes !== previous.durationMinutes ||
    interview.status !== previous.status
  );
}

import type { InterviewSummary } from '../../preload/shared/contract/interview-schema';
import { routeHref } from './use-hash-route';

/**
 * Where the device check leads back to in the candidate's home: the interview the person last
 * opened (if it is still saved), else their only one, else the list of them.
 */
export function backFromDeviceCheck(
  saved: Array<Pick<InterviewSummary, 'id'>>,
  lastOpened: string | undefined,
): { href: string; label: string } {
  const id = saved.find((i) => i.id === lastOpened)?.id ?? (saved.length === 1 ? saved[0]!.id : undefined);
  return id
    ? { href: routeHref({ screen: 'interview', id }), label: 'Back to your interview' }
    : { href: routeHref({ screen: 'welcome' }), label: 'Back to your interviews' };
}

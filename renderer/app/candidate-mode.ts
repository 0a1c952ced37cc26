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

interface Settled<T> {
  value?: T;
  error?: unknown;
}
const settled = (call: Settled<unknown>) => call.value !== undefined || call.error !== undefined;

/**
 * Whose app this is: the candidate's home (no account, nothing scheduled here, at least one saved
 * invitation, and the person has not said "I schedule interviews"), the recruiter's, or not yet known.
 * Until the account, the settings and the saved invitations are read it is unknown, and the screens
 * that differ wait: a start used to flash the welcome screen before the candidate's home replaced it.
 * A read that failed counts as read, so an error never keeps the screen empty.
 */
export function appModeOf(
  account: Settled<{ state: string }>,
  settings: Settled<{ fullApp: boolean }>,
  home: Settled<{ scheduledHere: boolean; saved: unknown[] }>,
): 'candidate' | 'recruiter' | 'unknown' {
  const connected = account.value?.state === 'connected' || account.value?.state === 'needs_reconnect';
  if (connected) return 'recruiter';
  if (!settled(account) || !settled(settings) || !settled(home)) return 'unknown';
  return settings.value?.fullApp === false && home.value && !home.value.scheduledHere && home.value.saved.length > 0
    ? 'candidate'
    : 'recruiter';
}

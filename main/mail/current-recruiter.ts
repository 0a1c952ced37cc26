import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';
import type { Settings } from '../../preload/shared/contract/settings-schema';

/** The person the emails come from and the calendar invites name as organizer. */
export interface Recruiter {
  name: string;
  email: string;
}

/**
 * Who the recruiter is now: the Google account while one is connected (or waits to be reconnected),
 * named by its address when Google gave no name; else the name and address saved in Settings; else
 * nobody yet (the first-run step asks).
 */
export function currentRecruiter(
  status: AccountStatus,
  settings: Pick<Settings, 'recruiterName' | 'recruiterEmail'>,
): Recruiter | null {
  if (status.state !== 'disconnected') return { name: status.name || status.email, email: status.email };
  const { recruiterName, recruiterEmail } = settings;
  return recruiterName && recruiterEmail ? { name: recruiterName, email: recruiterEmail } : null;
}

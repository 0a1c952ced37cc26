import type { Conflict } from '../../preload/shared/contract/interview-schema';
import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { formatDateTime } from '../common/format';

/**
 * Who signs the candidate's message, as in the email: the Google account wins over Settings, and
 * without either, the name being typed into the form.
 */
export function messageSigner(
  account: AccountStatus | undefined,
  settings: Settings | undefined,
  typedName: string,
): string {
  if (account && account.state !== 'disconnected') return account.name || account.email;
  return settings?.recruiterName || typedName;
}

/** The interviews a proposed time overlaps, each with its job and start in `zone`, as the preview lists them. */
export function overlapList(conflicts: readonly Conflict[], zone: string): string {
  return conflicts.map((c) => `${c.candidateName} (${c.jobTitle}, ${formatDateTime(c.startUtc, zone)})`).join('; ');
}

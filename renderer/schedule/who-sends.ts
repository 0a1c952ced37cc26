import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';
import { fieldIssues, type DeskError, type FieldIssue } from '../../preload/shared/contract/result';
import type { Settings } from '../../preload/shared/contract/settings-schema';

/** The name and email invitations come from, as typed into the schedule form. */
export interface Sender {
  recruiterName: string;
  recruiterEmail: string;
}

/**
 * Without Google, invitations come from the name and email in Settings: the form asks for them when
 * either is missing (and only once both the account and Settings are known).
 */
export function asksWhoSends(account: AccountStatus | undefined, settings: Settings | undefined): boolean {
  return account?.state === 'disconnected' && !!settings && !(settings.recruiterName && settings.recruiterEmail);
}

/** The name or email left empty, each refused in the words of its field, before anything is saved. */
export function missingSender(sender: Sender): FieldIssue[] {
  const missing: FieldIssue[] = [];
  if (!sender.recruiterName.trim())
    missing.push({ field: 'recruiterName', message: 'Your name is required: invitations are signed with it' });
  if (!sender.recruiterEmail.trim())
    missing.push({ field: 'recruiterEmail', message: 'Your email is required: candidates reply to it' });
  return missing;
}

/** Settings' refusal of the name and email, per field; a refusal naming no field is shown at the email. */
export function senderRefusal(error: DeskError): FieldIssue[] {
  const issues = fieldIssues(error);
  return issues.length > 0 ? issues : [{ field: 'recruiterEmail', message: error.message }];
}

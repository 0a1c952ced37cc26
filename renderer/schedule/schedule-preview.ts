import type { Conflict } from '../../preload/shared/contract/interview-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import type { AccountStatus, CallInput } from '../../preload/shared/contract/ipc-contract';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { formatDateTime } from '../common/format';
import type { ScheduleDraft } from './schedule-draft';

/** What the live preview asks main about, or nothing while the date, time, zone or duration is unfinished. */
export function previewRequest(
  draft: Pick<ScheduleDraft, 'date' | 'time' | 'timeZone' | 'durationMinutes' | 'occurrence'>,
): CallInput<'interviews:preview'> | undefined {
  const durationMinutes = Number(draft.durationMinutes);
  if (!draft.date || !draft.time || !draft.timeZone || !Number.isInteger(durationMinutes)) return undefined;
  return {
    date: draft.date,
    time: draft.time,
    timeZone: draft.timeZone,
    durationMinutes,
    ...(draft.occurrence ? { occurrence: draft.occurrence } : {}),
  };
}

/** The preview's refusals shown at their fields before any submit: the ones about when the interview is. */
const whenFields = new Set(['occurrence', 'time', 'date', 'timeZone']);

/** The error the form shows: the submit's own, else the preview's refusal of a "when" field. */
export function shownScheduleError(
  submitError: DeskError | undefined,
  previewError: DeskError | undefined,
): DeskError | undefined {
  return submitError ?? (previewError?.field && whenFields.has(previewError.field) ? previewError : undefined);
}

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

import type { DeskError } from '../../preload/shared/contract/result';
import type { CallInput } from '../../preload/shared/contract/ipc-contract';

/** Which of two times the person means when the clocks go back over it; '' until they say. */
export type OccurrenceChoice = '' | 'earlier' | 'later';

/** When an interview is, as a form holds it while it is typed (the Schedule form, the Reschedule dialog). */
export interface WhenDraft {
  date: string;
  time: string;
  timeZone: string;
  durationMinutes: string;
  occurrence: OccurrenceChoice;
}

/**
 * What the live preview asks main about, or nothing while the date, time, zone or duration is
 * unfinished. `excludeId` is the interview being moved: its own time is no conflict.
 */
export function previewRequest(when: WhenDraft, excludeId?: string): CallInput<'interviews:preview'> | undefined {
  const durationMinutes = Number(when.durationMinutes);
  if (!when.date || !when.time || !when.timeZone || !Number.isInteger(durationMinutes)) return undefined;
  return {
    date: when.date,
    time: when.time,
    timeZone: when.timeZone,
    durationMinutes,
    ...(when.occurrence ? { occurrence: when.occurrence } : {}),
    ...(excludeId ? { excludeId } : {}),
  };
}

/** The preview's refusals shown at their fields before any submit: the ones about when the interview is. */
const whenFields = new Set(['occurrence', 'time', 'date', 'timeZone']);

/** The error a form shows: the submit's own, else the preview's refusal of a "when" field. */
export function shownWhenError(
  submitError: DeskError | undefined,
  previewError: DeskError | undefined,
  fields: ReadonlySet<string> = whenFields,
): DeskError | undefined {
  return submitError ?? (previewError?.field && fields.has(previewError.field) ? previewError : undefined);
}

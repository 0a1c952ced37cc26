import { useEffect, useState } from 'react';
import type { DeskError } from '../../preload/shared/contract/result';
import { systemTimeZone } from '../common/format';
import { freshScheduleDraft, loadScheduleDraft, saveScheduleDraft, type ScheduleDraft } from './schedule-draft';

/** One field's change handler (an input, a text area, a radio button). */
export type DraftSetter = (key: keyof ScheduleDraft) => (event: { target: { value: string } }) => void;

/** What a part of the schedule form needs to show and edit its fields. */
export interface DraftFieldsProps {
  draft: ScheduleDraft;
  set: DraftSetter;
  error: DeskError | undefined;
}

/**
 * The schedule form's draft as typed. A draft left when the person went to Settings (or reloaded)
 * comes back as it was; from the first edit on, the draft is kept. `edited` hears which fields the
 * person changed, so that their errors clear at once.
 */
export function useScheduleDraft(edited: (field: string) => void) {
  const [kept] = useState(() => loadScheduleDraft());
  const [draft, setDraft] = useState<ScheduleDraft>(() => ({
    ...freshScheduleDraft(Date.now(), systemTimeZone()),
    ...kept,
  }));
  const [touched, setTouched] = useState(kept !== undefined);
  useEffect(() => {
    if (touched) saveScheduleDraft(draft);
  }, [draft, touched]);
  /** A change the person made to `fields`. */
  const change = (patch: Partial<ScheduleDraft>, fields: readonly string[]) => {
    setTouched(true);
    fields.forEach((field) => edited(field));
    setDraft((d) => ({ ...d, ...patch }));
  };
  const set: DraftSetter = (key) => (event) => change({ [key]: event.target.value }, [key]);
  return { kept, draft, setDraft, touched, setTouched, change, set };
}

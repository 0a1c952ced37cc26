import { useCallback, useState } from 'react';
import { isEmailAddress } from '../../preload/shared/contract/interview-schema';

/** One co-interviewer as typed. */
export interface PanelRow {
  email: string;
  name: string;
}

/** The addresses of a panel that are finished (one plain address each): the ones worth asking Google about. */
export function settledEmails(rows: readonly PanelRow[]): string[] {
  return rows.map((r) => r.email.trim()).filter((e) => isEmailAddress(e));
}

/**
 * The finished addresses of a panel being edited (the Schedule form's, the room's "Edit panel"), for
 * Google's free/busy: `settle` is called when an address is finished (its field left, a row removed,
 * the editor opened). The list changes only when the addresses do, so free/busy is not asked again
 * for the same people.
 */
export function useSettledPanel(initial: () => readonly PanelRow[]) {
  const [settled, setSettled] = useState<string[]>(() => settledEmails(initial()));
  const settle = useCallback((rows: readonly PanelRow[]) => {
    const next = settledEmails(rows);
    setSettled((current) => (current.join(',') === next.join(',') ? current : next));
  }, []);
  return { settled, settle };
}

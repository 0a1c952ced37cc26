import { useEffect, useSyncExternalStore } from 'react';

/** What a screen with unsaved edits says when the person tries to leave it. */
export interface LeaveWarning {
  title: string;
  detail: string;
  discardLabel: string;
}

// One guard at a time: only the screen on show can hold unsaved edits.
let guard: LeaveWarning | undefined;
let pending: { hash: string; warning: LeaveWarning; onDiscard?: () => void } | undefined;
const listeners = new Set<() => void>();
const tell = () => listeners.forEach((listener) => listener());

/** Holds `warning` while `dirty` is true: leaving the screen then asks first (and closing the window warns). */
export function useLeaveGuard(dirty: boolean, warning: LeaveWarning): void {
  const { title, detail, discardLabel } = warning;
  useEffect(() => {
    if (!dirty) return;
    const mine = { title, detail, discardLabel };
    guard = mine;
    const onUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => {
      if (guard === mine) guard = undefined;
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [dirty, title, detail, discardLabel]);
}

/**
 * Called when the hash changed: with unsaved edits on show, puts the old address back and holds the
 * new one until the person decides. Returns true when the move was held.
 */
export function holdLeave(previousHash: string, nextHash: string): boolean {
  if (!guard || previousHash === nextHash) return false;
  pending = { hash: nextHash, warning: guard };
  // replaceState does not fire hashchange: the screen (and its edits) stays as it was.
  window.history.replaceState(
    window.history.state,
    '',
    previousHash || window.location.pathname + window.location.search,
  );
  tell();
  return true;
}

/** The held move, if any (for the confirm dialog). */
export function useHeldLeave() {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    () => pending,
  );
}

/** Goes on with the held move, dropping the unsaved edits. */
export function discardAndLeave(): void {
  const held = pending;
  pending = undefined;
  guard = undefined;
  tell();
  held?.onDiscard?.();
  if (held) window.location.hash = held.hash;
}

/** Stays on the screen with the edits. */
export function stayHere(): void {
  pending = undefined;
  tell();
}

/** Asks before throwing edits away on purpose (an in-screen Cancel): `onDiscard` runs, then the move. */
export function askBeforeDiscard(warning: LeaveWarning, targetHash: string, onDiscard: () => void): void {
  pending = { hash: targetHash, warning, onDiscard };
  tell();
}

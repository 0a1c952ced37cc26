import { useEffect, useSyncExternalStore } from 'react';

/** What a screen with unsaved edits says when the person tries to leave it. */
export interface LeaveWarning {
  title: string;
  detail: string;
  discardLabel: string;
}

// One guard at a time: only the screen on show can hold unsaved edits.
let guard: LeaveWarning | undefined;
// `steps`: a held Back or Forward, as a move through the history.
let pending: { hash: string; warning: LeaveWarning; onDiscard?: () => void; steps?: number } | undefined;
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

// Where in the history each screen's entry stands, kept in the entry's state: a held move tells
// Back and Forward (the person stays by going back where they were) from a new address.
let here: number | undefined;
const entryOf = (): number | undefined => {
  const state: unknown = window.history.state;
  const entry = state && typeof state === 'object' ? (state as { deskEntry?: unknown }).deskEntry : undefined;
  return typeof entry === 'number' ? entry : undefined;
};
// The history move that puts the screen back after Back or Forward was held: not a move to ask about.
let returning = false;
// A Leave pressed before that move arrived: it goes once the screen is back on its own entry.
let afterReturning: (() => void) | undefined;

/** Marks the entry on show (a new one follows the entry it was reached from). */
export function noteEntry(): void {
  const known = entryOf();
  if (known !== undefined) here = known;
  else {
    here = (here ?? 0) + 1;
    const state: unknown = window.history.state;
    window.history.replaceState({ ...(state && typeof state === 'object' ? state : {}), deskEntry: here }, '');
  }
}

/**
 * Called when the hash changed: with unsaved edits on show, keeps the screen where it was and holds
 * the new address until the person decides. Returns true when the move was held (or was the way back).
 */
export function holdLeave(previousHash: string, nextHash: string): boolean {
  if (returning) {
    returning = false;
    const next = afterReturning;
    afterReturning = undefined;
    next?.();
    return true;
  }
  if (!guard || previousHash === nextHash) return false;
  const arrived = entryOf();
  if (arrived !== undefined && here !== undefined && arrived !== here) {
    // Back or Forward: go back to the screen's own entry, so a second Back asks again.
    pending = { hash: nextHash, warning: guard, steps: arrived - here };
    returning = true;
    window.history.go(here - arrived);
  } else if (arrived === undefined && here !== undefined) {
    // A link (a new entry after the screen's own): step back onto the screen's entry, so a kept
    // screen leaves no second entry of itself for Back to land on.
    pending = { hash: nextHash, warning: guard };
    returning = true;
    window.history.back();
  } else {
    pending = { hash: nextHash, warning: guard };
    // replaceState does not fire hashchange: the screen (and its edits) stays as it was.
    window.history.replaceState(
      window.history.state,
      '',
      previousHash || window.location.pathname + window.location.search,
    );
  }
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
  if (!held) return;
  const go = () => {
    if (held.steps) window.history.go(held.steps);
    else window.location.hash = held.hash;
  };
  if (returning) afterReturning = go;
  else go();
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

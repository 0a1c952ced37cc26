import { useRef, type RefObject } from 'react';
import { useFocusAfter } from './use-focus-after';

/**
 * Focus for after an action that removes or replaces the focused control (a form that goes away, a
 * button that disappears): `request()` focuses the ref's element once React has rendered it, so focus
 * lands on the result instead of falling to <body>. The element needs tabIndex={-1} unless it is a control.
 */
export function useFocusLater<T extends HTMLElement>(): [RefObject<T | null>, () => void] {
  const ref = useRef<T>(null);
  const focusAfter = useFocusAfter();
  return [ref, () => focusAfter(() => ref.current)];
}
